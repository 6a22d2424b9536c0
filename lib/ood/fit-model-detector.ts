/**
 * Fits a model's out-of-scope threshold: on validation images augmented the way photos differ from
 * scans (turned, stretched, seen from another angle, other exposure, imperfect background removal:
 * PHOTO_AUGMENT), the in-scope side, and on a fresh set of outliers (drawn, and made from
 * Fashion-MNIST). Used at the end of training, of a soup and of fine-tuning, so every saved model
 * carries a detector fitted to its own weights.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { CLASS_NAMES } from '../classes';
import type { Dataset } from '../data/shards';
import { makeBatch } from '../model/augment/batch';
import { PHOTO_AUGMENT } from '../model/augment/presets';
import type { OutOfScopeDetector } from '../model/contract';
import { predictAll } from '../model/predict';
import { createRng } from '../model/rng';
import { fitDetector, inScopeScores } from './detector';
import { outlierSet } from './outlier-set';

/** Outliers the threshold is checked against (their share called out of scope is in the metadata). */
const OUTLIER_COUNT = 3000;

/** A copy of `data` with every image augmented once as a photo (seeded), as bytes for predictAll. */
function augmentedCopy(data: Dataset, seed: number): Dataset {
  const floats = new Float32Array(data.images.length);
  makeBatch(data.images, Array.from({ length: data.count }, (_, i) => i), floats, createRng(seed), PHOTO_AUGMENT);
  return { count: data.count, images: Uint8Array.from(floats, (v) => Math.round(v * 255)), labels: data.labels };
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
