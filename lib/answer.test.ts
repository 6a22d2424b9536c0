import { describe, expect, it } from 'vitest';
import { answerFrom, formatConfidence } from './answer';

const probs = (entries: Record<number, number>) => Array.from({ length: 10 }, (_, i) => entries[i] ?? 0);

describe('answerFrom', () => {
  it.each([
    [probs({ 7: 0.9, 5: 0.06, 9: 0.04 }), 'Sneaker', ['Sneaker', 'Sandal', 'Ankle boot'], false],
    [probs({ 0: 0.45, 6: 0.4, 2: 0.15 }), 'T-shirt/top', ['T-shirt/top', 'Shirt', 'Pullover'], true],
    [probs({ 9: 0.5, 7: 0.5 }), 'Sneaker', ['Sneaker', 'Ankle boot', 'T-shirt/top'], false],
  ])('ranks %j', (p, label, top3, unsure) => {
    const answer = answerFrom(p);
    expect(answer.label).toBe(label);
    expect(answer.top3.map((g) => g.label)).toEqual(top3);
    expect(answer.unsure).toBe(unsure);
  });

  it('refuses a vector of the wrong length', () => {
    expect(() => answerFrom([1, 0])).toThrow(/Expected 10 probabilities, got 2/);
  });

  it('formats confidence as a whole percentage', () => {
    expect(formatConfidence(0.934)).toBe('93%');
  });
});
