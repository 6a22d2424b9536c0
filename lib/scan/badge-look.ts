/**
 * What a scan's badge on a picture says: the verdict it carries (`data-verdict`), its short text, and
 * the class index (`data-class`). An out-of-scope picture gets a quiet mark, never a garment's name:
 * a banner or a logo must not look labelled.
 */
import type { Answer } from '../answer';
import { className } from '../classes';
import { formatPercent, t } from '../i18n';

export type BadgeVerdict = Answer['verdict'] | 'error';

export interface BadgeLook {
  verdict: BadgeVerdict;
  /** The class index; none for a picture that could not be read. */
  classIndex?: number;
  /** The text on the badge. */
  text: string;
  /** What a screen reader says for it. */
  label: string;
}

export function badgeLook(result: { answer: Answer } | { error: string }): BadgeLook {
  if ('error' in result) return { verdict: 'error', text: '!', label: t('badgeCouldNotRead') };
  const { answer } = result;
  const base = { verdict: answer.verdict, classIndex: answer.index };
  if (answer.verdict === 'out-of-scope') return { ...base, text: '∅', label: t('answerNotInScope') };
  if (answer.verdict === 'unsure') return { ...base, text: `${className(answer.index)} ?`, label: t('badgeUnsure', { label: className(answer.index) }) };
  const text = `${className(answer.index)} · ${formatPercent(answer.confidence)}`;
  return { ...base, text, label: text };
}
