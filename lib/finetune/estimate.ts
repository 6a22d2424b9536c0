/**
 * How long a fine-tuning run will take on this computer, said before it starts. The speeds come
 * from a quick timing of a few batches in the options page's worker (see `measureSpeed`), so the
 * estimate fits this machine as it is now, even on a fresh install.
 */
import type { FineTuneSettings } from './settings';

/**
 * Shares of the chosen training images held out for validation, and outliers added to the rest
 * (outlier exposure, so the fine-tuned model keeps saying "not one of the 10 kinds"). fineTune uses these.
 */
export const VALIDATION_SHARE = 0.1;
export const OUTLIER_SHARE = 0.1;
/** Pictures the out-of-scope detector is fitted on after training (lib/ood/fit-model-detector.ts). */
const DETECTOR_OUTLIERS = 3000;

/** Images per second, timed on this computer. */
export interface Speed {
  /** Training steps with every layer learning, and with only the last one. */
  trainAll: number;
  trainHead: number;
  /** Predictions (validation, evaluation on the test set). */
  predict: number;
}

export interface RunSizes {
  train: number;
  validation: number;
  outliers: number;
}

/** The sizes fine-tuning uses for the settings: the same split fineTune makes. */
export function runSizes(trainImages: number, available: number): RunSizes {
  const chosen = Math.min(trainImages, available);
  const validation = Math.round(chosen * VALIDATION_SHARE);
  const train = chosen - validation;
  return { train, validation, outliers: Math.round(train * OUTLIER_SHARE) };
}

export function estimateSeconds(
  settings: FineTuneSettings,
  data: { trainCount: number; testCount: number; corrections: number },
  speed: Speed,
): number {
  const { train, validation, outliers } = runSizes(settings.trainImages, data.trainCount);
  const perEpoch = train + outliers + data.corrections * settings.correctionWeight;
  const trainSpeed = settings.layers === 'all' ? speed.trainAll : speed.trainHead;
  const predictions = settings.epochs * validation + 2 * data.testCount + validation + DETECTOR_OUTLIERS;
  return (settings.epochs * perEpoch) / trainSpeed + predictions / speed.predict;
}

/** "about 2½ min", "about 40 s", "about 1 h 5 min": rounded as far as an estimate deserves. */
export function formatEstimate(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '…';
  if (seconds < 55) return `about ${Math.max(5, Math.round(seconds / 5) * 5)} s`;
  if (seconds < 3600) {
    const halves = Math.max(2, Math.round(seconds / 30));
    return `about ${Math.floor(halves / 2)}${halves % 2 ? '½' : ''} min`;
  }
  const minutes = Math.round(seconds / 300) * 5;
  return `about ${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}
