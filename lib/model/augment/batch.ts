import { PIXELS } from '../../classes';
import type { Rng } from '../rng';
import { augmentImage } from './augment-image';
import { DEFAULT_AUGMENT, type AugmentOptions } from './presets';

/**
 * Fills `out` (batch x 784 floats) with the images at `indices` of a byte dataset, scaled to [0, 1]
 * and augmented unless `options` is null.
 */
export function makeBatch(
  images: Uint8Array,
  indices: ArrayLike<number>,
  out: Float32Array,
  rng: Rng,
  options: AugmentOptions | null = DEFAULT_AUGMENT,
): void {
  const tmp = new Float32Array(PIXELS);
  for (let b = 0; b < indices.length; b++) {
    const img = out.subarray(b * PIXELS, (b + 1) * PIXELS);
    const src = images.subarray(indices[b] * PIXELS, (indices[b] + 1) * PIXELS);
    for (let i = 0; i < PIXELS; i++) img[i] = src[i] / 255;
    if (options) augmentImage(img, tmp, rng, options);
  }
}
