/**
 * A page scan's badges, read through DevTools as the answer cards are (answer-cards.ts): the badge
 * sits in a closed shadow root that neither the page nor Playwright's locators can enter.
 */
import type { Page } from 'playwright-core';
import type { LoadedExtension } from './extension';
import { attribute, walk, withDevTools, type DomNode } from './answer-cards';

/** The child of `host`'s shadow root with the class `name`. */
const shadowChild = (host: DomNode, name: string) => host.shadowRoots?.[0]?.children?.find((c) => attribute(c, 'class') === name);

/** A length in px from `node`'s inline style (NaN if it has none): `left` and not `padding-left`. */
const stylePx = (node: DomNode, name: string) => Number(new RegExp(`(?:^|; )${name}: (-?[\\d.]+)px`).exec(attribute(node, 'style') ?? '')?.[1] ?? NaN);

export interface ScanBadge {
  verdict: string;
  /** The class index; none on a picture that could not be read. */
  classIndex?: number;
  /** The badge's top-left corner in the page (document coordinates). */
  x: number;
  y: number;
}

export function scanBadges(page: Page): Promise<ScanBadge[]> {
  return withDevTools(page, async (cdp) => {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const badges: ScanBadge[] = [];
    for (const node of walk(root)) {
      if (node.nodeName !== 'GARMENT-SCOUT-BADGE') continue;
      const badge = shadowChild(node, 'badge');
      if (!badge) continue;
      // The inline style holds the position in the page; it is set by the extension, not laid out by it.
      const px = (name: string) => stylePx(badge, name);
      const classIndex = attribute(badge, 'data-class');
      badges.push({ verdict: attribute(badge, 'data-verdict')!, classIndex: classIndex === undefined ? undefined : Number(classIndex), x: px('left'), y: px('top') });
    }
    return badges;
  });
}

/** The badge on the element matched by `selector`: the one at its top-left corner (4 px inside). */
export async function badgeOn(page: Page, selector: string): Promise<ScanBadge | undefined> {
  const corner = await page.locator(selector).evaluate((e) => {
    const box = e.getBoundingClientRect();
    return { x: box.left + scrollX + 4, y: box.top + scrollY + 4 };
  });
  return (await scanBadges(page)).find((b) => Math.abs(b.x - corner.x) < 1 && Math.abs(b.y - corner.y) < 1);
}

/** Moves the keyboard focus to the badge on `selector`'s corner, through DevTools (the root is closed). */
export async function focusBadgeOn(page: Page, selector: string): Promise<void> {
  const badge = await badgeOn(page, selector);
  if (!badge) throw new Error(`No badge on ${selector}`);
  await withDevTools(page, async (cdp) => {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    for (const node of walk(root)) {
      const inner = node.nodeName === 'GARMENT-SCOUT-BADGE' && node.shadowRoots?.[0]?.children?.find((c) => attribute(c, 'class') === 'badge');
      if (inner && (attribute(inner, 'style') ?? '').includes(`left: ${badge.x}px; top: ${badge.y}px`)) return void (await cdp.send('DOM.focus', { nodeId: inner.nodeId }));
    }
    throw new Error(`The badge on ${selector} went away`);
  });
}

/** "Classify all garments on this page" from the page's context menu, as Chrome passes it: no `srcUrl`. */
export async function toggleScanWithMenu(extension: LoadedExtension, pageUrl: string): Promise<void> {
  const worker = await extension.serviceWorker();
  await worker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl.replace(/#.*$/, '') });
    const info = { menuItemId: 'classify-page', editable: false, frameId: 0, pageUrl };
    (chrome.contextMenus.onClicked as unknown as { dispatch(i: object, t: object): void }).dispatch(info, tab);
  }, pageUrl);
}

/** A veil of the side panel's filter: the box it covers in the page (document coordinates). */
export interface ScanVeil {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The veils on the page, read through DevTools as the badges are: they sit in closed shadow roots too. */
export function scanVeils(page: Page): Promise<ScanVeil[]> {
  return withDevTools(page, async (cdp) => {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const veils: ScanVeil[] = [];
    for (const node of walk(root)) {
      if (node.nodeName !== 'GARMENT-SCOUT-VEIL') continue;
      const veil = shadowChild(node, 'veil');
      if (veil) veils.push({ x: stylePx(veil, 'left'), y: stylePx(veil, 'top'), width: stylePx(veil, 'width'), height: stylePx(veil, 'height') });
    }
    return veils;
  });
}
