import { describe, expect, it } from 'vitest';
import { estimateSeconds, formatDuration, formatEstimate, runSizes } from './estimate';
import { DEFAULT_SETTINGS } from './settings';

describe('estimate', () => {
  it('splits the chosen images as fine-tuning does', () => {
    expect(runSizes(2000, 60_000)).toEqual({ train: 1800, validation: 200, outliers: 180 });
    expect(runSizes(60_000, 50_000)).toEqual({ train: 45_000, validation: 5000, outliers: 4500 });
  });

  it('adds training, validation and the evaluations', () => {
    const speed = { trainAll: 100, trainHead: 400, predict: 1000, workers: 1 };
    const data = { trainCount: 60_000, testCount: 10_000, corrections: 2 };
    const settings = { ...DEFAULT_SETTINGS, trainImages: 2000, epochs: 2, correctionWeight: 10 };
    // 2 epochs of (1800 + 180 + 20) images at 100/s, and 2x200 + 20,000 + 200 + 3000 predictions at 1000/s.
    expect(estimateSeconds(settings, data, speed)).toBeCloseTo(40 + 23.6);
    expect(estimateSeconds({ ...settings, layers: 'head' }, data, speed)).toBeCloseTo(10 + 23.6);
  });

  it.each([
    [3, 'about 5 s'],
    [41, 'about 40 s'],
    [70, 'about 1 min'],
    [150, 'about 2½ min'],
    [151 * 60, 'about 2 h 30 min'],
    [3600, 'about 1 h'],
    [Infinity, '…'],
  ])('says %s s as "%s"', (seconds, text) => {
    expect(formatEstimate(seconds)).toBe(text);
  });

  it.each([
    [4.4, '4 s'],
    [59.4, '59 s'],
    [59.6, '1 min 0 s'],
    [65, '1 min 5 s'],
    [119.6, '2 min 0 s'],
    [3725, '62 min 5 s'],
    [Infinity, '…'],
  ])('says a duration of %s s as "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
