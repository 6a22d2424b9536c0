/**
 * Turns the model's outputs into what the user is told: a verdict, the best guess with its
 * confidence, and the top 3.
 */
import { CLASS_NAMES, OUTLIER, type ClassName } from './classes';
import { inScopeScore, type OutOfScopeDetector } from './ood/detector';

export interface Guess {
  index: number;
  label: ClassName;
  confidence: number;
}

/**
 * - `answer`: one of the 10 kinds, confidently;
 * - `unsure`: one of the 10 kinds, but torn between close guesses;
 * - `out-of-scope`: does not look like any of the 10 kinds (the guesses are only the closest ones).
 */
export type Verdict = 'answer' | 'unsure' | 'out-of-scope';

export const VERDICTS: readonly Verdict[] = ['answer', 'unsure', 'out-of-scope'];

export interface Answer extends Guess {
  top3: Guess[];
  verdict: Verdict;
  /** Higher = more like one of the 10 kinds; the out-of-scope threshold applies to it. */
  inScopeScore: number;
}

/**
 * Below this calibrated confidence the answer is "not sure". The shipped model's softmax is
 * temperature-calibrated, so 0.5 means the model is right about half the time at that confidence.
 */
export const UNSURE_BELOW = 0.5;

/**
 * The verdict: out of scope when the in-scope score is below the model's detector threshold, else
 * not sure when the best guess is below `unsureBelow`, else the answer.
 */
export function answerFrom(
  probabilities: ArrayLike<number>,
  detector: Pick<OutOfScopeDetector, 'threshold'>,
  unsureBelow = UNSURE_BELOW,
): Answer {
  if (probabilities.length !== CLASS_NAMES.length) {
    throw new Error(`Expected ${CLASS_NAMES.length} probabilities, got ${probabilities.length}`);
  }
  const ranked = Array.from(probabilities, (confidence, index) => ({ index, label: CLASS_NAMES[index], confidence }))
    .sort((a, b) => b.confidence - a.confidence);
  const score = inScopeScore(probabilities);
  const verdict: Verdict = !(score >= detector.threshold) ? 'out-of-scope' : ranked[0].confidence < unsureBelow ? 'unsure' : 'answer';
  return { ...ranked[0], top3: ranked.slice(0, 3), verdict, inScopeScore: score };
}

/**
 * The verdict of an answer stored before out-of-scope answers existed (it had `unsure` instead).
 */
export function verdictOf(answer: Answer | (Omit<Answer, 'verdict' | 'inScopeScore'> & { unsure?: boolean })): Verdict {
  if ('verdict' in answer && VERDICTS.includes(answer.verdict)) return answer.verdict;
  return 'unsure' in answer && answer.unsure ? 'unsure' : 'answer';
}

export function formatConfidence(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** The one line that names an answer, as the card, the popup and the CLI say it. */
export function headline(answer: Answer): string {
  switch (answer.verdict) {
    case 'out-of-scope':
      return 'Not one of the 10 kinds';
    case 'unsure': {
      // A question between the two closest kinds: "Not sure" beside a lone label read as a contradiction.
      const [first, second] = answer.top3;
      return second ? `Not sure: ${first.label} or ${second.label}?` : 'Not sure';
    }
    default:
      return `${answer.label} · ${formatConfidence(answer.confidence)}`;
  }
}

/** The sentence under the headline of an out-of-scope answer. */
export const OUT_OF_SCOPE_EXPLANATION = `This doesn't look like any of the 10 kinds I know (${CLASS_NAMES.join(', ')}).`;

/** The label of a user's correction: one of the 10 kinds, or `OUTLIER` for none of them. */
export function correctionLabel(index: number): string {
  return index === OUTLIER ? 'None of these' : CLASS_NAMES[index];
}
