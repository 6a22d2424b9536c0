import { describe, expect, it } from 'vitest';
import { checkSettings, DEFAULT_SETTINGS } from './settings';

describe('fine-tuning settings', () => {
  it('accepts the defaults', () => {
    expect(checkSettings(DEFAULT_SETTINGS)).toEqual({});
  });

  it.each([
    [{ epochs: 0 }, 'epochs', 'Epochs must be a whole number from 1 to 30.'],
    [{ epochs: 2.5 }, 'epochs', 'Epochs must be a whole number from 1 to 30.'],
    [{ learningRate: 1 }, 'learningRate', 'Learning rate must be from 0.00001 to 0.05.'],
    [{ batchSize: Number.NaN }, 'batchSize', 'Batch size must be a whole number from 8 to 512.'],
    [{ trainImages: 100 }, 'trainImages', 'Training images must be a whole number from 500 to 60000.'],
    [{ correctionWeight: -1 }, 'correctionWeight', 'Weight of your corrections must be a whole number from 0 to 100.'],
    [{ layers: 'some' }, 'layers', 'Choose the whole network or the last layer only.'],
  ])('refuses %j', (change, key, message) => {
    expect(checkSettings({ ...DEFAULT_SETTINGS, ...change } as never)).toEqual({ [key]: message });
  });

  it('writes the bounds as they are typed, in the language of the words', () => {
    expect(checkSettings({ ...DEFAULT_SETTINGS, learningRate: 1 }, 'de').learningRate).toMatch(/ 0,00001 .* 0,05\.$/);
    expect(checkSettings({ ...DEFAULT_SETTINGS, trainImages: 1 }, 'de').trainImages).toMatch(/ 500 .* 60000\.$/);
  });
});
