/**
 * What picture an element shows, and where to read it: the candidate of the `srcset` the browser
 * chose from (so never a type it cannot show, nor an art direction not on screen), a lazy loader's
 * address behind a placeholder, a CSS background (with `image-set()`, on the element or its
 * `::before`/`::after`), a video's poster or frame, a canvas, an inline SVG. When only the screen
 * holds the pixels (a tainted canvas, a video frame), there is no address and `onScreen` says so.
 */
import { bestCssImage } from '../../lib/picture/css-image';
import { isPlaceholder, lazyBackground, lazySrc, lazySrcset } from '../../lib/picture/lazy-source';
import { backgroundCrop, objectFitCrop, type Crop } from '../../lib/picture/visible-crop';
import { largestCandidate, parseSrcset, sharpEnough } from '../../lib/srcset';

export interface PictureSource {
  /** Where the answer card goes. */
  element: Element;
  /** The address to read; none when only the screen shows the picture. */
  source?: string;
  /** The part of the picture at `source` that is on screen. */
  crop?: Crop;
  /** Whether the pixels on screen are this very picture, so a screenshot can stand in for the file. */
  onScreen: boolean;
}

/** Types Chromium decodes; `<source type>` and `image-set(type())` may name others (JPEG 2000, JPEG XL). */
const SHOWN_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/svg+xml', 'image/bmp', 'image/x-icon'];
const canShow = (type: string) => SHOWN_TYPES.includes(type.toLowerCase());

function absolute(url: string, doc: Document): string {
  return new URL(url, doc.baseURI).href;
}

/** The srcset the browser picked `url` from: the `<picture>`'s sources first, then the image's own. */
function srcsetShowing(img: HTMLImageElement, url: string): string | undefined {
  const sources = img.parentElement instanceof HTMLPictureElement ? [...img.parentElement.querySelectorAll('source')] : [];
  const srcsets = [...sources.map((s) => s.srcset), img.srcset].filter(Boolean);
  return srcsets.find((srcset) => parseSrcset(srcset).some((c) => absolute(c.url, img.ownerDocument) === url));
}

function imageSource(img: HTMLImageElement): PictureSource | undefined {
  const url = img.currentSrc || img.src;
  const doc = img.ownerDocument;
  if (isPlaceholder({ url, naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight })) {
    // The real picture is still in the loader's attributes (or in a <picture>'s lazy sources).
    const sources = img.parentElement instanceof HTMLPictureElement ? [...img.parentElement.querySelectorAll('source')] : [];
    const lazySets = [img, ...sources]
      .filter((e) => !e.getAttribute('type') || canShow(e.getAttribute('type')!))
      .map((e) => lazySrcset((name) => e.getAttribute(name)))
      .filter((s): s is string => !!s);
    const lazy = largestCandidate(lazySets, img.width || 1) ?? lazySrc((name) => img.getAttribute(name));
    // A spacer with no real picture behind it (an overlay that guards a photo) is no picture.
    return lazy ? { element: img, source: absolute(lazy, doc), onScreen: false } : undefined;
  }
  if (!img.complete || !img.naturalWidth) return { element: img, source: url, onScreen: false }; // not shown (yet, or broken)
  const srcset = srcsetShowing(img, url);
  const candidates = srcset ? parseSrcset(srcset, img.width || 1).map((c) => ({ ...c, url: absolute(c.url, doc) })) : [];
  const style = getComputedStyle(img);
  const box = { width: img.clientWidth, height: img.clientHeight };
  const natural = { width: img.naturalWidth, height: img.naturalHeight };
  return {
    element: img,
    source: sharpEnough(candidates, { url, width: img.naturalWidth }),
    crop: objectFitCrop(box, natural, style.objectFit, style.objectPosition),
    onScreen: true,
  };
}

/** Until the video plays or seeks, its poster shows (the spec's "show poster" flag). */
function posterShowing(video: HTMLVideoElement): boolean {
  return !!video.poster && (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || (video.paused && video.played.length === 0 && video.currentTime === 0));
}

function videoSource(video: HTMLVideoElement): PictureSource | undefined {
  if (posterShowing(video)) return { element: video, source: absolute(video.poster, video.ownerDocument), onScreen: true };
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return undefined;
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')!.drawImage(video, 0, 0);
  return { element: video, ...pixelsOf(canvas) };
}

/** A canvas's pixels, unless another site's picture drew on it: then only the screen has them. */
function pixelsOf(canvas: HTMLCanvasElement): { source?: string; onScreen: true } {
  try {
    return { source: canvas.toDataURL('image/png'), onScreen: true };
  } catch {
    return { onScreen: true };
  }
}

function svgToDataUrl(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.round(width) || 300));
  copy.setAttribute('height', String(Math.round(height) || 300));
  const xml = new XMLSerializer().serializeToString(copy);
  return `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(xml)))}`;
}

/** The natural size of a background picture; the page has it in its cache already. */
function naturalSize(url: string): Promise<{ width: number; height: number } | undefined> {
  const image = new Image();
  image.src = url;
  return Promise.race([
    image.decode().then(() => ({ width: image.naturalWidth, height: image.naturalHeight }), () => undefined),
    new Promise<undefined>((resolve) => setTimeout(resolve, 1000)),
  ]);
}

async function backgroundSource(element: Element): Promise<PictureSource | undefined> {
  const doc = element.ownerDocument;
  for (const pseudo of [null, '::before', '::after']) {
    const style = getComputedStyle(element, pseudo);
    if (pseudo && style.content === 'none') continue;
    const url = bestCssImage(style.backgroundImage, canShow);
    if (!url) continue;
    const source = absolute(url, doc);
    const natural = await naturalSize(source);
    const rect = element.getBoundingClientRect();
    const box = pseudo ? { width: parseFloat(style.width) || rect.width, height: parseFloat(style.height) || rect.height } : rect;
    const crop = natural && backgroundCrop(box, natural, style.backgroundSize, style.backgroundPosition);
    return { element, source, crop, onScreen: true };
  }
  const lazy = lazyBackground((name) => element.getAttribute(name));
  return lazy ? { element, source: absolute(lazy, doc), onScreen: false } : undefined;
}

/** The picture `element` shows, or undefined when it shows none (text, a button, a tinted lens). */
export async function pictureOf(element: Element): Promise<PictureSource | undefined> {
  if (element instanceof HTMLImageElement) return imageSource(element);
  if (element instanceof HTMLVideoElement) return videoSource(element);
  if (element instanceof HTMLCanvasElement) return { element, ...pixelsOf(element) };
  if (element instanceof SVGSVGElement) return { element, source: svgToDataUrl(element), onScreen: true };
  if (element instanceof SVGElement) return undefined; // the parts of an <svg>, which comes later in the list
  return backgroundSource(element);
}
