/** Turns the model's probabilities into what the user is told: a label, a confidence, the top 3. */
import { CLASS_NAMES, type ClassName } from './classes';

export interface Guess {
  index: number;
  label: ClassName;
  confidence: number;
}

export interface Answer extends Guess {
  top3: Guess[];
  /** The best guess is below the confidence threshold: the product says it is not sure. */
  unsure: boolean;
}

/**
 * Below this calibrated confidence the answer is "not sure". The shipped model's softmax is
 * temperature-calibrated, so 0.5 means the model is right about half the time at that confidence.
 */
export const UNSURE_BELOW = 0.5;

export function answerFrom(probabilities: ArrayLike<number>, unsureBelow = UNSURE_BELOW): Answer {
  if (probabilities.length !== CLASS_NAMES.length) {
    throw new Error(`Expected ${CLASS_NAMES.length} probabilities, got ${probabilities.length}`);
  }
  const ranked = Array.from(probabilities, (confidence, index) => ({ index, label: CLASS_NAMES[index], confidence }))
    .sort((a, b) => b.confidence - a.confidence);
  return { ...ranked[0], top3: ranked.slice(0, 3), unsure: ranked[0].confidence < unsureBelow };
}

export function formatConfidence(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}
