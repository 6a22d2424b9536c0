import { describe, expect, it } from 'vitest';
import { answerFrom } from './answer';
import { entryNames } from './entry-names';

const probs = (best: number, p: number) => Array.from({ length: 10 }, (_, i) => (i === best ? p : (1 - p) / 9));
const at = (time: Date, best = 9, p = 0.9, threshold = 0) => ({ time: time.getTime(), answer: answerFrom(probs(best, p), { threshold }) });
const now = new Date(2026, 10, 30, 12, 0);

describe('entryNames', () => {
  it.each([
    ['one answer today', [at(new Date(2026, 10, 30, 10, 32))], ['the answer from 10:32 AM, Ankle boot']],
    ['another day', [at(new Date(2026, 10, 28, 9, 5), 5)], ['the answer from Nov 28, 9:05 AM, Sandal']],
    ['out of scope', [at(new Date(2026, 10, 30, 10, 32), 8, 0.3, 0.9)], ['the answer from 10:32 AM, not one of the 10 kinds']],
    [
      'the same minute and label: seconds',
      [at(new Date(2026, 10, 30, 10, 32, 5)), at(new Date(2026, 10, 30, 10, 32, 40)), at(new Date(2026, 10, 30, 10, 32, 40), 1)],
      ['the answer from 10:32:05 AM, Ankle boot', 'the answer from 10:32:40 AM, Ankle boot', 'the answer from 10:32 AM, Trouser'],
    ],
    [
      'a page scan',
      [{ time: new Date(2026, 10, 30, 10, 32).getTime(), pictures: Array.from({ length: 48 }, () => ({ imageUrl: '', modelVersion: '', answer: at(now).answer })) }, at(new Date(2026, 10, 30, 10, 32))],
      ['the page scan from 10:32 AM, 48 pictures', 'the answer from 10:32 AM, Ankle boot'],
    ],
    [
      'the same second: numbered',
      [at(new Date(2026, 10, 30, 10, 32, 5)), at(new Date(2026, 10, 30, 10, 32, 5))],
      ['the answer from 10:32:05 AM, Ankle boot', 'the answer from 10:32:05 AM, Ankle boot (2)'],
    ],
  ])('%s', (_, entries, names) => {
    expect(entryNames(entries, now, 'en-US')).toEqual(names);
  });
});
