/**
 * What the answer card says, built with textContent only: nothing from the page or the network
 * becomes HTML. The headline first; the other guesses in one line (the answer is not repeated as
 * their first item); the model and timing folded away under "Details".
 */
import { formatConfidence, headline, OUT_OF_SCOPE_EXPLANATION } from '../../lib/answer';
import type { OverlayState } from '../../lib/messages';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const guesses = (list: { label: string; confidence: number }[]) => list.map((g) => `${g.label} ${formatConfidence(g.confidence)}`).join(' · ');

export function cardContent(overlay: OverlayState): HTMLElement[] {
  if (overlay.state === 'pending') return [el('p', 'title', 'Classifying…')];
  if (overlay.state === 'error') return [el('p', 'title', 'Could not classify this picture'), el('p', 'muted', overlay.message)];
  const { answer, modelVersion, millis, readFrom } = overlay.classification;
  const details = el('details', 'details');
  // A screenshot is only as sharp as the screen: the card says so where it can be seen.
  const how = readFrom === 'screen' ? ' · read from the screen' : '';
  details.append(el('summary', '', `Details${how}`), el('p', 'muted', `Model ${modelVersion} · ${millis} ms`));
  const title = el('p', 'title', headline(answer));
  if (answer.verdict === 'out-of-scope') {
    // The closest guess stays visible but played down: it is not an answer.
    return [title, el('p', 'explanation', OUT_OF_SCOPE_EXPLANATION), el('p', 'muted', `Closest: ${guesses([answer])}`), details];
  }
  if (answer.verdict === 'unsure') return [title, el('p', 'muted', guesses(answer.top3)), details];
  return [title, el('p', 'muted', `Also possible: ${guesses(answer.top3.slice(1))}`), details];
}
