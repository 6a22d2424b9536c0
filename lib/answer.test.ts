import { describe, expect, it } from 'vitest';
import { answerFrom, correctionLabel, formatConfidence, headline, verdictOf, type Answer, type Verdict } from './answer';
import { OUTLIER } from './classes';

const probs = (entries: Record<number, number>, rest = 0) => Array.from({ length: 10 }, (_, i) => entries[i] ?? rest);
const inScope = { threshold: 0.5 };

describe('answerFrom', () => {
  it.each([
    [probs({ 7: 0.9, 5: 0.06, 9: 0.04 }), 'Sneaker', ['Sneaker', 'Sandal', 'Ankle boot']],
    [probs({ 0: 0.45, 6: 0.4, 2: 0.15 }), 'T-shirt/top', ['T-shirt/top', 'Shirt', 'Pullover']],
    [probs({ 9: 0.5, 7: 0.5 }), 'Sneaker', ['Sneaker', 'Ankle boot', 'T-shirt/top']],
  ])('ranks %j', (p, label, top3) => {
    const answer = answerFrom(p, inScope);
    expect(answer.label).toBe(label);
    expect(answer.top3.map((g) => g.label)).toEqual(top3);
  });

  // The in-scope score is the mass on the 3 likeliest classes; the detector's threshold applies to it first.
  it.each<{ probabilities: number[]; threshold: number; verdict: Verdict; why: string }>([
    { probabilities: probs({ 7: 0.9, 5: 0.06, 9: 0.04 }), threshold: 0.9, verdict: 'answer', why: 'a confident class, mass on few' },
    { probabilities: probs({ 9: 0.5, 7: 0.5 }), threshold: 0.9, verdict: 'answer', why: 'a best guess of exactly 0.5' },
    { probabilities: probs({ 0: 0.5, 1: 0.25, 2: 0.25 }), threshold: 1, verdict: 'answer', why: 'a score exactly at the threshold' },
    { probabilities: probs({ 0: 0.45, 6: 0.4, 2: 0.15 }), threshold: 0.9, verdict: 'unsure', why: 'torn between close guesses' },
    { probabilities: probs({ 8: 0.6 }, 0.4 / 9), threshold: 0.8, verdict: 'out-of-scope', why: 'a confident class, the rest spread' },
    { probabilities: probs({}, 0.1), threshold: 0.5, verdict: 'out-of-scope', why: 'torn, and spread over all classes' },
  ])('$verdict for $why (threshold $threshold)', ({ probabilities, threshold, verdict }) => {
    expect(answerFrom(probabilities, { threshold }).verdict).toBe(verdict);
  });

  it('keeps the best guess and the in-scope score of an out-of-scope answer', () => {
    const answer = answerFrom(probs({ 8: 0.37 }, 0.07), { threshold: 0.8 });
    expect(answer).toMatchObject({ verdict: 'out-of-scope', label: 'Bag', confidence: 0.37 });
    expect(answer.inScopeScore).toBeCloseTo(0.51, 10);
  });

  // What a model with broken weights gives: never an answer.
  it.each([
    { probabilities: probs({}, NaN), score: -Infinity, what: 'all NaN' },
    { probabilities: probs({ 0: Infinity }, NaN), score: NaN, what: 'Infinity among NaN' },
  ])('calls $what out of scope (score $score)', ({ probabilities, score }) => {
    const answer = answerFrom(probabilities, inScope);
    expect(answer.inScopeScore).toBe(score);
    expect(answer.verdict).toBe('out-of-scope');
  });

  it('refuses a vector of the wrong length', () => {
    expect(() => answerFrom([1, 0], inScope)).toThrow(/Expected 10 probabilities, got 2/);
  });
});

describe('verdictOf', () => {
  const { verdict: _, inScopeScore: __, ...stored } = answerFrom(probs({ 0: 0.45, 6: 0.4, 2: 0.15 }), inScope);

  it.each<[string, Parameters<typeof verdictOf>[0], Verdict]>([
    ['an old unsure entry', { ...stored, unsure: true }, 'unsure'],
    ['an old sure entry', { ...stored, unsure: false }, 'answer'],
    ['a new entry', answerFrom(probs({}, 0.1), inScope), 'out-of-scope'],
  ])('reads %s', (_, answer, verdict) => {
    expect(verdictOf(answer)).toBe(verdict);
  });
});

describe('what the user is told', () => {
  it.each<[Verdict, string]>([
    ['answer', 'Bag · 41%'],
    ['unsure', 'Not sure: Bag or T-shirt/top?'],
    ['out-of-scope', 'Not one of the 10 kinds'],
  ])('headlines %s as %s', (verdict, text) => {
    const answer: Answer = { ...answerFrom(probs({ 8: 0.41 }, 0.59 / 9), inScope), verdict };
    expect(headline(answer)).toBe(text);
  });

  it.each([
    [9, 'Ankle boot'],
    [OUTLIER, 'None of these'],
  ])('labels the correction %d as %s', (index, label) => {
    expect(correctionLabel(index)).toBe(label);
  });

  it('formats confidence as a whole percentage', () => {
    expect(formatConfidence(0.934)).toBe('93%');
  });
});
