/**
 * What the answer card says, built with textContent only: nothing from the page or the network
 * becomes HTML. The headline first; the other guesses in one line (the answer is not repeated as
 * their first item); the model and timing folded away under "Details".
 */
import { guessText, headline, outOfScopeExplanation, type Guess } from '../../lib/answer';
import { formatCount, localizeMessage, t } from '../../lib/i18n';
import type { OverlayState } from '../../lib/messages';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const guesses = (list: Guess[]) => list.map(guessText).join(' · ');

export function cardContent(overlay: OverlayState): HTMLElement[] {
  if (overlay.state === 'pending') return [el('p', 'title', t('cardClassifying'))];
  // Errors travel in English (some are compared by identity): they are put in the UI language here.
  if (overlay.state === 'error') return [el('p', 'title', t('cardFailed')), el('p', 'muted', localizeMessage(overlay.message))];
  const { answer, modelVersion, millis, readFrom } = overlay.classification;
  const details = el('details', 'details');
  // A screenshot is only as sharp as the screen: the card says so where it can be seen.
  const how = readFrom === 'screen' ? ` · ${t('cardReadFromScreen')}` : '';
  details.append(el('summary', '', `${t('cardDetails')}${how}`), el('p', 'muted', t('cardModelTime', { version: modelVersion, millis: formatCount(millis) })));
  const title = el('p', 'title', headline(answer));
  if (answer.verdict === 'out-of-scope') {
    // The closest guess stays visible but played down: it is not an answer.
    return [title, el('p', 'explanation', outOfScopeExplanation()), el('p', 'muted', t('answerClosest', { guess: guesses([answer]) })), details];
  }
  if (answer.verdict === 'unsure') return [title, el('p', 'muted', guesses(answer.top3)), details];
  return [title, el('p', 'muted', t('cardAlsoPossible', { guesses: guesses(answer.top3.slice(1)) })), details];
}
