/**
 * A page scan's badges in Firefox, read over WebDriver BiDi as the cards are (answer-cards.ts): a host
 * serialized with `includeShadowTree: 'all'` carries its closed shadow root as a reference.
 */
import type { Page } from 'puppeteer-core';
import { readShadowRoots } from './answer-cards';
import type { LoadedFirefox } from './firefox';

export interface FirefoxScanBadge {
  verdict: string;
  classIndex?: number;
  /** The picture under the badge's corner: its element id, or '' for one without. */
  pictureId: string;
}

/** The badges, each with the picture it sits on: the element whose corner is 4 px off the badge's (on screen or not). */
export function scanBadges(firefox: LoadedFirefox, page: Page): Promise<FirefoxScanBadge[]> {
  // The innermost such element: a container (the grid) can share its first picture's corner.
  return readShadowRoots(firefox, page, 'garment-scout-badge', `(root) => {
    const badge = root.querySelector('.badge');
    const x = parseFloat(badge.style.left) - 4, y = parseFloat(badge.style.top) - 4;
    const picture = [...document.querySelectorAll('[id]')].findLast((e) => {
      const box = e.getBoundingClientRect();
      return Math.abs(box.left + scrollX - x) < 1 && Math.abs(box.top + scrollY - y) < 1;
    });
    return { verdict: badge.dataset.verdict, classIndex: badge.dataset.class === undefined ? undefined : Number(badge.dataset.class), pictureId: picture?.id ?? '' };
  }`);
}

/** The pictures the side panel's filter veils: the element under each veil, as for the badges. */
export function scanVeils(firefox: LoadedFirefox, page: Page): Promise<string[]> {
  return readShadowRoots(firefox, page, 'garment-scout-veil', `(root) => {
    const veil = root.querySelector('.veil');
    const x = parseFloat(veil.style.left), y = parseFloat(veil.style.top);
    const picture = [...document.querySelectorAll('[id]')].findLast((e) => {
      const box = e.getBoundingClientRect();
      return Math.abs(box.left + scrollX - x) < 1 && Math.abs(box.top + scrollY - y) < 1;
    });
    return picture?.id ?? '';
  }`);
}
