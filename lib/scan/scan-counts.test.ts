import { describe, expect, it } from 'vitest';
import { answerFrom } from '../answer';
import { countGroups, groupOf, scanSummary, SCAN_GROUPS } from './scan-counts';

const probs = (best: number, p: number) => Array.from({ length: 10 }, (_, i) => (i === best ? p : (1 - p) / 9));
/** A sure answer of class `index`, an unsure one, one out of scope, and a picture that could not be read. */
const sure = (index: number) => ({ answer: answerFrom(probs(index, 0.9), { threshold: 0 }) });
const unsure = (index: number) => ({ answer: answerFrom(probs(index, 0.3), { threshold: 0 }) });
const outOfScope = () => ({ answer: answerFrom(probs(8, 0.9), { threshold: 99 }) });
const unread = () => ({});

describe('a page scan counted', () => {
  it.each([
    ['a sure answer', sure(7), 7],
    ['an unsure one', unsure(7), 'unsure'],
    ['one of none of the 10 kinds', outOfScope(), 'out-of-scope'],
    ['a picture not read', unread(), 'error'],
  ])('%s falls in its group', (_, result, group) => expect(groupOf(result)).toBe(group));

  it('counts every group, the empty ones as 0, in the panel order', () => {
    const counts = countGroups([sure(7), sure(7), sure(0), unsure(7), outOfScope(), unread()]);
    expect([...counts.keys()]).toEqual(SCAN_GROUPS);
    expect(Object.fromEntries(counts)).toMatchObject({ 7: 2, 0: 1, 1: 0, unsure: 1, 'out-of-scope': 1, error: 1 });
  });

  it.each([
    ['largest first, plurals, the empty left out', [sure(7), sure(7), sure(0), unsure(3), outOfScope()], '5 pictures: 2 Sneakers, 1 T-shirt/top, 1 not sure, 1 not one of the 10 kinds'],
    ['one picture', [sure(9)], '1 picture: 1 Ankle boot'],
    ['thousands', Array.from({ length: 1200 }, () => sure(1)), '1,200 pictures: 1,200 Trousers'],
  ])('says a scan in one line: %s', (_, results, line) => expect(scanSummary(results)).toBe(line));
});
