import { describe, expect, it } from 'vitest';
import { boxBlur } from './filters';
import { rng } from './testing/helpers';

/** The box blur as a plain loop, one line at a time: what the SIMD kernel must give to the bit. */
function plainBoxBlur(src: Float32Array, w: number, h: number, r: number, passes: number): Float32Array {
  const clamp = (k: number, last: number) => Math.min(last, Math.max(0, k));
  const blurLines = (from: Float32Array, len: number, lines: number, at: (line: number, k: number) => number) => {
    const to = new Float32Array(from.length);
    for (let l = 0; l < lines; l++) {
      let sum = 0;
      for (let k = -r; k <= r; k++) sum += from[at(l, clamp(k, len - 1))];
      for (let k = 0; k < len; k++) {
        to[at(l, k)] = sum * (1 / (2 * r + 1));
        sum += from[at(l, clamp(k + r + 1, len - 1))] - from[at(l, clamp(k - r, len - 1))];
      }
    }
    return to;
  };
  let image = Float32Array.from(src);
  for (let p = 0; p < passes; p++) {
    image = blurLines(image, w, h, (y, x) => y * w + x);
    image = blurLines(image, h, w, (x, y) => y * w + x);
  }
  return image;
}

const randomImage = (w: number, h: number, seed: number) => {
  const next = rng(seed);
  return Float32Array.from({ length: w * h }, () => 200 * next() - 100);
};

describe('boxBlur', () => {
  it.each([
    [1, 1, 1, 1], [3, 5, 1, 2], [5, 3, 2, 1], [17, 33, 2, 2], [16, 16, 4, 3],
    [320, 213, 2, 2], [241, 320, 4, 2], [37, 19, 40, 1], // a radius wider than the image
  ])('gives the plain loop to the bit: %i x %i, radius %i, %i passes', (w, h, r, passes) => {
    const src = randomImage(w, h, w * 1000 + h);
    const before = Float32Array.from(src);
    expect(boxBlur(src, w, h, r, passes)).toEqual(plainBoxBlur(src, w, h, r, passes));
    expect(src).toEqual(before);
  });

  it('keeps a constant image and the mean of a line', () => {
    expect(boxBlur(new Float32Array(40 * 30).fill(7), 40, 30, 3, 2).every((v) => Math.abs(v - 7) < 1e-5)).toBe(true);
    const ramp = Float32Array.from({ length: 30 * 30 }, (_, i) => i % 30);
    expect(boxBlur(ramp, 30, 30, 2)[15 * 30 + 15]).toBeCloseTo(15, 5);
  });

  it('copies the image for a radius below 1, and writes into the array given', () => {
    const src = randomImage(9, 7, 3);
    const out = new Float32Array(src.length);
    expect(boxBlur(src, 9, 7, 0, 2, out)).toBe(out);
    expect(out).toEqual(src);
  });

  it('is not disturbed by a larger image blurred before', () => {
    const small = randomImage(20, 10, 5);
    const expected = plainBoxBlur(small, 20, 10, 2, 2);
    boxBlur(randomImage(300, 300, 6), 300, 300, 3, 2);
    expect(boxBlur(small, 20, 10, 2, 2)).toEqual(expected);
  });
});
