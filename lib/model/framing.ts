/**
 * Sampling and framing of 28x28 training pictures (light object on black): the bilinear sampler, and the
 * crop that fits an object drawn on a larger canvas back into the frame, as preprocessing frames a photo.
 */
import { IMAGE_SIZE } from '../classes';

const N = IMAGE_SIZE;

/** The pixel at (x, y) of a side x side image; outside is black. */
function texel(img: Float32Array, side: number, y: number, x: number): number {
  return y < 0 || y >= side || x < 0 || x >= side ? 0 : img[y * side + x];
}

/** Bilinear sample of a side x side image at (x, y) in pixel centres; outside is black. */
export function bilinear(img: Float32Array, side: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < -1 || y0 < -1 || x0 >= side || y0 >= side) return 0;
  const fx = x - x0;
  const fy = y - y0;
  return (
    (texel(img, side, y0, x0) * (1 - fx) + texel(img, side, y0, x0 + 1) * fx) * (1 - fy) +
    (texel(img, side, y0 + 1, x0) * (1 - fx) + texel(img, side, y0 + 1, x0 + 1) * fx) * fy
  );
}

/** Room around the picture while it is warped or drawn on, so that no part of the object is cut off. */
export const CANVAS = 2 * N;
export const CANVAS_OFFSET = (CANVAS - N) / 2;
/** Where an object lies on a picture: its first and last columns and rows. */
export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The bounds of the values above 0.05 of a side x side picture, or null when it is empty. */
export function objectBounds(picture: Float32Array, side: number): Bounds | null {
  const b = { left: side, top: side, right: -1, bottom: -1 };
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if (picture[y * side + x] <= 0.05) continue;
      if (x < b.left) b.left = x;
      if (x > b.right) b.right = x;
      if (y < b.top) b.top = y;
      b.bottom = y;
    }
  }
  return b.right < 0 ? null : b;
}

/**
 * Crops a CANVAS x CANVAS picture to its object and fits the object's long side to N px, centred, into
 * `img`, as preprocessing crops a photo. An empty canvas leaves `img` as it is.
 */
export function fitObject(canvas: Float32Array, img: Float32Array): void {
  const b = objectBounds(canvas, CANVAS);
  if (!b) return;
  const [w, h] = [b.right - b.left + 1, b.bottom - b.top + 1];
  const scale = N / Math.max(w, h);
  const [ox, oy] = [(N - w * scale) / 2, (N - h * scale) / 2];
  for (let y = 0; y < N; y++) {
    for (let x = 0; x < N; x++) {
      img[y * N + x] = bilinear(canvas, CANVAS, b.left + (x + 0.5 - ox) / scale - 0.5, b.top + (y + 0.5 - oy) / scale - 0.5);
    }
  }
}
