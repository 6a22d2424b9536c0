/** The fine-tuning settings the options page offers, their defaults, and their checks. */

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
  label: string;
  min: number;
  max: number;
  integer: boolean;
}

export const RULES: Record<Exclude<keyof FineTuneSettings, 'layers'>, Rule> = {
  epochs: { label: 'Epochs', min: 1, max: 30, integer: true },
  learningRate: { label: 'Learning rate', min: 1e-5, max: 0.05, integer: false },
  batchSize: { label: 'Batch size', min: 8, max: 512, integer: true },
  trainImages: { label: 'Training images', min: 500, max: 60_000, integer: true },
  correctionWeight: { label: 'Weight of your corrections', min: 0, max: 100, integer: true },
};

/** Messages for every setting out of range; empty when all are fine. */
export function checkSettings(settings: FineTuneSettings): Partial<Record<keyof FineTuneSettings, string>> {
  const problems: Partial<Record<keyof FineTuneSettings, string>> = {};
  for (const [key, rule] of Object.entries(RULES) as [keyof typeof RULES, Rule][]) {
    const value = settings[key];
    if (!Number.isFinite(value) || value < rule.min || value > rule.max || (rule.integer && !Number.isInteger(value))) {
      problems[key] = `${rule.label} must be ${rule.integer ? 'a whole number ' : ''}from ${rule.min} to ${rule.max}.`;
    }
  }
  if (settings.layers !== 'all' && settings.layers !== 'head') problems.layers = 'Choose the whole network or the last layer only.';
  return problems;
}
