/**
 * Which pictures a page scan classifies, and in what order: pictures shown at least MIN_SIDE CSS px on
 * both sides, each displayed source once, those on screen first and then the ones within one screen
 * of the viewport, nearest first; never more than MAX_PICTURES per page. Pure, so it is tested in Node.
 */

/** Smaller than this on either side, a picture is an icon, a swatch or a thumbnail strip. */
export const MIN_SIDE = 96;
/** The most pictures one scan classifies on a page. */
export const MAX_PICTURES = 300;

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export const bigEnough = (box: Box) => box.width >= MIN_SIDE && box.height >= MIN_SIDE;

/**
 * How far a box (viewport coordinates) is from the viewport, in px: 0 when any of it is on screen.
 * Vertical and horizontal gaps both count, so a carousel's slide off to the side waits its turn.
 */
export function distanceFromViewport(box: Box, viewport: Viewport): number {
  const below = box.top - viewport.height;
  const above = -(box.top + box.height);
  const right = box.left - viewport.width;
  const left = -(box.left + box.width);
  return Math.hypot(Math.max(0, below, above), Math.max(0, right, left));
}

/** Within one screen of the viewport (a screen's height above or below, a screen's width to the side). */
export function nearViewport(box: Box, viewport: Viewport): boolean {
  return box.top < 2 * viewport.height && box.top + box.height > -viewport.height && box.left < 2 * viewport.width && box.left + box.width > -viewport.width;
}

/** The candidate to classify next: the one nearest the viewport (on screen first), or undefined. */
export function nearest<T>(candidates: Iterable<T>, boxOf: (c: T) => Box, viewport: Viewport): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = distanceFromViewport(boxOf(candidate), viewport);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** What one scan has taken on: each displayed source once, and at most MAX_PICTURES of them. */
export class ScanBudget {
  private sources = new Set<string>();

  /** Whether `source` is new and there is room for it; if so it is counted from now on. */
  take(source: string): boolean {
    if (this.sources.has(source) || this.sources.size >= MAX_PICTURES) return false;
    this.sources.add(source);
    return true;
  }

  get full(): boolean {
    return this.sources.size >= MAX_PICTURES;
  }

  get taken(): number {
    return this.sources.size;
  }
}
