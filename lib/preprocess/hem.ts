import type { Mask, RgbaImage } from './types';

/**
 * The hem of a top worn over trousers: where, at the bottom of a person, the colours stop being the
 * chest's and become the legs'. Colours are compared as coarse RGB bins (6 per channel), which a print or
 * shading does not spread far.
 */

const BINS = 6;
const quantize = (v: number) => Math.min(BINS - 1, Math.floor((v * BINS) / 256));
function colourBin(d: RgbaImage['data'], p: number): number {
  return (quantize(d[p * 4]) * BINS + quantize(d[p * 4 + 1])) * BINS + quantize(d[p * 4 + 2]);
}

/**
 * First row of the part below the garment (trousers), or -1: rows whose pixels resemble the bottom of the
 * body more than the chest, from some row down to the bottom.
 */
export function findHem(img: RgbaImage, mask: Mask, x0: number, x1: number, y0: number, y1: number): number {
  const { width: w, data } = img;
  const height = y1 - y0;
  const chest = [y0 + Math.round(height * 0.1), y0 + Math.round(height * 0.45)];
  const legs = [y1 - Math.max(1, Math.round(height * 0.1)), y1];
  const hist = (from: number, to: number) => {
    // The share of the mask's pixels in each colour bin, over rows from..to.
    const h = new Float64Array(BINS ** 3);
    for (let y = from; y < to; y++) {
      for (let x = x0; x < x1; x++) if (mask.data[y * w + x]) h[colourBin(data, y * w + x)]++;
    }
    const n = h.reduce((s, v) => s + v, 0) || 1;
    return h.map((v) => v / n);
  };
  const chestColours = hist(chest[0], chest[1]);
  const legColours = hist(legs[0], legs[1]);
  const chestLike = (y: number) => {
    let votes = 0;
    let n = 0;
    for (let x = x0; x < x1; x++) {
      const p = y * w + x;
      if (!mask.data[p]) continue;
      const b = colourBin(data, p);
      votes += chestColours[b] >= legColours[b] ? 1 : 0;
      n++;
    }
    return n > 0 ? votes / n : 1;
  };
  // Walk up from the bottom while rows look like the legs.
  let hem = -1;
  for (let y = y1 - 1; y > y0 + height * 0.5; y--) {
    if (chestLike(y) >= 0.5) break;
    hem = y;
  }
  // Only a clear band of other colours counts (not a few rows of shadow).
  return hem >= 0 && y1 - hem >= height * 0.08 ? hem : -1;
}
