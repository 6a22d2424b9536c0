/** Photos from disk for the Node tools, decoded with sharp as the extension decodes them. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { workingSize, type RgbaImage } from '../../lib/preprocess';
import { UserError } from './run-cli';

/**
 * JPEG, PNG, WebP, GIF (its first frame), AVIF, TIFF... as RGBA pixels, at the size of preprocessing's
 * working copy, as the extension decodes them (entrypoints/offscreen/decode-image.ts), so the figures
 * measured here hold for it. Catmull-Rom, as Chrome's high-quality canvas scaling: of sharp's kernels, the
 * nearest to Chrome's pixels on the development photos.
 */
export async function decodePhoto(file: string): Promise<RgbaImage> {
  try {
    // Turned upright by its EXIF orientation, as browsers draw a camera's photo.
    const options = { pages: 1, limitInputPixels: 120e6, autoOrient: true };
    const { width, height } = (await sharp(file, options).metadata()).autoOrient;
    // One pass: decoded and scaled together (no shrink-on-load, which would change the pixels).
    const { data, info } = await sharp(file, options)
      .ensureAlpha()
      .resize({ ...workingSize(width, height), fit: 'fill', kernel: 'cubic', fastShrinkOnLoad: false })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
  } catch (err) {
    throw new UserError(`not an image sharp can read (${(err as Error).message})`);
  }
}

/** Files given on the command line, with folders expanded (recursively, sorted). */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).sort();
      files.push(...(await expandPaths(names.filter((n) => !n.startsWith('.')).map((n) => join(path, n)))));
    } else files.push(path);
  }
  return files;
}
