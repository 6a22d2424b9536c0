/**
 * The side panel's filter on the page: a veil over a picture that is not of the kind shown. Like the
 * badges it is the content script's own element (host `garment-scout-veil`, appended to the root element,
 * a closed shadow root holding one `.veil`), laid over the picture's box: the page's elements are
 * never changed, and its scripts see an empty host. It lets clicks through to the page.
 */
import tokens from '../../assets/tokens.css?inline';
import { el } from './card-content';

const STYLE = `
:host { all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 2147483645; pointer-events: none; }
${tokens}
.veil { position: absolute; box-sizing: border-box; background: var(--gs-surface); opacity: 0.88; border-radius: var(--gs-radius-s); }
.veil[hidden] { display: none; }
`;

export class ScanVeil {
  private host = document.createElement('garment-scout-veil');
  private veil = el('div', 'veil');

  constructor(rect: DOMRect) {
    const root = this.host.attachShadow({ mode: 'closed' });
    root.append(Object.assign(document.createElement('style'), { textContent: STYLE }), this.veil);
    document.documentElement.append(this.host);
    this.place(rect);
  }

  /** Over the picture's box, given in the viewport; hidden while the picture is not laid out. */
  place(rect: DOMRect): void {
    this.veil.hidden = rect.width === 0 && rect.height === 0;
    Object.assign(this.veil.style, { left: `${rect.left + scrollX}px`, top: `${rect.top + scrollY}px`, width: `${rect.width}px`, height: `${rect.height}px` });
  }

  remove(): void {
    this.host.remove();
  }
}
