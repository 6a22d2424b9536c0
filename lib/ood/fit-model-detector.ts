/**
 * Fits a model's out-of-scope threshold: on validation images augmented the way photos differ from
 * scans (turned, stretched, other exposure, imperfect background removal: PHOTO_AUGMENT), the in-scope
 * side, and on a fresh set of outliers (drawn, and made from Fashion-MNIST). Used at the end of training and of fine-tuning, so every saved model carries a
 * detector fitted to its own weights.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { CLASS_NAMES, PIXELS } from '../classes';
import type { Dataset } from '../data/shards';
import { augmentImage, PHOTO_AUGMENT } from '../model/augment';
import { predictAll } from '../model/predict';
import { createRng } from '../model/rng';
import { fitDetector, inScopeScores, type OutOfScopeDetector } from './detector';
import { outlierSet } from './outlier-set';

/** Outliers the threshold is checked against (their share called out of scope is in the metadata). */
const OUTLIER_COUNT = 3000;

/** A copy of `data` with every image augmented once as a photo (seeded), as bytes. */
export function augmentedCopy(data: Dataset, seed: number): Dataset {
  const rng = createRng(seed);
  const img = new Float32Array(PIXELS);
  const tmp = new Float32Array(PIXELS);
  const images = new Uint8Array(data.count * PIXELS);
  for (let i = 0; i < data.count; i++) {
    for (let p = 0; p < PIXELS; p++) img[p] = data.images[i * PIXELS + p] / 255;
    augmentImage(img, tmp, rng, PHOTO_AUGMENT);
    for (let p = 0; p < PIXELS; p++) images[i * PIXELS + p] = Math.round(img[p] * 255);
  }
  return { count: data.count, images, labels: data.labels.slice(0, data.count) };
}

/** `model` outputs calibrated probabilities; `garments` feeds the outliers made from Fashion-MNIST. */
export function fitModelDetector(model: tfl.LayersModel, validation: Dataset, garments: Dataset, seed = 11): OutOfScopeDetector {
  const inScope = augmentedCopy(validation, seed);
  const outliers = augmentedCopy(outlierSet(OUTLIER_COUNT, garments, seed + 1), seed + 2);
  const score = (d: Dataset) => inScopeScores(predictAll(model, d.images, d.count), CLASS_NAMES.length);
  return fitDetector(
    { scores: score(inScope), description: `Fashion-MNIST validation images, augmented as photos` },
    { scores: score(outliers), description: 'drawn outliers and pictures made from Fashion-MNIST, augmented' },
  );
}
