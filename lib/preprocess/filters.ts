/**
 * Box blur of radius r along rows then columns, edges clamped. Three passes approximate a Gaussian
 * with sigma ~ r. Returns a new array.
 */
export function boxBlur(src: Float32Array, w: number, h: number, r: number, passes = 1): Float32Array {
  const a = new Float32Array(src);
  if (r < 1) return a;
  const b = new Float32Array(a.length);
  for (let p = 0; p < passes; p++) {
    blur1d(a, b, w, h, r, 1, w); // rows, a -> b
    blur1d(b, a, h, w, r, w, 1); // columns, b -> a
  }
  return a;
}

/** 1-D running-mean blur of `lines` lines of length `len`; step between samples / between lines. */
function blur1d(
  src: Float32Array,
  dst: Float32Array,
  len: number,
  lines: number,
  r: number,
  step: number,
  lineStep: number,
): void {
  const norm = 1 / (2 * r + 1);
  const last = len - 1;
  for (let l = 0; l < lines; l++) {
    const base = l * lineStep;
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += src[base + (k < 0 ? 0 : k > last ? last : k) * step];
    for (let k = 0; k < len; k++) {
      dst[base + k * step] = sum * norm;
      const add = k + r + 1;
      const sub = k - r;
      sum += src[base + (add > last ? last : add) * step] - src[base + (sub < 0 ? 0 : sub) * step];
    }
  }
}

/**
 * Otsu's threshold of `values` (only where `include` is 1, if given), computed on a histogram of
 * `bins` bins over [lo, hi]; values outside are clamped. Returns the threshold value.
 */
export function otsu(values: Float32Array, lo: number, hi: number, bins = 256, include?: Uint8Array): number {
  const hist = new Float64Array(bins);
  const scale = (bins - 1) / (hi - lo);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (include && !include[i]) continue;
    const k = Math.round((Math.min(hi, Math.max(lo, values[i])) - lo) * scale);
    hist[k]++;
    n++;
  }
  if (n === 0) return hi;
  let total = 0;
  for (let k = 0; k < bins; k++) total += k * hist[k];
  let w0 = 0;
  let sum0 = 0;
  let best = -1;
  let bestK = 0;
  for (let k = 0; k < bins - 1; k++) {
    w0 += hist[k];
    sum0 += k * hist[k];
    const w1 = n - w0;
    if (w0 === 0 || w1 === 0) continue;
    const m0 = sum0 / w0;
    const m1 = (total - sum0) / w1;
    const between = w0 * w1 * (m0 - m1) * (m0 - m1);
    if (between > best) {
      best = between;
      bestK = k;
    }
  }
  return lo + (bestK + 0.5) / scale;
}
