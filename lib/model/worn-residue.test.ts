import { describe, expect, it } from 'vitest';
import { objectBounds } from './framing';
import { createRng } from './rng';
import { addWornResidue } from './worn-residue';

const N = 28;

/** A plain top: a 16x20 block in the middle of the frame. */
function top(): Float32Array {
  const img = new Float32Array(N * N);
  for (let y = 4; y < 24; y++) img.fill(0.8, y * N + 6, y * N + 22);
  return img;
}

describe('addWornResidue', () => {
  it('adds something above or below the garment and frames the whole again, long side 28 px', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const img = top();
      addWornResidue(img, createRng(seed));
      const b = objectBounds(img, N)!;
      // The garment with its residue is taller than the 20 rows it had, so it fills the height again.
      expect(b.bottom - b.top + 1, `seed ${seed}`).toBeGreaterThanOrEqual(27);
      // The garment is still the larger part of the picture.
      const plain = top().reduce((s, v) => s + v, 0) * (27 / 20) ** 2;
      const total = img.reduce((s, v) => s + v, 0);
      expect(total, `seed ${seed}`).toBeGreaterThan(0.55 * plain);
      expect(Math.max(...img)).toBeLessThanOrEqual(1);
    }
  });

  it('is drawn from the seed alone', () => {
    const [a, b] = [top(), top()];
    addWornResidue(a, createRng(7));
    addWornResidue(b, createRng(7));
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('leaves an empty picture empty', () => {
    const img = new Float32Array(N * N);
    addWornResidue(img, createRng(3));
    expect(img.every((v) => v === 0)).toBe(true);
  });
});
