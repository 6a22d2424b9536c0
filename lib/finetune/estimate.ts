/**
 * How long a fine-tuning run will take on this computer, said before it starts. The speeds come
 * from a quick timing of a few batches in the options page's worker (see `measureSpeed`), so the
 * estimate fits this machine as it is now, even on a fresh install.
 */
import { t } from '../i18n';
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
  /** The workers training ran on: the training speeds count them all. */
  workers: number;
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

/** "about 2½ min", "about 40 s", "about 1 h 5 min" (in the UI language): rounded as far as an estimate deserves. */
export function formatEstimate(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '…';
  if (seconds < 55) return t('estimateAboutSeconds', { seconds: Math.max(5, Math.round(seconds / 5) * 5) });
  if (seconds < 3600) {
    const halves = Math.max(2, Math.round(seconds / 30));
    return t('estimateAboutMinutes', { minutes: `${Math.floor(halves / 2)}${halves % 2 ? '½' : ''}` });
  }
  const minutes = Math.round(seconds / 300) * 5;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? t('estimateAboutHoursMinutes', { hours, minutes: minutes % 60 }) : t('estimateAboutHours', { hours });
}

/** A time taken or left, to the second: "1 min 5 s", "40 s" (in the UI language). */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '…';
  // Rounded first, so 119.6 s is "2 min 0 s", not "1 min 60 s".
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? t('durationMinutesSeconds', { minutes, seconds: whole % 60 }) : t('durationSeconds', { seconds: whole });
}
