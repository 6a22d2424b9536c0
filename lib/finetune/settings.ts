/** The fine-tuning settings the options page offers, their defaults, and their checks. */
import { t, uiLanguage, type MessageKey } from '../i18n';

export interface FineTuneSettings {
  epochs: number;
  learningRate: number;
  batchSize: number;
  /** How many of the 60,000 training images to train on (the first ones, shuffled every epoch). */
  trainImages: number;
  /** 'all': every layer learns; 'head': only the last dense layer does (fast, keeps the features). */
  layers: 'all' | 'head';
  /** How many times each of the user's corrections counts per epoch. */
  correctionWeight: number;
}

export const DEFAULT_SETTINGS: FineTuneSettings = {
  epochs: 1,
  learningRate: 0.0005,
  batchSize: 64,
  trainImages: 60_000,
  layers: 'all',
  correctionWeight: 20,
};

interface Rule {
  /** The setting's name, as a message of _locales. */
  label: MessageKey;
  min: number;
  max: number;
  integer: boolean;
}

export const RULES: Record<Exclude<keyof FineTuneSettings, 'layers'>, Rule> = {
  epochs: { label: 'settingsEpochs', min: 1, max: 30, integer: true },
  learningRate: { label: 'settingsLearningRate', min: 1e-5, max: 0.05, integer: false },
  batchSize: { label: 'settingsBatchSize', min: 8, max: 512, integer: true },
  trainImages: { label: 'settingsTrainImages', min: 500, max: 60_000, integer: true },
  correctionWeight: { label: 'settingsCorrectionWeight', min: 0, max: 100, integer: true },
};

/** A bound as it is typed into the field: no thousands separator, every decimal ("60000", "0.00001"; "0,00001" in German). */
const bound = (n: number, locale: string) => new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 }).format(n);

/** Messages (in the UI language) for every setting out of range; empty when all are fine. */
export function checkSettings(settings: FineTuneSettings, locale = uiLanguage()): Partial<Record<keyof FineTuneSettings, string>> {
  const problems: Partial<Record<keyof FineTuneSettings, string>> = {};
  for (const [key, rule] of Object.entries(RULES) as [keyof typeof RULES, Rule][]) {
    const value = settings[key];
    if (!Number.isFinite(value) || value < rule.min || value > rule.max || (rule.integer && !Number.isInteger(value))) {
      const values = { setting: t(rule.label), min: bound(rule.min, locale), max: bound(rule.max, locale) };
      problems[key] = t(rule.integer ? 'settingsWholeNumber' : 'settingsNumber', values);
    }
  }
  if (settings.layers !== 'all' && settings.layers !== 'head') problems.layers = t('settingsChooseLayers');
  return problems;
}
