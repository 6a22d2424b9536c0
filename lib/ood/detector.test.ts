import { describe, expect, it } from 'vitest';
import { checkDetector } from '../model/contract';
import { fitDetector, inScopeScore, inScopeScores } from './detector';

describe('in-scope score', () => {
  it.each([
    ['one kind', [1, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1],
    ['torn between two kinds', [0, 0.5, 0, 0, 0, 0, 0.5, 0, 0, 0], 1],
    ['spread over all ten (what outlier exposure teaches for a non-garment)', Array(10).fill(0.1), 0.3],
    ['three large, the rest small', [0.4, 0.3, 0.2, 0.1 / 7, 0.1 / 7, 0.1 / 7, 0.1 / 7, 0.1 / 7, 0.1 / 7, 0.1 / 7], 0.9],
  ])('is the mass of the three likeliest kinds: %s', (_, p, expected) => {
    expect(inScopeScore(p)).toBeCloseTo(expected, 6);
  });

  it('scores rows of probabilities', () => {
    const rows = new Float32Array([...Array(10).fill(0.1), 1, ...Array(9).fill(0)]);
    expect(Array.from(inScopeScores(rows, 10))).toEqual([expect.closeTo(0.3, 6), 1]);
  });
});

describe('fitDetector', () => {
  const inside = Float32Array.from({ length: 1000 }, (_, i) => 0.6 + (0.4 * i) / 999);
  const outside = Float32Array.from({ length: 200 }, (_, i) => 0.3 + (0.4 * i) / 199);

  it('puts the threshold where the target share of in-scope images falls below it, and records what it gives', () => {
    const d = fitDetector({ scores: inside, description: 'in' }, { scores: outside, description: 'out' }, 0.05);
    expect(d.score).toBe('top3-mass');
    expect(d.threshold).toBeCloseTo(0.62, 3);
    expect(d.fit.inScopeFlagged).toBeCloseTo(0.05, 2);
    expect(d.fit.outliersFlagged).toBeCloseTo(0.8, 1);
    expect(d.fit).toMatchObject({ inScope: 'in', inScopeCount: 1000, outliers: 'out', outlierCount: 200, target: 0.05 });
    expect(d.fit.auroc).toBeGreaterThan(0.9);
    expect(() => checkDetector(d, 'metadata.json')).not.toThrow();
  });
});
