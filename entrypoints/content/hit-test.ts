/**
 * The elements under a point, topmost first, as a person sees them rather than as the mouse does:
 * elements with `pointer-events: none` count (shops put them on product photos under a card's link),
 * open shadow roots are entered, and what is transparent (a carousel's hidden slides) can be told apart.
 */

/** Below this, an element is as good as invisible (carousels fade slides to 0). */
const SEEN_OPACITY = 0.1;
/** The tag of the extension's own answer cards, which are never the picture. */
export const CARD_TAG = 'GARMENT-SCOUT-ANSWER';

let everyElementHit: CSSStyleSheet | undefined;

/**
 * Hit testing skips `pointer-events: none`; for the length of one call, a constructed sheet makes
 * every element hittable. Adopted sheets are no DOM mutation: the page's observers see nothing.
 */
function hitIgnoringPointerEvents(root: Document | ShadowRoot, x: number, y: number): Element[] {
  everyElementHit ??= new CSSStyleSheet();
  everyElementHit.replaceSync('*, *::before, *::after { pointer-events: auto !important; }');
  root.adoptedStyleSheets.push(everyElementHit);
  try {
    return root.elementsFromPoint(x, y);
  } finally {
    const sheets = root.adoptedStyleSheets;
    sheets.splice(sheets.lastIndexOf(everyElementHit), 1);
  }
}

/** The element's parent in the flat tree: a shadow root's host stands in for the root. */
function flatParent(element: Element): Element | null {
  return element.parentElement ?? ((element.parentNode as ShadowRoot | null)?.host ?? null);
}

/** Opacity multiplies down the tree: a slide at 0 hides its picture at 1. */
export function seenOpacity(element: Element): number {
  let opacity = 1;
  for (let e: Element | null = element; e && opacity >= SEEN_OPACITY; e = flatParent(e)) {
    opacity *= Number(getComputedStyle(e).opacity);
  }
  return opacity;
}

function under(root: Document | ShadowRoot, x: number, y: number): Element[] {
  const elements: Element[] = [];
  for (const element of hitIgnoringPointerEvents(root, x, y)) {
    // A shadow root's own list holds the elements outside it too: only its own are new.
    if (root instanceof ShadowRoot && element.getRootNode() !== root) continue;
    if (element.shadowRoot && element.tagName !== CARD_TAG) elements.push(...under(element.shadowRoot, x, y));
    elements.push(element);
  }
  return elements;
}

/** What lies under the viewport point (x, y), topmost first, seen or not, without the extension's cards. */
export function elementsAt(doc: Document, x: number, y: number): Element[] {
  return under(doc, x, y).filter((e) => e.tagName !== CARD_TAG);
}

export const isSeen = (element: Element) => seenOpacity(element) >= SEEN_OPACITY;
