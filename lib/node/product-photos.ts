/** Fashion-MNIST test images rendered as product photos: a dark garment on white, a few hundred pixels. */
import sharp from 'sharp';
import { CLASS_NAMES, IMAGE_SIZE, PIXELS } from '../classes';
import { loadSplit } from '../data/shards';
import { SHARD_DIR, readFromDir } from './fashion-mnist';

export interface ProductPhoto {
  testIndex: number;
  label: number;
  name: string;
  png: Buffer;
}

export async function renderTestImage(pixels: Uint8Array, size: number): Promise<Buffer> {
  const inverted = Buffer.from(pixels.map((v) => 255 - v));
  return sharp(inverted, { raw: { width: IMAGE_SIZE, height: IMAGE_SIZE, channels: 1 } })
    .resize(size, size, { kernel: 'lanczos3' })
    .png()
    .toBuffer();
}

/** The first test image of each class, in class order. */
export async function productPhotos(size = 336): Promise<ProductPhoto[]> {
  const test = await loadSplit(readFromDir(SHARD_DIR), 'test', { limit: 100 });
  return Promise.all(
    CLASS_NAMES.map(async (name, label) => {
      const testIndex = test.labels.indexOf(label);
      const pixels = test.images.subarray(testIndex * PIXELS, (testIndex + 1) * PIXELS);
      return { testIndex, label, name, png: await renderTestImage(pixels, size) };
    }),
  );
}
