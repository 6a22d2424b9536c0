import { toLab } from './color';
import { boxBlur } from './filters';
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

/** Local mean magnitude of the lightness gradient: high on carpets, prints and edges, low on flat cloth. */
function texture(L: Float32Array, w: number, h: number, r: number): Float32Array {
  const g = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      const gx = L[y * w + Math.min(w - 1, x + 1)] - L[y * w + Math.max(0, x - 1)];
      const gy = L[Math.min(h - 1, y + 1) * w + x] - L[Math.max(0, y - 1) * w + x];
      g[p] = Math.hypot(gx, gy) / 2;
    }
  }
  return boxBlur(g, w, h, r, 1);
}

export function features(img: RgbaImage): Features {
  const { width: w, height: h } = img;
  const lab = toLab(img);
  const r = Math.round(Math.min(w, h) / 200);
  return {
    width: w,
    height: h,
    planes: [
      boxBlur(lab.L, w, h, r, 2),
      boxBlur(lab.A, w, h, r, 2),
      boxBlur(lab.B, w, h, r, 2),
      texture(lab.L, w, h, 1),
    ],
    floors: [1.5, 1.5, 1.5, 1.5],
  };
}
