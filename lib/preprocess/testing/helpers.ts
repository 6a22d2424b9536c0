/** Synthetic images and measurements for the preprocessing tests (not used by the extension). */
import type { RgbaImage } from '../types';

export type Rgba = [number, number, number, number?];
export type Painter = (x: number, y: number) => Rgba | null;

/** Deterministic pseudo-random numbers in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** A w x h image: `paint` gives the object's colour where it is, `background` the colour elsewhere. */
export function makeImage(w: number, h: number, background: Painter, paint: Painter): RgbaImage {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const c = paint(x, y) ?? background(x, y) ?? [0, 0, 0, 0];
      const i = (y * w + x) * 4;
      data[i] = c[0];
      data[i + 1] = c[1];
      data[i + 2] = c[2];
      data[i + 3] = c[3] ?? 255;
    }
  }
  return { width: w, height: h, data };
}

export const solid = (c: Rgba): Painter => () => c;

/** Uniform noise of +-amp around a colour. */
export function noisy(c: Rgba, amp: number, seed = 7): Painter {
  const r = rng(seed);
  return () => {
    const n = (r() * 2 - 1) * amp;
    return [c[0] + n, c[1] + n * 0.8 + (r() - 0.5) * amp * 0.4, c[2] + n * 0.6, c[3]];
  };
}

/** A T-shirt-like silhouette: a body and two sleeves, in the rectangle (x0, y0, w, h). */
export function tshirt(x0: number, y0: number, w: number, h: number, c: Rgba): Painter {
  return (x, y) => {
    const u = (x - x0) / w;
    const v = (y - y0) / h;
    if (u < 0 || u >= 1 || v < 0 || v >= 1) return null;
    const body = u >= 0.22 && u < 0.78;
    const sleeves = v < 0.35 && !(v < 0.08 && u > 0.4 && u < 0.6);
    return body || sleeves ? c : null;
  };
}

/** A filled rectangle. */
export function rect(x0: number, y0: number, w: number, h: number, c: Rgba): Painter {
  return (x, y) => (x >= x0 && x < x0 + w && y >= y0 && y < y0 + h ? c : null);
}

/** Bounding box of the values above `t` in a 28x28 input, and its centre. */
export function extent(input: Float32Array, t = 0.05, side = 28) {
  let x0 = side;
  let y0 = side;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if (input[y * side + x] <= t) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  return { x0, y0, x1, y1, width, height, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 };
}

export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb || 1);
}
