/**
 * What every model the extension runs must satisfy, and the metadata shipped beside it.
 * A model is refused, with a reason, when its classes or tensor shapes differ from this contract.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { CLASS_NAMES, IMAGE_SIZE } from '../classes';

export const INPUT_SHAPE = [null, IMAGE_SIZE, IMAGE_SIZE, 1] as const;
export const OUTPUT_SHAPE = [null, CLASS_NAMES.length] as const;

export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';
export const METADATA_FILE = 'metadata.json';

export interface ClassAccuracy {
  accuracy: number;
  count: number;
}

/**
 * The out-of-scope detector in a model's metadata (lib/ood/detector.ts fits it and applies it): the
 * in-scope score it uses, its threshold, and what the threshold was fitted on.
 */
export interface OutOfScopeDetector {
  /** How the in-scope score is computed: the calibrated probability of the three likeliest kinds. */
  score: 'top3-mass';
  /** An in-scope score below this is called out of scope. */
  threshold: number;
  /** What the threshold was fitted on, and what it gives there. */
  fit: {
    inScope: string;
    inScopeCount: number;
    outliers: string;
    outlierCount: number;
    /** The share of in-scope images the threshold was chosen to call out of scope. */
    target: number;
    inScopeFlagged: number;
    outliersFlagged: number;
    auroc: number;
  };
}

export interface ModelMetadata {
  format: 1;
  /** e.g. `bundled-20250101-1a2b3c4d`: source, date, first 8 hex digits of the weights' SHA-256. */
  version: string;
  createdAt: string;
  classNames: string[];
  inputShape: (number | null)[];
  /** What the input pixels mean; documentation for other tools. */
  input: string;
  weights: { file: string; bytes: number; sha256: string };
  params: number;
  macsPerImage: number;
  /** Free-form: architecture, epochs, batch, learning rates, augmentation, seed, duration... */
  training: Record<string, unknown>;
  /** Softmax temperature fitted on validation data and already folded into the logits layer. */
  temperature?: number;
  calibration?: {
    split: string;
    bins: number;
    eceBefore: number;
    eceAfter: number;
    nllBefore: number;
    nllAfter: number;
    /** ECE of the shipped (calibrated) model on the test split. */
    testEce?: number;
  };
  test?: { count: number; accuracy: number; perClass: Record<string, ClassAccuracy> };
  /** Tells pictures of none of the 10 kinds; fitted with the weights, and refused on load if damaged. */
  outOfScope: OutOfScopeDetector;
}

export const INPUT_DESCRIPTION = 'float32 [N,28,28,1] in [0,1], light garment on black';

function sameShape(actual: readonly (number | null)[] | undefined, expected: readonly (number | null)[]): boolean {
  return !!actual && actual.length === expected.length && actual.every((d, i) => (d ?? null) === expected[i]);
}

const fmt = (shape: unknown) => JSON.stringify(shape);

/** Throws if the metadata describes a model for other classes or inputs. */
export function checkMetadata(metadata: ModelMetadata, file = METADATA_FILE): void {
  if (!metadata || metadata.format !== 1) throw new Error(`${file} is not model metadata this version can read`);
  if (!Array.isArray(metadata.classNames) || metadata.classNames.join('|') !== CLASS_NAMES.join('|')) {
    throw new Error(`${file} lists classes ${fmt(metadata.classNames)}, expected ${fmt(CLASS_NAMES)}`);
  }
  if (!sameShape(metadata.inputShape, INPUT_SHAPE)) {
    throw new Error(`${file} gives input shape ${fmt(metadata.inputShape)}, expected ${fmt(INPUT_SHAPE)}`);
  }
  checkDetector(metadata.outOfScope, file);
}

/** Throws if the model's input or output shape is not the contract's. */
export function checkModelShapes(model: tfl.LayersModel, file = MODEL_FILE): void {
  if (model.inputs.length !== 1 || !sameShape(model.inputs[0].shape, INPUT_SHAPE)) {
    throw new Error(`${file} takes input ${fmt(model.inputs.map((t) => t.shape))}, expected ${fmt(INPUT_SHAPE)}`);
  }
  if (model.outputs.length !== 1 || !sameShape(model.outputs[0].shape, OUTPUT_SHAPE)) {
    throw new Error(`${file} gives output ${fmt(model.outputs.map((t) => t.shape))}, expected ${fmt(OUTPUT_SHAPE)}`);
  }
}

/** Throws, naming `file`, unless `detector` is one this version can apply. */
export function checkDetector(detector: OutOfScopeDetector | undefined, file: string): asserts detector is OutOfScopeDetector {
  if (!detector || typeof detector !== 'object') throw new Error(`${file} has no out-of-scope detector`);
  if (detector.score !== 'top3-mass') throw new Error(`${file} uses an out-of-scope score this version does not know (${JSON.stringify(detector.score)})`);
  if (typeof detector.threshold !== 'number' || !Number.isFinite(detector.threshold)) {
    throw new Error(`${file} has an out-of-scope threshold that is not a finite number`);
  }
}
