import { labelRuns } from './components';
import { keepObject } from './select';
import type { Box, Mask, RgbaImage } from './types';

/**
 * Worn garments: catalogue photos show a person, head to thighs. Fashion-MNIST shows the garment alone,
 * so when the object looks like a person (a tall object with a skin-coloured face at its top centre), the
 * head is cut off at the chin and, if the lower part of the body has other colours than the chest
 * (trousers under a pullover), that part is cut off too.
 */

/** Classic YCbCr skin-colour box. */
function isSkin(r: number, g: number, b: number): boolean {
  const y = 0.299 * r + 0.587 * g + 0.114 * b;
  const cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
  const cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
  return y > 50 && cb >= 77 && cb <= 127 && cr >= 135 && cr <= 173;
}

/** Row just below the face (chin/neck), or -1 if no face is found at the top centre of `box`. */
function findChin(img: RgbaImage, mask: Mask, box: Box): number {
  const { width: w } = img;
  const top = box.y + Math.round(box.height * 0.3);
  const skin = new Uint8Array(mask.data.length);
  for (let y = box.y; y < top; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const p = y * w + x;
      const i = p * 4;
      if (mask.data[p] && isSkin(img.data[i], img.data[i + 1], img.data[i + 2])) skin[p] = 1;
    }
  }
  const { components } = labelRuns({ width: mask.width, height: mask.height, data: skin });
  const mid = box.x + box.width / 2;
  const rowWidth = (y: number) => {
    let n = 0;
    for (let x = box.x; x < box.x + box.width; x++) n += mask.data[y * w + x];
    return n;
  };
  const area = box.width * box.height;
  const face = components
    .filter((c) => {
      const faceBottom = c.box.y + c.box.height;
      const shoulders = Math.min(box.y + box.height - 1, faceBottom + Math.round(box.height * 0.15));
      return (
        Math.abs(c.cx - mid) < box.width * 0.15 && // centred
        c.area >= 0.004 * area &&
        c.area <= 0.08 * area && // a head's size
        c.area >= 0.4 * c.box.width * c.box.height && // compact
        c.box.width <= box.width * 0.45 &&
        c.box.height >= c.box.width * 0.7 && // upright
        c.box.y <= box.y + box.height * 0.15 && // at the very top, under the hair at most
        rowWidth(Math.round(c.cy)) <= box.width * 0.6 && // the head (and hair) is narrow...
        rowWidth(shoulders) >= 1.8 * c.box.width // ...the shoulders below it are wide
      );
    })
    .sort((a, b) => b.area - a.area)[0];
  return face ? face.box.y + face.box.height : -1;
}

const BINS = 6;
const quantize = (v: number) => Math.min(BINS - 1, Math.floor((v * BINS) / 256));
function colourBin(d: RgbaImage['data'], p: number): number {
  return (quantize(d[p * 4]) * BINS + quantize(d[p * 4 + 1])) * BINS + quantize(d[p * 4 + 2]);
}

/**
 * First row of the part below the garment (trousers), or -1: rows whose pixels resemble the bottom of the
 * body more than the chest, from some row down to the bottom.
 */
function findHem(img: RgbaImage, mask: Mask, x0: number, x1: number, y0: number, y1: number): number {
  const { width: w, data } = img;
  const height = y1 - y0;
  const chest = [y0 + Math.round(height * 0.1), y0 + Math.round(height * 0.45)];
  const legs = [y1 - Math.max(1, Math.round(height * 0.1)), y1];
  const hist = (from: number, to: number) => {
    const h = new Float64Array(BINS ** 3);
    for (let y = from; y < to; y++) {
      for (let x = x0; x < x1; x++) if (mask.data[y * w + x]) h[colourBin(data, y * w + x)]++;
    }
    const n = h.reduce((s, v) => s + v, 0) || 1;
    return h.map((v) => v / n);
  };
  const hc = hist(chest[0], chest[1]);
  const hl = hist(legs[0], legs[1]);
  const chestLike = (y: number) => {
    let votes = 0;
    let n = 0;
    for (let x = x0; x < x1; x++) {
      const p = y * w + x;
      if (!mask.data[p]) continue;
      const b = colourBin(data, p);
      votes += hc[b] >= hl[b] ? 1 : 0;
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

/** The garment's part of `mask` (whose bounding box is `box`): `mask` itself unless a person was cut. */
export function focusOnGarment(img: RgbaImage, mask: Mask, box: Box | null): Mask {
  if (!box || box.height < box.width * 1.2 || box.height < 20) return mask;
  const chin = findChin(img, mask, box);
  if (chin < 0) return mask;
  const bottom = box.y + box.height;
  const hem = findHem(img, mask, box.x, box.x + box.width, chin, bottom);
  const end = hem >= 0 ? hem : bottom;
  const out = new Uint8Array(mask.data.length);
  for (let y = chin; y < end; y++) {
    out.set(mask.data.subarray(y * mask.width, (y + 1) * mask.width), y * mask.width);
  }
  return keepObject({ width: mask.width, height: mask.height, data: out });
}
