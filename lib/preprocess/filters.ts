import { floatMemory, instantiateInline, type InlineModule } from '../inline-wasm';
import wasmBase64 from './simd/blur.wasm';

/** simd/blur.ts: pointers are byte offsets into the module's memory. */
interface BlurKernels extends InlineModule {
  blurColumns(src: number, dst: number, w: number, h: number, r: number): void;
  transpose(src: number, dst: number, w: number, h: number): void;
}

let kernels: BlurKernels | undefined;

/**
 * Box blur of radius r along rows then columns, edges clamped. Three passes approximate a Gaussian
 * with sigma ~ r. Writes to `out` (a new array by default) and returns it. Runs in WebAssembly SIMD
 * (simd/blur.ts): about twice as fast as the best JS loop found (8 lines side by side), whose results
 * it gives to the bit.
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
  kernels ??= instantiateInline<BlurKernels>(wasmBase64);
  // Three planes of the image in the module's memory: the image, and two to work in.
  const n = w * h;
  const [image, a, b] = [0, 4 * n, 8 * n];
  const heap = floatMemory(kernels, 3 * n);
  heap.set(src.subarray(0, n));
  for (let p = 0; p < passes; p++) {
    // Rows are the columns of the transposed image.
    kernels.transpose(image, a, w, h);
    kernels.blurColumns(a, b, h, w, r);
    kernels.transpose(b, a, h, w);
    kernels.blurColumns(a, image, w, h, r);
  }
  out.set(heap.subarray(0, n));
  return out;
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
