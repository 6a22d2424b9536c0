/**
 * The answer next to the picture, in a shadow root so page styles cannot break it and its styles
 * cannot leak. Built with textContent only: nothing from the page or the network becomes HTML.
 *
 * The root is closed and only this class holds it, so the page's own scripts cannot read the answer
 * or an error message (which could tell them, say, that an intranet address exists): `host.shadowRoot`
 * is null for them, and a page that patches `Element.prototype.attachShadow` patches its own world's
 * copy, not the content script's. Tests read the card through DevTools (tests/support/answer-cards.ts).
 */
import { formatConfidence, headline, OUT_OF_SCOPE_EXPLANATION } from '../../lib/answer';
import type { OverlayState } from '../../lib/messages';

const STYLE = `
:host { all: initial; }
.card { position: absolute; z-index: 2147483647; min-width: 200px; max-width: 280px; box-sizing: border-box;
  font: 13px/1.4 system-ui, sans-serif; color: #1b1b1f; background: #fff; border: 1px solid #c9c9d1;
  border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.2); padding: 10px 12px; }
.card:focus-visible { outline: 2px solid #3558d8; }
.title { font-weight: 600; font-size: 15px; margin: 0 24px 2px 0; }
.muted { color: #5b5b66; font-size: 12px; }
.explanation { margin: 4px 0; }
.error .title { color: #a4161a; }
ol { margin: 6px 0 0; padding-left: 20px; }
button { position: absolute; top: 6px; right: 6px; border: 0; background: none; font-size: 16px; cursor: pointer;
  width: 24px; height: 24px; border-radius: 4px; color: inherit; }
button:focus-visible { outline: 2px solid #3558d8; }
`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function content(overlay: OverlayState): HTMLElement[] {
  if (overlay.state === 'pending') return [el('p', 'title', 'Classifying…')];
  if (overlay.state === 'error') return [el('p', 'title', 'Could not classify this picture'), el('p', 'muted', overlay.message)];
  const { answer, modelVersion, millis } = overlay.classification;
  // A screenshot is only as sharp as the screen: the card says so.
  const how = overlay.classification.readFrom === 'screen' ? ' · read from the screen' : '';
  const footer = el('p', 'muted', `Model ${modelVersion} · ${millis} ms${how}`);
  if (answer.verdict === 'out-of-scope') {
    // The closest guess stays visible but played down: it is not an answer.
    const closest = el('p', 'muted', `Closest: ${answer.label} ${formatConfidence(answer.confidence)}`);
    return [el('p', 'title', headline(answer)), el('p', 'explanation', OUT_OF_SCOPE_EXPLANATION), closest, footer];
  }
  const list = el('ol', '');
  for (const guess of answer.top3) list.append(el('li', '', `${guess.label} ${formatConfidence(guess.confidence)}`));
  const lead = answer.verdict === 'unsure' ? 'Best guesses:' : 'Top 3:';
  return [el('p', 'title', headline(answer)), el('p', 'muted', lead), list, footer];
}

export class AnswerOverlay {
  private host = document.createElement('garment-scout-answer');
  private card = el('div', 'card');

  /** Showing "Classifying…": no answer or message has come yet. */
  pending = false;

  /** `onClose` runs when the user closes the card (× or Escape). */
  constructor(
    readonly anchor: Element,
    private onClose?: () => void,
  ) {
    const root = this.host.attachShadow({ mode: 'closed' });
    root.append(Object.assign(document.createElement('style'), { textContent: STYLE }), this.card);
    this.card.setAttribute('role', 'dialog');
    this.card.setAttribute('aria-label', 'Garment Scout');
    this.card.tabIndex = -1;
    this.card.addEventListener('keydown', (e) => e.key === 'Escape' && this.close());
  }

  show(overlay: OverlayState): void {
    const close = el('button', '', '×');
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', () => this.close());
    this.pending = overlay.state === 'pending';
    this.card.className = `card ${overlay.state}`;
    this.card.dataset.state = overlay.state;
    if (overlay.state === 'answer') this.card.dataset.verdict = overlay.classification.answer.verdict;
    else delete this.card.dataset.verdict;
    this.card.replaceChildren(close, ...content(overlay));
    if (!this.host.isConnected) document.documentElement.append(this.host);
    this.place();
    if (overlay.state !== 'pending') this.card.focus({ preventScroll: true });
  }

  remove(): void {
    this.host.remove();
  }

  /** Out of sight but in place, while the picture under it is read from the screen. */
  hide(): void {
    this.host.style.visibility = 'hidden';
  }

  unhide(): void {
    this.host.style.removeProperty('visibility');
  }

  private close(): void {
    this.remove();
    this.onClose?.();
  }

  /** At the picture's top-right corner, kept inside the page's width. */
  private place(): void {
    const rect = this.anchor.getBoundingClientRect();
    const width = this.card.offsetWidth || 240;
    const left = Math.max(scrollX + 4, Math.min(rect.right + scrollX - width - 8, scrollX + innerWidth - width - 4));
    this.card.style.left = `${left}px`;
    this.card.style.top = `${Math.max(rect.top + scrollY + 8, scrollY + 4)}px`;
  }
}
