/**
 * How large a picture may be, read from its file's header before it is decoded: a small file that
 * would decode to gigabytes (a "decompression bomb") is refused before anything is allocated for it.
 * The header is read by `image-size`, which knows every format a browser shows and reads no pixels.
 */
import { imageSize } from 'image-size';

/** About 480 MB once decoded to RGBA; larger than any photo a shop shows. */
export const MAX_PIXELS = 120e6;
export const NOT_READABLE = 'The file could not be read as an image: it is broken or in a format the browser does not know.';

export function refuseIfTooLarge(width: number, height: number): void {
  if (width * height > MAX_PIXELS) {
    throw new Error(`The picture is too large (${Math.round((width * height) / 1e6)} megapixels).`);
  }
}

/**
 * Refuses a file whose header says it is too large, or that has no header of a picture format. SVG is
 * drawn at whatever size is asked for, so only its drawn size counts, later.
 */
export function checkHeader(bytes: Uint8Array, type: string): void {
  if (type === 'image/svg+xml') return;
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    throw new Error(NOT_READABLE);
  }
  refuseIfTooLarge(size.width ?? 0, size.height ?? 0);
}
