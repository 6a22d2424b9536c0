/**
 * Fine-tunes the model in use on Fashion-MNIST and the user's corrections, and measures it before
 * and after on the test set. Runs wherever TF.js runs (the options page's worker, Node); reports
 * through callbacks and hands back the new model's files without storing anything.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Dataset, ReadFile } from '../data/shards';
import { LOGITS_LAYER, foldTemperature } from '../model/architecture';
import { fitTemperature } from '../model/calibration';
import { concat, holdOut, subset } from '../model/dataset';
import type { StartTrainer } from '../model/data-parallel';
import { defaultFitOptions, fit, type BatchProgress, type EpochStats, type FitOptions } from '../model/fit';
import { loadModel, saveModel } from '../model/io';
import { evaluateOutputs, type Evaluation } from '../model/metrics';
import { predictAll } from '../model/predict';
import { fitModelDetector } from '../ood/fit-model-detector';
import { outlierSet } from '../ood/outlier-set';
import { OUTLIER_SHARE, VALIDATION_SHARE } from './estimate';
import type { FineTuneSettings } from './settings';

export interface FineTuneInput {
  settings: FineTuneSettings;
  /** The files of the model in use (bundled or fine-tuned before). */
  readModel: ReadFile;
  train: Dataset;
  test: Dataset;
  /** The user's corrections: their 28x28 pictures and the labels the user chose. */
  corrections: Dataset;
  /** Trains, and measures on the test set, on replicas of the model elsewhere (the options page's other workers) instead of in this thread. */
  startTrainer?: StartTrainer;
}

/**
 * The parts of a run, in order: measuring the model in use on the test set, training, then
 * calibrating the new model and measuring it on the test set.
 */
export type FineTunePhase = 'evaluating-before' | 'training' | 'evaluating-after';

export interface FineTuneEvents {
  onPhase?(phase: FineTunePhase): void;
  onEvaluated?(which: 'before' | 'after', evaluation: Evaluation): void;
  onBatch?(progress: BatchProgress): void;
  onEpoch?(stats: EpochStats): void;
}

export interface FineTuneResult {
  version: string;
  files: Record<string, Uint8Array>;
  before: Evaluation;
  after: Evaluation;
  history: EpochStats[];
}

const SEED = 7;

/** Each correction `weight` times, so a handful of them count against thousands of dataset images. */
export function withCorrections(train: Dataset, corrections: Dataset, weight: number): Dataset {
  return concat(train, ...Array<Dataset>(weight).fill(corrections));
}

/** `model` as it is now on the test set: on replicas of it where the input starts them (each takes a share), else here. */
async function evaluate(model: tfl.LayersModel, test: Dataset, input: FineTuneInput, options: FitOptions): Promise<Evaluation> {
  const replicas = await input.startTrainer?.(model, options);
  try {
    const outputs = replicas ? await replicas.predict(test.images, test.count, 'probabilities') : predictAll(model, test.images, test.count);
    return evaluateOutputs(outputs, test.labels);
  } finally {
    await replicas?.dispose();
  }
}

export async function fineTune(input: FineTuneInput, events: FineTuneEvents = {}): Promise<FineTuneResult> {
  const { settings } = input;
  const { model, metadata } = await loadModel(input.readModel);
  try {
    for (const layer of model.layers) layer.trainable = settings.layers === 'all' || layer.name === LOGITS_LAYER;
    const options = { ...defaultFitOptions(settings.learningRate), epochs: settings.epochs, batchSize: settings.batchSize, seed: SEED };
    events.onPhase?.('evaluating-before');
    const before = await evaluate(model, input.test, input, options);
    events.onEvaluated?.('before', before);

    const chosen = subset(input.train, Array.from({ length: Math.min(settings.trainImages, input.train.count) }, (_, i) => i));
    const split = holdOut(chosen, Math.round(chosen.count * VALIDATION_SHARE), SEED);
    const outliers = outlierSet(Math.round(split.train.count * OUTLIER_SHARE), split.train, SEED);
    const train = withCorrections(concat(split.train, outliers), input.corrections, settings.correctionWeight);
    events.onPhase?.('training');
    const trainer = await input.startTrainer?.(model, options);
    const { history, validationLogits } = await fit(model, train, split.validation, { ...options, trainer, onBatch: events.onBatch, onEpoch: events.onEpoch });

    events.onPhase?.('evaluating-after');
    for (const layer of model.layers) layer.trainable = true; // saved in model.json: the next fine-tuning starts free

    // The shipped softmax is calibrated; keep it so after training (see "Not sure" in docs/model.md).
    // At least 500 training images, so there is always a validation split to calibrate on.
    const temperature = fitTemperature(validationLogits!, split.validation.labels);
    foldTemperature(model, temperature);
    // The threshold belongs to these weights: fit it again, on data the training did not see.
    const outOfScope = fitModelDetector(model, split.validation, split.train);
    const after = await evaluate(model, input.test, input, options);
    events.onEvaluated?.('after', after);

    const files: Record<string, Uint8Array> = {};
    const saved = await saveModel(
      model,
      {
        ...metadata,
        createdAt: new Date().toISOString(),
        training: { fineTunedFrom: metadata.version, ...settings, corrections: input.corrections.count, outliers: outliers.count, temperature },
        temperature,
        outOfScope,
        test: { count: after.count, accuracy: after.accuracy, perClass: after.perClass },
      },
      async (name, bytes) => void (files[name] = bytes),
      'finetuned',
    );
    return { version: saved.version, files, before, after, history };
  } finally {
    model.dispose();
  }
}
