/**
 * Turns the model's outputs into what the user is told: a verdict, the best guess with its
 * confidence, and the top 3.
 */
import { CLASS_NAMES, className, OUTLIER, type ClassName } from './classes';
import { formatPercent, t } from './i18n';
import type { OutOfScopeDetector } from './model/contract';
import { inScopeScore } from './ood/detector';

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

/** "93%" ("93 %" in German): in the UI language, English in Node. */
export function formatConfidence(confidence: number, locale?: string): string {
  return formatPercent(confidence, 0, locale);
}

/** A guess as it is read: "Sandal 93%". */
export const guessText = (guess: Pick<Guess, 'index' | 'confidence'>): string =>
  t('answerGuess', { label: className(guess.index), confidence: formatConfidence(guess.confidence) });

/** The one line that names an answer, as the card, the popup and the CLI say it (in the UI language). */
export function headline(answer: Answer): string {
  switch (answer.verdict) {
    case 'out-of-scope':
      return t('answerNotInScope');
    case 'unsure': {
      // A question between the two closest kinds: "Not sure" beside a lone label read as a contradiction.
      const [first, second] = answer.top3;
      return second ? t('answerUnsureBetween', { first: className(first.index), second: className(second.index) }) : t('answerUnsure');
    }
    default:
      return t('answerHeadline', { label: className(answer.index), confidence: formatConfidence(answer.confidence) });
  }
}

/** The sentence under the headline of an out-of-scope answer. */
export const outOfScopeExplanation = (): string => t('answerOutOfScope', { kinds: CLASS_NAMES.map((_, i) => className(i)).join(', ') });

/**
 * The label of a user's correction: one of the 10 kinds, or `OUTLIER` for none of them; in the UI
 * language, or in English (`'en'`) for files meant for programs.
 */
export function correctionLabel(index: number, language?: 'en'): string {
  if (language === 'en') return index === OUTLIER ? 'None of these' : CLASS_NAMES[index];
  return index === OUTLIER ? t('correctionNone') : className(index);
}
