import { scratchF32 } from './scratch';

/**
 * Box blur of radius r along rows then columns, edges clamped. Three passes approximate a Gaussian
 * with sigma ~ r. Writes to `out` (a new array by default; not `src`) and returns it.
 */
export function boxBlur(
  src: Float32Array,
  w: number,
  h: number,
  r: number,
  passes = 1,
  out: Float32Array = new Float32Array(src.length),
): Float32Array {
  if (r < 1) {
    out.set(src);
    return out;
  }
  const tmp = scratchF32('boxBlur', src.length, false);
  for (let p = 0; p < passes; p++) {
    blur1d(p === 0 ? src : out, tmp, w, h, 1, w, r); // rows
    blur1d(tmp, out, h, w, w, 1, r); // columns
  }
  return out;
}

/** k clamped to 0..last. (A top-level function: closures made per call are costly under tsx.) */
function clamp(k: number, last: number): number {
  return k < 0 ? 0 : k > last ? last : k;
}

/**
 * 1-D running-mean blur of `lines` lines of length `len`, edges clamped; `step` is the distance between
 * samples of a line, `lineStep` between lines. Eight lines are blurred side by side: their running sums
 * are independent, so the processor overlaps them (and columns are read along rows). Each line's sum
 * sees the same additions in the same order as one line at a time, so results are identical.
 */
function blur1d(
  src: Float32Array,
  dst: Float32Array,
  len: number,
  lines: number,
  step: number,
  lineStep: number,
  r: number,
): void {
  const norm = 1 / (2 * r + 1);
  const last = len - 1;
  // Offsets of the samples entering and leaving the window at each position, clamped once here.
  const adds = new Int32Array(len);
  const subs = new Int32Array(len);
  for (let k = 0; k < len; k++) {
    adds[k] = clamp(k + r + 1, last) * step;
    subs[k] = clamp(k - r, last) * step;
  }
  let l = 0;
  for (; l + 7 < lines; l += 8) {
    const b0 = l * lineStep;
    const b1 = b0 + lineStep;
    const b2 = b1 + lineStep;
    const b3 = b2 + lineStep;
    const b4 = b3 + lineStep;
    const b5 = b4 + lineStep;
    const b6 = b5 + lineStep;
    const b7 = b6 + lineStep;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    for (let k = -r; k <= r; k++) {
      const i = clamp(k, last) * step;
      s0 += src[b0 + i];
      s1 += src[b1 + i];
      s2 += src[b2 + i];
      s3 += src[b3 + i];
      s4 += src[b4 + i];
      s5 += src[b5 + i];
      s6 += src[b6 + i];
      s7 += src[b7 + i];
    }
    for (let k = 0, o = 0; k < len; k++, o += step) {
      const add = adds[k];
      const sub = subs[k];
      dst[b0 + o] = s0 * norm;
      s0 += src[b0 + add] - src[b0 + sub];
      dst[b1 + o] = s1 * norm;
      s1 += src[b1 + add] - src[b1 + sub];
      dst[b2 + o] = s2 * norm;
      s2 += src[b2 + add] - src[b2 + sub];
      dst[b3 + o] = s3 * norm;
      s3 += src[b3 + add] - src[b3 + sub];
      dst[b4 + o] = s4 * norm;
      s4 += src[b4 + add] - src[b4 + sub];
      dst[b5 + o] = s5 * norm;
      s5 += src[b5 + add] - src[b5 + sub];
      dst[b6 + o] = s6 * norm;
      s6 += src[b6 + add] - src[b6 + sub];
      dst[b7 + o] = s7 * norm;
      s7 += src[b7 + add] - src[b7 + sub];
    }
  }
  for (; l < lines; l++) {
    const b = l * lineStep;
    let s = 0;
    for (let k = -r; k <= r; k++) s += src[b + clamp(k, last) * step];
    for (let k = 0; k < len; k++) {
      dst[b + k * step] = s * norm;
      s += src[b + adds[k]] - src[b + subs[k]];
    }
  }
}

/**
 * Math.round(x) for x >= 0. Math.round is slow in V8; floor(x + 0.5) is the same except for the largest
 * double below 0.5, where the sum rounds up to 1.
 */
function roundNonNegative(x: number): number {
  return x === 0.49999999999999994 ? 0 : Math.floor(x + 0.5);
}

/**
 * Otsu's threshold of `values` (only where `include` is 1, if given), computed on a histogram of
 * `bins` bins over [lo, hi]; values outside are clamped. Returns the threshold value.
 */
export function otsu(values: Float32Array, lo: number, hi: number, bins = 256, include?: Uint8Array): number {
  const hist = new Int32Array(bins); // counts: exact as integers, and cheaper to add to
  const scale = (bins - 1) / (hi - lo);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (include && !include[i]) continue;
    const k = roundNonNegative((Math.min(hi, Math.max(lo, values[i])) - lo) * scale);
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
