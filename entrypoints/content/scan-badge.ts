/**
 * A page scan's badge on one picture's corner. Like the answer card it lives in a closed shadow root
 * (see overlay.ts: the page's scripts learn nothing from it), its host `garment-scout-badge` appended
 * to the root element and positioned absolutely, so the page's layout never moves. Its root holds one
 * `.badge` with `data-verdict` and `data-class`, which tests and outside tools read through DevTools.
 * Focus or hover shows the full answer card.
 */
import tokens from '../../assets/tokens.css?inline';
import { uiLanguage } from '../../lib/i18n';
import type { OverlayState } from '../../lib/messages';
import { badgeLook } from '../../lib/scan/badge-look';
import { el } from './card-content';
import { AnswerOverlay } from './overlay';
import { ScanVeil } from './scan-veil';

const STYLE = `
:host { all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 2147483646; }
${tokens}
.badge { position: absolute; box-sizing: border-box; max-width: 160px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis;
  font: 600 11px/1.2 var(--gs-font); color: var(--gs-text); background: var(--gs-surface-raised);
  border: 1px solid var(--gs-border); border-radius: var(--gs-radius-s); box-shadow: var(--gs-shadow);
  padding: 2px 5px; cursor: default; }
.badge[data-verdict="out-of-scope"] { font-weight: 400; color: var(--gs-muted); opacity: 0.8; }
.badge[data-verdict="error"] { color: var(--gs-danger); }
.badge:focus-visible { outline: 2px solid var(--gs-focus); outline-offset: 1px; }
.badge[hidden] { display: none; }
`;

/** Inside the picture's top-left corner, by this many CSS px. */
const INSET = 4;

export class ScanBadge {
  private host = document.createElement('garment-scout-badge');
  private badge = el('span', 'badge');
  private card: AnswerOverlay | undefined;
  /** Over the picture while the side panel's filter hides its kind. */
  private veil: ScanVeil | undefined;

  constructor(
    readonly picture: Element,
    private overlay: OverlayState & { state: 'answer' | 'error' },
  ) {
    const root = this.host.attachShadow({ mode: 'closed' });
    const look = badgeLook(overlay.state === 'answer' ? overlay.classification : { error: overlay.message });
    this.badge.textContent = look.text;
    this.badge.dataset.verdict = look.verdict;
    if (look.classIndex !== undefined) this.badge.dataset.class = String(look.classIndex);
    this.badge.tabIndex = 0;
    this.badge.setAttribute('role', 'button');
    this.badge.setAttribute('aria-label', look.label);
    this.badge.setAttribute('lang', uiLanguage());
    for (const show of ['mouseenter', 'focus']) this.badge.addEventListener(show, () => this.showCard());
    for (const hide of ['mouseleave', 'blur']) this.badge.addEventListener(hide, () => this.hideCard());
    root.append(Object.assign(document.createElement('style'), { textContent: STYLE }), this.badge);
    document.documentElement.append(this.host);
    this.place(picture.getBoundingClientRect());
  }

  /** On the picture's corner, given its box in the viewport; hidden while the picture is not laid out. */
  place(rect: DOMRect): void {
    this.badge.hidden = rect.width === 0 && rect.height === 0;
    this.badge.style.left = `${rect.left + scrollX + INSET}px`;
    this.badge.style.top = `${rect.top + scrollY + INSET}px`;
    this.veil?.place(rect);
  }

  /** Veils the picture, or takes the veil off. */
  set veiled(on: boolean) {
    if (on) this.veil ??= new ScanVeil(this.picture.getBoundingClientRect());
    else {
      this.veil?.remove();
      this.veil = undefined;
    }
  }

  remove(): void {
    this.hideCard();
    this.veiled = false;
    this.host.remove();
  }

  private showCard(): void {
    this.card ??= new AnswerOverlay(this.picture);
    this.card.show(this.overlay);
  }

  private hideCard(): void {
    this.card?.remove();
    this.card = undefined;
  }
}
