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

/** One dataset after the other. */
export function concat(...parts: Dataset[]): Dataset {
  const count = parts.reduce((n, d) => n + d.count, 0);
  const images = new Uint8Array(count * PIXELS);
  const labels = new Uint8Array(count);
  let at = 0;
  for (const d of parts) {
    images.set(d.images.subarray(0, d.count * PIXELS), at * PIXELS);
    labels.set(d.labels.subarray(0, d.count), at);
    at += d.count;
  }
  return { count, images, labels };
}
