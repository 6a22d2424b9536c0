import { describe, expect, it } from 'vitest';
import { OUTLIER, PIXELS } from '../classes';
import type { Dataset } from '../data/shards';
import { createRng } from '../model/rng';
import { drawOutlier } from './drawn-outliers';
import { outlierSet } from './outlier-set';

/** Eight fake garments: a filled rectangle each, of a different width. */
const garments: Dataset = (() => {
  const images = new Uint8Array(8 * PIXELS);
  for (let i = 0; i < 8; i++) for (let y = 4; y < 24; y++) for (let x = 14 - i; x < 14 + i + 1; x++) images[i * PIXELS + y * 28 + x] = 200;
  return { count: 8, images, labels: Uint8Array.from({ length: 8 }, (_, i) => i) };
})();

describe('outliers for outlier exposure', () => {
  it('are labelled OUTLIER, repeat with the seed, and differ with another', () => {
    const a = outlierSet(40, garments, 1);
    expect(a.count).toBe(40);
    expect(a.images.length).toBe(40 * PIXELS);
    expect(a.labels.every((l) => l === OUTLIER)).toBe(true);
    expect(outlierSet(40, garments, 1).images).toEqual(a.images);
    expect(outlierSet(40, garments, 2).images).not.toEqual(a.images);
  });

  it('are all pictures: something drawn, touching the frame the way preprocessing fits an object', () => {
    const set = outlierSet(200, garments, 3);
    for (let i = 0; i < set.count; i++) {
      const img = set.images.subarray(i * PIXELS, (i + 1) * PIXELS);
      expect(img.some((v) => v > 0), `outlier ${i} is blank`).toBe(true);
    }
  });

  it('can be drawn ones only, none made of the garments themselves', () => {
    // Two garments overlaid hold nothing but the garments' own pixel values (0 and 200 here).
    const madeOfGarments = (set: { count: number; images: Uint8Array }) =>
      Array.from({ length: set.count }, (_, i) => set.images.subarray(i * PIXELS, (i + 1) * PIXELS)).filter((img) =>
        img.every((v) => v === 0 || v === 200),
      ).length;
    expect(madeOfGarments(outlierSet(200, garments, 4))).toBeGreaterThan(5);
    const drawn = outlierSet(200, garments, 4, 'drawn');
    expect(madeOfGarments(drawn)).toBe(0);
    expect(drawn.labels.every((l) => l === OUTLIER)).toBe(true);
  });

  it('are drawn without any garment data too, as values in [0, 1] fitted to the 28x28 frame', () => {
    const rng = createRng(9);
    const img = new Float32Array(PIXELS);
    for (let i = 0; i < 100; i++) {
      drawOutlier(rng, img);
      expect(img.every((v) => v >= 0 && v <= 1)).toBe(true);
      const rows = Array.from({ length: 28 }, (_, y) => img.subarray(y * 28, y * 28 + 28).some((v) => v > 0.02));
      const cols = Array.from({ length: 28 }, (_, x) => Array.from({ length: 28 }, (_, y) => img[y * 28 + x]).some((v) => v > 0.02));
      // The long side spans the frame, as preprocessing fits every object.
      const extent = (lines: boolean[]) => lines.lastIndexOf(true) - lines.indexOf(true) + 1;
      expect(Math.max(extent(rows), extent(cols)), `outlier ${i} does not fill the frame`).toBeGreaterThanOrEqual(27);
    }
  });
});
