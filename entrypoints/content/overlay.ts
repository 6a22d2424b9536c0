/**
 * The answer next to the picture, in a shadow root so page styles cannot break it and its styles
 * cannot leak. Built with textContent only: nothing from the page or the network becomes HTML.
 *
 * The root is closed and only this class holds it, so the page's own scripts cannot read the answer
 * or an error message (which could tell them, say, that an intranet address exists): `host.shadowRoot`
 * is null for them, and a page that patches `Element.prototype.attachShadow` patches its own world's
 * copy, not the content script's. Tests read the card through DevTools (tests/support/answer-cards.ts).
 */
import tokens from '../../assets/tokens.css?inline';
import { placeCard } from '../../lib/card-placement';
import { t, uiLanguage } from '../../lib/i18n';
import type { OverlayState } from '../../lib/messages';
import { cardContent, el } from './card-content';

// The design tokens (light and dark) come after `all: initial`, which leaves custom properties alone.
const STYLE = `
:host { all: initial; }
${tokens}
.card { position: absolute; z-index: 2147483647; width: max-content; min-width: 140px; max-width: 220px; box-sizing: border-box;
  font: var(--gs-text-s)/1.35 var(--gs-font); color: var(--gs-text); background: var(--gs-surface-raised);
  border: 1px solid var(--gs-border); border-radius: var(--gs-radius-m); box-shadow: var(--gs-shadow);
  padding: 6px var(--gs-space-2); }
.title { font-weight: 600; font-size: var(--gs-text-m); margin: 0 22px 2px 0; }
.muted { color: var(--gs-muted); margin: 0; }
.explanation { margin: 2px 0; }
.error .title { color: var(--gs-danger); }
.details summary { cursor: pointer; color: var(--gs-muted); margin-top: 2px; }
button { position: absolute; top: 3px; right: 3px; border: 0; background: none; font-size: 15px; line-height: 1; cursor: pointer;
  width: 22px; height: 22px; border-radius: var(--gs-radius-s); color: inherit; padding: 0; }
button:hover { background: var(--gs-surface); }
button svg { width: 10px; height: 10px; stroke: currentColor; stroke-width: 1.6; stroke-linecap: round; }
button:focus-visible, summary:focus-visible { outline: 2px solid var(--gs-focus); outline-offset: 1px; }
`;

/** The close button's ×, drawn rather than typed, so that the button's name is "Close" alone. */
function crossIcon(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 12 12');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M2 2 10 10M10 2 2 10');
  svg.append(path);
  return svg;
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
    // A polite live region: "Classifying…" and then the answer are read out where focus is; the
    // card never takes the focus (the user may be typing elsewhere).
    this.card.setAttribute('role', 'status');
    this.card.setAttribute('aria-label', t('extName'));
    // The card speaks the UI language, whatever the page's is.
    this.card.setAttribute('lang', uiLanguage());
  }

  show(overlay: OverlayState): void {
    const close = el('button', '');
    close.append(crossIcon());
    close.setAttribute('aria-label', t('cardClose'));
    close.addEventListener('click', () => this.close());
    this.pending = overlay.state === 'pending';
    this.card.className = `card ${overlay.state}`;
    this.card.dataset.state = overlay.state;
    if (overlay.state === 'answer') this.card.dataset.verdict = overlay.classification.answer.verdict;
    else delete this.card.dataset.verdict;
    this.card.replaceChildren(close, ...cardContent(overlay));
    if (!this.host.isConnected) document.documentElement.append(this.host);
    this.place();
  }

  /** Whether an event's path goes through this card. */
  contains(event: Event): boolean {
    return event.composedPath().includes(this.host);
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

  /** Closed by the user (×, Escape, a click elsewhere): `onClose` runs. */
  close(): void {
    this.remove();
    this.onClose?.();
  }

  /** On the picture's corner, or beside it when it would cover more than a quarter (lib/card-placement.ts). */
  private place(): void {
    const rect = this.anchor.getBoundingClientRect();
    const picture = { left: rect.left + scrollX, top: rect.top + scrollY, width: rect.width, height: rect.height };
    const card = { width: this.card.offsetWidth, height: this.card.offsetHeight };
    const { left, top } = placeCard(picture, card, { scrollX, scrollY, width: document.documentElement.clientWidth });
    this.card.style.left = `${left}px`;
    this.card.style.top = `${top}px`;
  }
}
