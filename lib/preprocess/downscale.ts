import type { RgbaImage } from './types';

export interface Downscaled {
  image: RgbaImage;
  /** Source pixels per output pixel (an integer >= 1). */
  factor: number;
}

/** The size boxDownscale gives a `width` x `height` image, and its factor. */
export function downscaledSize(width: number, height: number, maxSide: number): { width: number; height: number; factor: number } {
  const factor = Math.max(1, Math.ceil(Math.max(width, height) / maxSide));
  return { width: Math.ceil(width / factor), height: Math.ceil(height / factor), factor };
}

/**
 * Shrinks an image by an integer factor so its long side is at most `maxSide`, averaging each
 * factor x factor block (the last row/column of blocks may be partial). Colour is averaged weighted by
 * alpha so transparent pixels do not bleed their (meaningless) colour into the result.
 * For large factors the average is taken over an evenly spaced grid of at most about 8x8 pixels of the
 * block, so an 8000x8000 image costs a fraction of a pass over its 256 MB. Block by block, each pixel read
 * as one 32-bit word.
 */
export function boxDownscale(src: RgbaImage, maxSide: number): Downscaled {
  const { width: w, height: h } = src;
  const { width: ow, height: oh, factor } = downscaledSize(w, h, maxSide);
  // Nothing writes to the working copy: at full size it is the image itself.
  if (factor === 1) return { image: src, factor };
  const stride = Math.max(1, Math.floor(factor / 8));
  const out = new Uint8ClampedArray(ow * oh * 4);
  const px = pixels(src);
  for (let oy = 0; oy < oh; oy++) {
    const y0 = oy * factor;
    const y1 = Math.min(h, y0 + factor);
    const rows = Math.ceil((y1 - y0) / stride);
    for (let ox = 0; ox < ow; ox++) {
      const x0 = ox * factor;
      const x1 = Math.min(w, x0 + factor);
      // Sums of r*a, g*a, b*a and a over the block's samples: integers, so exact in any order.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let y = y0; y < y1; y += stride) {
        for (let i = y * w + x0, end = y * w + x1; i < end; i += stride) {
          const v = px[i];
          const al = v >>> 24;
          r += (v & 255) * al;
          g += ((v >>> 8) & 255) * al;
          b += ((v >>> 16) & 255) * al;
          a += al;
        }
      }
      const o = (oy * ow + ox) * 4;
      if (a > 0) {
        out[o] = r / a;
        out[o + 1] = g / a;
        out[o + 2] = b / a;
      }
      out[o + 3] = Math.round(a / (rows * Math.ceil((x1 - x0) / stride)));
    }
  }
  return { image: { width: ow, height: oh, data: out }, factor };
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * The image's pixels as 32-bit words r | g << 8 | b << 16 | a << 24: a view of its bytes on
 * little-endian machines (all usual ones) when they start on a 4-byte boundary, a copy otherwise.
 */
function pixels(img: RgbaImage): Uint32Array {
  const n = img.width * img.height;
  const d = img.data;
  if (LITTLE_ENDIAN && d.byteOffset % 4 === 0) return new Uint32Array(d.buffer, d.byteOffset, n);
  const out = new Uint32Array(n);
  for (let p = 0; p < n; p++) out[p] = (d[4 * p] | (d[4 * p + 1] << 8) | (d[4 * p + 2] << 16) | (d[4 * p + 3] << 24)) >>> 0;
  return out;
}
