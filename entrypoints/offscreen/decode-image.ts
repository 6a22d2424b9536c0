/**
 * Decodes an image with the browser's own decoders (JPEG, PNG, WebP, GIF, AVIF, SVG) and draws it at
 * the size of preprocessing's working copy (lib/preprocess `workingSize`), so a 50-megapixel photo costs
 * one decode and a small canvas, and no pixels are read back that preprocessing would only average
 * away. Its header is checked first (lib/picture-size.ts): an over-large picture is refused before it
 * is decoded.
 */
import { checkHeader, NOT_READABLE, refuseIfTooLarge } from '../../lib/picture-size';
import type { Crop } from '../../lib/picture/visible-crop';
import { workingSize, type RgbaImage } from '../../lib/preprocess';
import type { ImageBytes } from './read-image';

const THUMBNAIL_SIDE = 96;

export interface DecodedImage {
  pixels: RgbaImage;
  /** A small JPEG of the image for the history, as a data URL. */
  thumbnail: string;
}

type Picture = { source: CanvasImageSource; width: number; height: number; close(): void };

/**
 * createImageBitmap refuses truncated or corrupt files (an <img> shows them half-drawn); SVG, which it
 * does not take from a blob, goes through an <img> and its load events (an offscreen document is never
 * rendered, and `decode()` waits for that).
 */
async function decode(blob: Blob): Promise<Picture> {
  if (blob.type === 'image/svg+xml') {
    const url = URL.createObjectURL(blob);
    const image = new Image();
    await new Promise((resolve, reject) => {
      image.onload = resolve;
      image.onerror = () => reject(new Error(NOT_READABLE));
      image.src = url;
    }).finally(() => URL.revokeObjectURL(url));
    return { source: image, width: image.naturalWidth, height: image.naturalHeight, close() {} };
  }
  const bitmap = await createImageBitmap(blob).catch(() => {
    throw new Error(NOT_READABLE);
  });
  return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
}

/** `crop` keeps only the part of the picture the page shows (a sprite's tile, a screenshot's picture). */
export async function decodeImage(image: ImageBytes, crop?: Crop): Promise<DecodedImage> {
  checkHeader(image.bytes, image.type);
  const picture = await decode(new Blob([image.bytes as BlobPart], { type: image.type }));
  try {
    if (!picture.width || !picture.height) throw new Error('The image has no size the browser can draw.');
    refuseIfTooLarge(picture.width, picture.height);
    const part = region(picture, crop);
    return {
      pixels: toPixels(draw(picture, part, workingSize(part.width, part.height), false)),
      thumbnail: draw(picture, part, fitInside(part, THUMBNAIL_SIDE), true).toDataURL('image/jpeg', 0.8),
    };
  } finally {
    picture.close();
  }
}

interface Size {
  width: number;
  height: number;
}

interface Region extends Size {
  x: number;
  y: number;
}

/** The crop in the picture's pixels, at least one pixel on a side. */
function region(picture: Picture, crop: Crop = { x: 0, y: 0, width: 1, height: 1 }): Region {
  const x = Math.round(crop.x * picture.width);
  const y = Math.round(crop.y * picture.height);
  const width = Math.max(1, Math.min(picture.width - x, Math.round(crop.width * picture.width)));
  const height = Math.max(1, Math.min(picture.height - y, Math.round(crop.height * picture.height)));
  return { x, y, width, height };
}

/** The part's size scaled down, if need be, so its long side is at most `side`. */
function fitInside(part: Size, side: number): Size {
  const scale = Math.min(1, side / Math.max(part.width, part.height));
  return { width: Math.max(1, Math.round(part.width * scale)), height: Math.max(1, Math.round(part.height * scale)) };
}

function draw(picture: Picture, part: Region, size: Size, onWhite: boolean): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  if (onWhite) {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
  }
  context.imageSmoothingQuality = 'high';
  context.drawImage(picture.source, part.x, part.y, part.width, part.height, 0, 0, canvas.width, canvas.height);
  return canvas;
}

function toPixels(canvas: HTMLCanvasElement): RgbaImage {
  const { width, height } = canvas;
  return { width, height, data: canvas.getContext('2d')!.getImageData(0, 0, width, height).data };
}
