import { toLab } from './color';
import { boxBlur } from './filters';
import { scratchF32 } from './scratch';
import type { RgbaImage } from './types';

/** Per-pixel features for segmentation: smoothed CIELAB and a texture measure. */
export interface Features {
  width: number;
  height: number;
  /** [L, a, b, texture] planes. */
  planes: Float32Array[];
  /** Smallest meaningful spread of each feature (noise on a perfectly flat backdrop). */
  floors: number[];
}

/**
 * hypot(a, b) / 2 as a float32, as `Math.fround(Math.hypot(a, b) / 2)` gives it. Math.hypot is slow (it
 * guards against overflow); a plain square root is within a few double ulps of it, which decides the
 * float32 unless the value sits within 2^-48 of a float32 rounding boundary: only then (rarely) is
 * Math.hypot itself asked.
 */
function halfHypot32(a: number, b: number): number {
  const v = Math.sqrt(a * a + b * b) / 2;
  const lo = Math.fround(v * (1 - 2 ** -48));
  return lo === Math.fround(v * (1 + 2 ** -48)) ? lo : Math.fround(Math.hypot(a, b) / 2);
}

/** Local mean magnitude of the lightness gradient: high on carpets, prints and edges, low on flat cloth. */
function texture(L: Float32Array, w: number, h: number, r: number): Float32Array {
  const g = scratchF32('gradient', w * h, false);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const up = Math.max(0, y - 1) * w;
    const down = Math.min(h - 1, y + 1) * w;
    for (let x = 0; x < w; x++) {
      const gx = L[row + Math.min(w - 1, x + 1)] - L[row + Math.max(0, x - 1)];
      const gy = L[down + x] - L[up + x];
      g[row + x] = halfHypot32(gx, gy);
    }
  }
  return boxBlur(g, w, h, r, 1, scratchF32('texture', w * h, false));
}

/** The features of an image (in scratch memory, scratch.ts: valid until the next image). */
export function features(img: RgbaImage): Features {
  const { width: w, height: h } = img;
  const n = w * h;
  const lab = toLab(img, scratchF32('L', n, false), scratchF32('a', n, false), scratchF32('b', n, false));
  const r = Math.round(Math.min(w, h) / 200);
  return {
    width: w,
    height: h,
    planes: [
      boxBlur(lab.L, w, h, r, 2, scratchF32('L blurred', n, false)),
      boxBlur(lab.A, w, h, r, 2, scratchF32('a blurred', n, false)),
      boxBlur(lab.B, w, h, r, 2, scratchF32('b blurred', n, false)),
      texture(lab.L, w, h, 1),
    ],
    floors: [1.5, 1.5, 1.5, 1.5],
  };
}
