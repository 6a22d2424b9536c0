/**
 * Finds the best picture for a right-clicked element: the largest `srcset`/`<picture>` candidate, a
 * lazy-loading attribute, a CSS background, or pixels read in the page where the extension cannot go
 * (`blob:` URLs, `<canvas>`, inline `<svg>`). Returns a URL the offscreen document can fetch.
 */
import { largestCandidate } from '../../lib/srcset';

const LAZY_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original', 'data-zoom-image', 'data-large_image'];
const LAZY_SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset'];

/** A tiny placeholder a lazy loader shows until the real picture loads. */
function isPlaceholder(url: string): boolean {
  return !url || (url.startsWith('data:') && url.length < 200);
}

function absolute(url: string, doc: Document): string {
  return new URL(url, doc.baseURI).href;
}

function imageSource(img: HTMLImageElement): string | undefined {
  const srcsets = [img.srcset, ...LAZY_SRCSET_ATTRIBUTES.map((a) => img.getAttribute(a) ?? '')];
  const picture = img.parentElement instanceof HTMLPictureElement ? img.parentElement : undefined;
  for (const source of picture?.querySelectorAll('source') ?? []) {
    if (!source.media || matchMedia(source.media).matches) srcsets.push(source.srcset);
  }
  const best = largestCandidate(srcsets.filter(Boolean), img.naturalWidth || img.width || 1);
  if (best) return absolute(best, img.ownerDocument);
  if (!isPlaceholder(img.currentSrc)) return img.currentSrc;
  const lazy = LAZY_ATTRIBUTES.map((a) => img.getAttribute(a)).find((v) => v && !isPlaceholder(v));
  if (lazy) return absolute(lazy, img.ownerDocument);
  return img.currentSrc || img.src || undefined;
}

function backgroundSource(element: Element): string | undefined {
  const match = /url\((['"]?)(.*?)\1\)/.exec(getComputedStyle(element).backgroundImage);
  return match ? absolute(match[2], element.ownerDocument) : undefined;
}

async function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
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

/** The element itself or the nearest ancestor (or element under the point) that carries a picture. */
function pictureElement(element: Element, point?: { x: number; y: number }): Element | undefined {
  const candidates = [
    ...ancestors(element),
    ...(point ? element.ownerDocument.elementsFromPoint(point.x, point.y) : []),
  ];
  return candidates.find(
    (e) =>
      e instanceof HTMLImageElement ||
      e instanceof HTMLCanvasElement ||
      e instanceof SVGSVGElement ||
      getComputedStyle(e).backgroundImage.includes('url('),
  );
}

function* ancestors(element: Element): Generator<Element> {
  for (let e: Element | null = element; e; e = e.parentElement) {
    if (e instanceof SVGElement && !(e instanceof SVGSVGElement)) continue;
    yield e;
  }
}

export interface FoundPicture {
  element: Element;
  source: string;
}

export async function findPicture(element: Element, point?: { x: number; y: number }): Promise<FoundPicture> {
  const found = pictureElement(element, point);
  if (!found) throw new Error('No picture found where you right-clicked.');
  let source: string | undefined;
  if (found instanceof HTMLImageElement) source = imageSource(found);
  else if (found instanceof HTMLCanvasElement) {
    try {
      source = found.toDataURL('image/png');
    } catch {
      throw new Error('This canvas holds a picture from another site that the page does not let anyone read.');
    }
  } else if (found instanceof SVGSVGElement) source = svgToDataUrl(found);
  else source = backgroundSource(found);
  if (!source) throw new Error('This picture has no address to read it from.');
  // The page's blob: URLs exist only inside the page: read them here and pass the bytes on.
  if (source.startsWith('blob:')) source = await blobToDataUrl(await (await fetch(source)).blob());
  return { element: found, source };
}

/** An <img> on the page showing `srcUrl`, for a click the content script did not see (e.g. from a test or a frame). */
export function imageShowing(doc: Document, srcUrl: string): HTMLImageElement | undefined {
  return [...doc.images].find((img) => img.currentSrc === srcUrl || img.src === srcUrl);
}
