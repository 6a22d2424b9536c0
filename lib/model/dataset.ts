/** Splitting a byte dataset: a seeded hold-out for validation, and subsets for quick runs. */
import { PIXELS } from '../classes';
import type { Dataset } from '../data/shards';
import { createRng, shuffledIndices } from './rng';

export function subset(data: Dataset, indices: ArrayLike<number>): Dataset {
  const images = new Uint8Array(indices.length * PIXELS);
  const labels = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const j = indices[i];
    images.set(data.images.subarray(j * PIXELS, (j + 1) * PIXELS), i * PIXELS);
    labels[i] = data.labels[j];
  }
  return { count: indices.length, images, labels };
}

/** A random `validationCount` images go to validation, the rest to training (same seed, same split). */
export function holdOut(data: Dataset, validationCount: number, seed: number): { train: Dataset; validation: Dataset } {
  const order = shuffledIndices(data.count, createRng(seed));
  const v = Math.min(validationCount, data.count);
  return { validation: subset(data, order.subarray(0, v)), train: subset(data, order.subarray(v)) };
}
