/**
 * The elements of a page that may show a picture, for a page scan: images, videos, and elements with a
 * CSS background (on themselves or on `::before`/`::after`) or a lazy loader's background attribute.
 * Backgrounds need the computed style of every element, so the walk goes in slices between which the
 * page's own work runs: a scan must not add a long task to the page.
 */
import { lazyBackground } from '../../lib/picture/lazy-source';

/** Elements checked per slice; a computed style costs microseconds, so a slice stays far below 50 ms. */
const SLICE = 250;

const hasCssImage = (element: Element, pseudo: string | null) => getComputedStyle(element, pseudo).backgroundImage.includes('url(');

export function mayShowPicture(element: Element): boolean {
  if (element instanceof HTMLImageElement || element instanceof HTMLVideoElement) return true;
  if (element instanceof SVGElement || element === document.documentElement) return false;
  return hasCssImage(element, null) || hasCssImage(element, '::before') || hasCssImage(element, '::after') || !!lazyBackground((n) => element.getAttribute(n));
}

/** Calls `found` for each element under `roots` (the roots included) that may show a picture, slice by slice; `stopped` ends the walk early. */
export async function walkForPictures(roots: Element[], found: (element: Element) => void, stopped: () => boolean): Promise<void> {
  const pending: Element[] = [];
  for (const root of roots) pending.push(root, ...root.querySelectorAll('*'));
  for (let start = 0; start < pending.length; start += SLICE) {
    if (stopped()) return;
    for (const element of pending.slice(start, start + SLICE)) if (mayShowPicture(element)) found(element);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
