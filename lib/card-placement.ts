/**
 * Where the answer card goes, so that it never hides the garment it answers for: in the picture's
 * top-right corner when it covers at most a quarter of the picture, else beside it (right, left, then
 * below), always inside the viewport's width. Page coordinates (CSS pixels, scrolled).
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Viewport {
  scrollX: number;
  scrollY: number;
  width: number;
}

/** The share of a picture the card may cover. */
export const MAX_COVER = 0.25;
const GAP = 8;

export function placeCard(picture: Rect, card: { width: number; height: number }, viewport: Viewport): { left: number; top: number; inside: boolean } {
  const fitsInside = card.width * card.height <= MAX_COVER * picture.width * picture.height && card.width + 2 * GAP <= picture.width;
  const clampX = (left: number) => Math.max(viewport.scrollX + 4, Math.min(left, viewport.scrollX + viewport.width - card.width - 4));
  const top = Math.max(picture.top, viewport.scrollY + 4);
  if (fitsInside) return { left: clampX(picture.left + picture.width - card.width - GAP), top: top + GAP, inside: true };
  const right = picture.left + picture.width + GAP;
  if (right + card.width <= viewport.scrollX + viewport.width) return { left: right, top, inside: false };
  const left = picture.left - GAP - card.width;
  if (left >= viewport.scrollX) return { left, top, inside: false };
  return { left: clampX(picture.left), top: picture.top + picture.height + GAP, inside: false };
}

/** How much of the picture a card at `at` covers, as a share of the picture's area. */
export function coveredShare(picture: Rect, card: Rect): number {
  const width = Math.max(0, Math.min(picture.left + picture.width, card.left + card.width) - Math.max(picture.left, card.left));
  const height = Math.max(0, Math.min(picture.top + picture.height, card.top + card.height) - Math.max(picture.top, card.top));
  return (width * height) / (picture.width * picture.height);
}
