/**
 * Finds the picture a person sees where they right-clicked: the topmost visible element under the
 * point that shows one (entrypoints/content/hit-test.ts), whatever lies over it (a link, a
 * quick-view button, a transparent guard). Chrome's `srcUrl` is used only for a click this script
 * did not see (e.g. one the menu was opened for before the script ran).
 */
import { elementsAt, isSeen } from './hit-test';
import { pictureOf, type PictureSource } from './picture-source';

export type { PictureSource };

async function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** The page's blob: URLs exist only inside the page: read them here and pass the bytes on. */
export async function readable(picture: PictureSource): Promise<PictureSource> {
  if (!picture.source?.startsWith('blob:')) return picture;
  return { ...picture, source: await blobToDataUrl(await (await fetch(picture.source)).blob()) };
}

/** Whether `element` is the image or video Chrome names by `url` (its `srcUrl`). */
const shows = (element: Element, url: string) =>
  (element instanceof HTMLImageElement || element instanceof HTMLVideoElement) && (element.currentSrc === url || element.src === url);

/**
 * The picture at the viewport point, or undefined. When Chrome named an image (`srcUrl`) that is not
 * under the point at all, the point is from an older click: the named image is taken instead.
 */
export async function findPicture(doc: Document, point?: { x: number; y: number }, srcUrl?: string): Promise<PictureSource | undefined> {
  const elements = point ? elementsAt(doc, point.x, point.y) : [];
  // Chrome names the topmost image even when it is transparent (a carousel's hidden slide): that still places the click here.
  if (srcUrl && !elements.some((e) => shows(e, srcUrl))) {
    const named = [...doc.querySelectorAll('img, video')].find((e) => shows(e, srcUrl));
    return named && (await pictureOf(named).then((p) => p && readable(p)));
  }
  for (const element of elements.filter(isSeen)) {
    const picture = await pictureOf(element);
    if (picture) return readable(picture);
  }
  return undefined;
}
