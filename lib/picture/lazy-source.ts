/**
 * What lazy loaders leave in the markup before a picture is shown: the real address in a `data-*`
 * attribute, and a placeholder (a 1x1 GIF, a spacer, a tiny blurred preview) in `src` meanwhile.
 */

/** Attributes lazy loaders (lazysizes, lozad, vanilla-lazyload, WooCommerce…) keep the real address in. */
export const LAZY_SRC_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-zoom-image', 'data-large_image'];
export const LAZY_SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset'];
/** The same for CSS backgrounds a loader has not applied yet. */
export const LAZY_BACKGROUND_ATTRIBUTES = ['data-bg', 'data-background-image', 'data-background', 'data-bg-src', 'data-lazy-background'];

/** No picture under this many pixels on a side is a product photo: it is a spacer or a blur-up preview. */
const PLACEHOLDER_SIDE = 16;

export interface ShownImage {
  url: string;
  /** The decoded size, 0 while nothing is decoded. */
  naturalWidth: number;
  naturalHeight: number;
}

/** Whether what the browser shows is a stand-in for the real picture (or nothing at all). */
export function isPlaceholder({ url, naturalWidth, naturalHeight }: ShownImage): boolean {
  if (!url) return true;
  if (url.startsWith('data:') && url.length < 200) return true;
  // A decoded picture this small is a placeholder whatever its address (`/spacer.gif`).
  return naturalWidth > 0 && naturalHeight > 0 && Math.min(naturalWidth, naturalHeight) < PLACEHOLDER_SIDE;
}

type Attributes = (name: string) => string | null;

/** The first non-empty value of `names`. */
function firstOf(attributes: Attributes, names: string[]): string | undefined {
  return names.map((name) => attributes(name)?.trim()).find((value) => value);
}

export function lazySrc(attributes: Attributes): string | undefined {
  return firstOf(attributes, LAZY_SRC_ATTRIBUTES);
}

export function lazySrcset(attributes: Attributes): string | undefined {
  return firstOf(attributes, LAZY_SRCSET_ATTRIBUTES);
}

/** A lazy background's address: loaders take a bare address or a whole `url(…)`. */
export function lazyBackground(attributes: Attributes): string | undefined {
  const value = firstOf(attributes, LAZY_BACKGROUND_ATTRIBUTES);
  if (!value) return undefined;
  return /url\(\s*(['"]?)(.*?)\1\s*\)/.exec(value)?.[2] ?? value;
}
