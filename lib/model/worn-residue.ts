/**
 * What preprocessing leaves of a person around a worn garment, drawn on a 28x28 training picture: the
 * chin and neck, or hair, above it; a band of the other garment below it (the trousers under a top,
 * the legs below a dress); the hands at the end of a sleeve. Any picture may get them, whatever its
 * class (outliers too), so that they never decide the class: a T-shirt with a band below is still a
 * T-shirt, not a dress. Values are the model's: a light object on black, so dark hair or jeans are bright
 * and skin is faint to middling.
 */
import { IMAGE_SIZE } from '../classes';
import { CANVAS, CANVAS_OFFSET, fitObject, objectBounds } from './framing';
import type { Bounds } from './framing';
import type { Rng } from './rng';

const N = IMAGE_SIZE;
const canvas = new Float32Array(CANVAS * CANVAS);

/** Paints `value` over the canvas where `inside(x, y)` holds and nothing of the garment is. */
function paintBehind(value: number, x0: number, y0: number, x1: number, y1: number, inside: (x: number, y: number) => boolean): void {
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(CANVAS, Math.ceil(y1)); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(CANVAS, Math.ceil(x1)); x++) {
      const p = y * CANVAS + x;
      if (canvas[p] < 0.05 && inside(x + 0.5, y + 0.5)) canvas[p] = value;
    }
  }
}

/** A stub above the garment's top middle: the neck and chin (faint) or hair (bright). */
function neckOrHair(b: Bounds, rng: Rng): void {
  const width = b.right - b.left + 1;
  const height = b.bottom - b.top + 1;
  const cx = (b.left + b.right + 1) / 2 + rng.uniform(-0.04, 0.04) * width;
  const rx = rng.uniform(0.07, 0.17) * width;
  const ry = rng.uniform(0.04, 0.12) * height;
  const value = rng.chance(0.5) ? rng.uniform(0.1, 0.45) : rng.uniform(0.6, 1);
  // An upright half-ellipse standing on the garment's top edge.
  const cy = b.top + 1;
  paintBehind(value, cx - rx, cy - ry, cx + rx, cy + 1, (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1);
}

/** A band of another garment (or legs) below the garment's bottom, one piece or two legs. */
function bandBelow(b: Bounds, rng: Rng): void {
  const width = b.right - b.left + 1;
  const height = b.bottom - b.top + 1;
  const cx = (b.left + b.right + 1) / 2;
  const half = rng.uniform(0.22, 0.45) * width;
  const depth = rng.uniform(0.05, 0.3) * height;
  const value = rng.uniform(0.15, 1);
  const gap = rng.chance(0.5) ? rng.uniform(0.03, 0.1) * width : 0;
  const top = b.bottom - 1;
  paintBehind(value, cx - half, top, cx + half, top + depth, (x) => Math.abs(x - cx) >= gap);
}

/** Hands below the lowest part of the garment's sides (the cuffs of long sleeves). */
function hands(b: Bounds, rng: Rng): void {
  const width = b.right - b.left + 1;
  const height = b.bottom - b.top + 1;
  const r = rng.uniform(0.04, 0.08) * width;
  const value = rng.uniform(0.1, 0.45);
  for (const side of [b.left, b.right]) {
    // The lowest garment pixel within a few columns of this side: where the sleeve ends.
    let cuff = -1;
    for (let y = b.bottom; y >= b.top && cuff < 0; y--) {
      for (let x = side - 2; x <= side + 2; x++) if (canvas[y * CANVAS + x] > 0.05) cuff = y;
    }
    if (cuff < b.top + height * 0.4) continue; // no sleeve reaches down this side
    const cx = side + (side === b.left ? r : -r);
    const cy = cuff + r * 0.8;
    paintBehind(value, cx - r, cy - r, cx + r, cy + r, (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r);
  }
}

/**
 * Draws some of what preprocessing leaves of a person around the garment in `img` (784 values), then
 * crops the picture to the whole and fits it to 28 px again, as preprocessing frames a photo.
 */
export function addWornResidue(img: Float32Array, rng: Rng): void {
  canvas.fill(0);
  for (let y = 0; y < N; y++) canvas.set(img.subarray(y * N, y * N + N), (y + CANVAS_OFFSET) * CANVAS + CANVAS_OFFSET);
  const b = objectBounds(canvas, CANVAS);
  if (!b) return;
  // At least one of the three; each alone about as often as a photo shows it.
  const [neck, band, hand] = [rng.chance(0.6), rng.chance(0.5), rng.chance(0.2)];
  if (neck || !(band || hand)) neckOrHair(b, rng);
  if (band) bandBelow(b, rng);
  if (hand) hands(b, rng);
  fitObject(canvas, img);
}
