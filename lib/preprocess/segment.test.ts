import { describe, expect, it } from 'vitest';
import { preprocess } from './index';
import { darkDressFillingTheFrame } from './testing/pictures';

describe('segmentation: garments the background model took in', () => {
  it('finds a dark dress that fills the frame, darker where it meets the border than in the middle', () => {
    const res = preprocess(darkDressFillingTheFrame());
    if (!res.ok) throw new Error(`expected the dress, got: ${res.message}`);
    // The dress: x 25-275 at the sleeves, top to bottom.
    expect(res.box.x).toBeGreaterThanOrEqual(15);
    expect(res.box.x).toBeLessThanOrEqual(35);
    expect(res.box.width).toBeGreaterThanOrEqual(235);
    expect(res.box.width).toBeLessThanOrEqual(265);
    expect(res.box.y).toBeLessThanOrEqual(10);
    expect(res.box.height).toBeGreaterThanOrEqual(385);
  });
});
