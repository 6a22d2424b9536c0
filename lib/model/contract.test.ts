import { describe, expect, it } from 'vitest';
import { checkDetector } from './contract';
import { TEST_DETECTOR } from './testing/placeholder-detector';

describe('checkDetector', () => {
  it.each([
    [undefined, /metadata.json has no out-of-scope detector/],
    [{ ...TEST_DETECTOR, score: 'maha' }, /does not know \("maha"\)/],
    [{ ...TEST_DETECTOR, threshold: Infinity }, /not a finite number/],
    [{ ...TEST_DETECTOR, threshold: '0.5' }, /not a finite number/],
  ])('refuses %j', (detector, message) => {
    expect(() => checkDetector(detector as never, 'metadata.json')).toThrow(message);
  });
});
