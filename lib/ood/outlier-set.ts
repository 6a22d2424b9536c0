/**
 * Training pictures of none of the 10 kinds, for outlier exposure: drawn shapes (drawn-outliers.ts)
 * and pictures made out of Fashion-MNIST that are no single garment (two garments overlaid, a
 * collage of four, a garment cut to a fragment). Labelled OUTLIER, whose training target is the
 * uniform distribution over the 10 classes, so the model learns to be unsure on them.
 */
import { IMAGE_SIZE, OUTLIER, PIXELS } from '../classes';
import type { Dataset } from '../data/shards';
import { fitToSquare } from '../preprocess/resample';
import { createRng, type Rng } from '../model/rng';
import { drawOutlier, type Fill } from './drawn-outliers';

const N = IMAGE_SIZE;

const garment = (data: Dataset, r: Rng): Float32Array => {
  const j = r.int(data.count);
  return Float32Array.from(data.images.subarray(j * PIXELS, (j + 1) * PIXELS), (v) => v / 255);
};

/**
 * The surface of a garment as a fill for a drawn shape: the middle of a garment, stretched over the
 * 64x64 canvas, with a floor so the shape stays visible where the garment is dark.
 */
function garmentFill(data: Dataset, r: Rng): Fill {
  const g = garment(data, r);
  const floor = r.uniform(0.15, 0.4);
  return (x, y) => {
    const [gx, gy] = [Math.min(N - 1, Math.floor(7 + (x * 14) / 64)), Math.min(N - 1, Math.floor(7 + (y * 14) / 64))];
    return floor + (1 - floor) * g[gy * N + gx];
  };
}

/** Two garments (of any kinds, the same one a tenth of the time), one shifted, overlaid. */
function overlay(data: Dataset, r: Rng, out: Float32Array): void {
  const a = garment(data, r);
  const b = garment(data, r);
  const [dx, dy] = [r.int(15) - 7, r.int(15) - 7];
  for (let y = 0; y < N; y++) {
    for (let x = 0; x < N; x++) {
      const [sx, sy] = [x - dx, y - dy];
      const v = sx >= 0 && sx < N && sy >= 0 && sy < N ? b[sy * N + sx] : 0;
      out[y * N + x] = Math.max(a[y * N + x], v);
    }
  }
}

/** Four garments at half size in a 2x2 grid: a collage or a sprite sheet. */
function collage(data: Dataset, r: Rng, out: Float32Array): void {
  for (let q = 0; q < 4; q++) {
    const half = fitToSquare(garment(data, r), N, { x: 0, y: 0, width: N, height: N }, N / 2);
    const [ox, oy] = [(q % 2) * (N / 2), (q >> 1) * (N / 2)];
    for (let y = 0; y < N / 2; y++) out.set(half.subarray(y * (N / 2), (y + 1) * (N / 2)), (oy + y) * N + ox);
  }
}

/** A fragment of a garment (a third to a half of it on each side), fitted to the whole square. */
function fragment(data: Dataset, r: Rng, out: Float32Array): void {
  const g = garment(data, r);
  const [w, h] = [9 + r.int(6), 9 + r.int(6)];
  const box = { x: r.int(N - w), y: r.int(N - h), width: w, height: h };
  out.set(fitToSquare(g, N, box, N));
}

/** Which outliers a set holds: all kinds, or the drawn ones only (none made from Fashion-MNIST). */
export const OUTLIER_KINDS = ['all', 'drawn'] as const;
export type OutlierKinds = (typeof OUTLIER_KINDS)[number];

/**
 * `count` outliers as bytes, labelled OUTLIER: five in eight drawn and the rest made from `data`, or
 * all drawn. Seeded: the same arguments give the same set.
 */
export function outlierSet(count: number, data: Dataset, seed: number, kinds: OutlierKinds = 'all'): Dataset {
  const r = createRng(seed);
  const images = new Uint8Array(count * PIXELS);
  const img = new Float32Array(PIXELS);
  const makers = [overlay, collage, fragment];
  // The same draw for either kind of set, so a drawn-only set draws its pictures from the same numbers.
  const drawnShare = kinds === 'drawn' ? 1 : 5 / 8;
  for (let i = 0; i < count; i++) {
    img.fill(0);
    if (data.count > 0 && !r.chance(drawnShare)) makers[r.int(makers.length)](data, r, img);
    // A fragment of empty background is no picture at all: draw one instead.
    if (!img.some((v) => v > 0.05)) drawOutlier(r, img, data.count > 0 && r.chance(0.6) ? garmentFill(data, r) : undefined);
    for (let p = 0; p < PIXELS; p++) images[i * PIXELS + p] = Math.round(Math.min(1, Math.max(0, img[p])) * 255);
  }
  return { count, images, labels: new Uint8Array(count).fill(OUTLIER) };
}
