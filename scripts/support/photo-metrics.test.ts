import { describe, expect, it } from 'vitest';
import { evaluatePhotos } from './photo-metrics';
import { classIndex } from './photo-set';

describe('photo evaluation', () => {
  it('counts "no garment found" as wrong and averages over the classes present', () => {
    const e = evaluatePhotos([0, 0, 1, 1, 9], [0, -1, 1, 0, 9]);
    expect(e.accuracy).toBeCloseTo(3 / 5);
    expect(e.macroAccuracy).toBeCloseTo((0.5 + 0.5 + 1) / 3);
    expect(e.noObject).toBe(1);
    expect(e.confusion[0][10]).toBe(1);
    expect(e.perClass['Trouser']).toEqual({ accuracy: 0.5, count: 2 });
  });

  it.each([
    ['9', 9],
    ['Ankle boot', 9],
    ['ankle-boot', 9],
    ['t-shirt-top', 0],
  ])('reads the class folder name %j', (name, index) => {
    expect(classIndex(name)).toBe(index);
  });

  it('says which names it takes', () => {
    expect(() => classIndex('hat')).toThrow(/"hat" names no class; use an index 0-9 or one of: T-shirt\/top/);
    expect(() => classIndex('10')).toThrow(/names no class/);
  });
});
