import { describe, expect, it } from 'vitest';
import { auroc, flaggedShare, fprAt95, quantile } from './metrics';

describe('out-of-scope metrics', () => {
  it.each([
    ['perfect separation', [0.9, 0.8, 0.7], [0.2, 0.1], 1],
    ['reversed', [0.1, 0.2], [0.8, 0.9], 0],
    ['all tied', [0.5, 0.5], [0.5, 0.5, 0.5], 0.5],
    ['one swap in four pairs', [0.9, 0.4], [0.5, 0.1], 0.75],
  ])('AUROC: %s', (_, inside, outside, expected) => {
    expect(auroc(inside, outside)).toBeCloseTo(expected, 10);
  });

  it('AUROC is undefined without one of the two sides', () => {
    expect(auroc([], [0.1])).toBeNaN();
  });

  it('flags what is below the threshold, and NaN scores too', () => {
    expect(flaggedShare([0.1, 0.5, 0.9, NaN], 0.5)).toBe(0.5);
    expect(flaggedShare([], 0.5)).toBe(0);
  });

  it('quantiles interpolate between order statistics', () => {
    expect(quantile([4, 1, 3, 2, 5], 0.5)).toBe(3);
    expect(quantile([0, 10], 0.05)).toBeCloseTo(0.5);
    expect(quantile([7], 0.3)).toBe(7);
  });

  it('FPR at 95% TPR counts the outliers above the in-scope 5th percentile', () => {
    const inside = Array.from({ length: 101 }, (_, i) => i / 100); // 5th percentile 0.05
    expect(fprAt95(inside, [0.01, 0.04, 0.06, 0.5])).toBe(0.5);
  });
});
