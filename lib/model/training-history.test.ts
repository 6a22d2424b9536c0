import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EpochStats } from './fit';
import { trainingHistory } from './training-history';

const epoch = (epoch: number, fraction?: number): EpochStats => ({
  epoch, loss: 1 / epoch, accuracy: 0.9, valLoss: 1, valAccuracy: 0.9, seconds: 1, imagesPerSecond: 100, ...(fraction ? { fraction } : {}),
});

describe('trainingHistory', () => {
  it('puts the sessions end to end, oldest first', () => {
    const training = { history: [epoch(1), epoch(2)], continuedFromTraining: { history: [epoch(1), epoch(2, 0.5)] } };
    const { epochs, sessions } = trainingHistory(training);
    expect(sessions).toBe(2);
    expect(epochs.map((e) => [e.session, e.epoch])).toEqual([[1, 1], [1, 1.5], [2, 2.5], [2, 3.5]]);
  });

  it('is empty for a model with no history (a fine-tuned one)', () => {
    expect(trainingHistory({})).toEqual({ epochs: [], sessions: 0 });
    expect(trainingHistory(undefined)).toEqual({ epochs: [], sessions: 0 });
  });

  it('says how many runs a soup averaged, after the curves of the model they started from', () => {
    const start = { history: [epoch(1), epoch(2)] };
    const soup = trainingHistory({ continuedFromTraining: start, soupOf: [{ epochs: 3 }, { epochs: 3 }, { epochs: 2 }] });
    expect(soup).toMatchObject({ sessions: 1, soup: { runs: 3, epochs: 3 } });
    expect(soup.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(trainingHistory(start).soup).toBeUndefined();
  });

  it('reads the bundled model', () => {
    const metadata = JSON.parse(readFileSync(new URL('../../public/model/metadata.json', import.meta.url), 'utf8'));
    const { epochs, sessions } = trainingHistory(metadata.training);
    expect(sessions).toBeGreaterThan(0);
    // The last session with epochs: the model's own, or for a soup the one its runs started from.
    const last = metadata.training.soupOf ? metadata.training.continuedFromTraining : metadata.training;
    expect(epochs.at(-1)!.epoch).toBeGreaterThanOrEqual(last.epochsTrained);
  });
});
