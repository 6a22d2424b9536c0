import type { RgbaImage } from './types';

export interface Downscaled {
  image: RgbaImage;
  /** Source pixels per output pixel (an integer >= 1). */
  factor: number;
}

/**
 * Shrinks an image by an integer factor so its long side is at most `maxSide`, averaging each
 * factor x factor block (the last row/column of blocks may be partial). Colour is averaged weighted by
 * alpha so transparent pixels do not bleed their (meaningless) colour into the result.
 * For large factors the average is taken over an evenly spaced grid of at most about 8x8 pixels of the
 * block, so an 8000x8000 image costs a fraction of a pass over its 256 MB.
 */
export function boxDownscale(src: RgbaImage, maxSide: number): Downscaled {
  const { width: w, height: h, data } = src;
  const factor = Math.max(1, Math.ceil(Math.max(w, h) / maxSide));
  // Nothing writes to the working copy: at full size it is the image itself.
  if (factor === 1) return { image: src, factor };
  const stride = Math.max(1, Math.floor(factor / 8));
  const ow = Math.ceil(w / factor);
  const oh = Math.ceil(h / factor);
  const out = new Uint8ClampedArray(ow * oh * 4);
  // Per output column of the current output row: sum(r*a), sum(g*a), sum(b*a), sum(a).
  const acc = new Float64Array(ow * 4);
  for (let oy = 0; oy < oh; oy++) {
    acc.fill(0);
    const y0 = oy * factor;
    const y1 = Math.min(h, y0 + factor);
    let rows = 0;
    for (let y = y0; y < y1; y += stride, rows++) {
      const row = y * w * 4;
      for (let ox = 0; ox < ow; ox++) {
        const x1 = Math.min(w, (ox + 1) * factor);
        let r = 0;
        let g = 0;
        let b = 0;
        let a = 0;
        for (let x = ox * factor; x < x1; x += stride) {
          const i = row + x * 4;
          const al = data[i + 3];
          r += data[i] * al;
          g += data[i + 1] * al;
          b += data[i + 2] * al;
          a += al;
        }
        const k = ox * 4;
        acc[k] += r;
        acc[k + 1] += g;
        acc[k + 2] += b;
        acc[k + 3] += a;
      }
    }
    for (let ox = 0; ox < ow; ox++) {
      const k = ox * 4;
      const cols = Math.ceil((Math.min(w, (ox + 1) * factor) - ox * factor) / stride);
      const a = acc[k + 3];
      const o = (oy * ow + ox) * 4;
      if (a > 0) {
        out[o] = acc[k] / a;
        out[o + 1] = acc[k + 1] / a;
        out[o + 2] = acc[k + 2] / a;
      }
      out[o + 3] = Math.round(a / (rows * cols));
    }
  }
  return { image: { width: ow, height: oh, data: out }, factor };
}
