/**
 * The training loop: shuffled, augmented mini-batches, a one-cycle learning rate, and a validation
 * pass after each epoch. Reports through callbacks so Node shows a progress bar and a worker can
 * post messages; yields to the event loop now and then so either stays responsive. Trains the model
 * itself, or replicas of it elsewhere (data-parallel.ts), whose weights it copies back each epoch.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { PIXELS } from '../classes';
import type { Dataset } from '../data/shards';
import { logitsModel } from './architecture';
import { makeBatch } from './augment/batch';
import { DEFAULT_AUGMENT, type AugmentOptions } from './augment/presets';
import { nll } from './calibration';
import type { ParallelTrainer } from './data-parallel';
import { evaluateOutputs } from './metrics';
import { predictAll } from './predict';
import { createRng, shuffledIndices } from './rng';
import { defaultOneCycle, oneCycleLr, type OneCycle } from './schedule';
import { createTrainer, type TrainerOptions } from './trainer';

export interface FitOptions extends TrainerOptions {
  epochs: number;
  batchSize: number;
  schedule: OneCycle;
  augment: AugmentOptions | null;
  seed: number;
  /**
   * Optional wall-clock budget for the loop, in seconds: the schedule then runs on whichever is
   * further along, steps or time, and training stops when either is done. On a shared machine this
   * keeps a run within its slot without cutting the learning-rate decay short.
   */
  budgetSeconds?: number;
  onBatch?: (p: BatchProgress) => void;
  onEpoch?: (e: EpochStats) => void;
  /** Trains replicas of the model instead, set up by the caller with these options; fit closes it when done. */
  trainer?: ParallelTrainer;
}

export interface BatchProgress {
  epoch: number;
  batch: number;
  batches: number;
  /** Running means over the epoch so far. */
  loss: number;
  accuracy: number;
  imagesPerSecond: number;
  lr: number;
  /** Fraction of the whole run done, by steps or by time budget. */
  progress: number;
}

export interface EpochStats {
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss: number;
  valAccuracy: number;
  seconds: number;
  imagesPerSecond: number;
  /** Set when a time budget ended this epoch early: the part of it trained. */
  fraction?: number;
}

export const defaultFitOptions = (maxLr = 3e-3): Omit<FitOptions, 'epochs'> => ({
  batchSize: 64,
  schedule: defaultOneCycle(maxLr),
  augment: DEFAULT_AUGMENT,
  seed: 42,
  weightDecay: 0.01,
  labelSmoothing: 0,
});

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

export interface FitResult {
  history: EpochStats[];
  /** The trained model's logits on the validation set (from the last epoch's check), for calibration. */
  validationLogits: Float32Array | null;
}

export async function fit(model: tfl.LayersModel, train: Dataset, validation: Dataset | null, o: FitOptions): Promise<FitResult> {
  const rng = createRng(o.seed);
  const trainer = o.trainer ?? createTrainer(model, o);
  const net = logitsModel(model);
  const batches = Math.floor(train.count / o.batchSize); // full batches only: batch-norm dislikes tiny ones
  const pixels = new Float32Array(o.batchSize * PIXELS);
  const labels = new Uint8Array(o.batchSize);
  const history: EpochStats[] = [];
  let validationLogits: Float32Array | null = null;
  const t0 = performance.now();
  const progressAt = (step: number) =>
    Math.max(step / (o.epochs * batches), o.budgetSeconds ? (performance.now() - t0) / 1000 / o.budgetSeconds : 0);
  let done = false;
  try {
    for (let epoch = 0; epoch < o.epochs && !done; epoch++) {
      const order = shuffledIndices(train.count, rng);
      const started = performance.now();
      let lossSum = 0;
      let correct = 0;
      let scored = 0;
      let lr = 0;
      let b = 0;
      for (; b < batches && !done; b++) {
        const idx = order.subarray(b * o.batchSize, (b + 1) * o.batchSize);
        makeBatch(train.images, idx, pixels, rng, o.augment);
        for (let i = 0; i < idx.length; i++) labels[i] = train.labels[idx[i]];
        const progress = progressAt(epoch * batches + b);
        done = progress >= 1;
        lr = oneCycleLr(Math.min(1, progress) * (o.epochs * batches - 1), o.epochs * batches, o.schedule);
        const r = await trainer.step(pixels, labels, o.batchSize, lr);
        lossSum += r.loss;
        correct += r.correct;
        scored += r.scored;
        const seen = (b + 1) * o.batchSize;
        o.onBatch?.({
          // Done after this step, so the last batch reports the whole run.
          epoch, batch: b + 1, batches, lr, progress: Math.min(1, progressAt(epoch * batches + b + 1)),
          loss: lossSum / (b + 1),
          accuracy: correct / Math.max(1, scored),
          imagesPerSecond: seen / ((performance.now() - started) / 1000),
        });
        if (b % 20 === 19) await pause();
      }
      await o.trainer?.syncModel();
      const seconds = (performance.now() - started) / 1000;
      let valLoss = NaN;
      let valAccuracy = NaN;
      if (validation && validation.count > 0) {
        // On the replicas where there are any: they hold the weights just copied into the model.
        validationLogits = o.trainer ? await o.trainer.predict(validation.images, validation.count, 'logits') : predictAll(net, validation.images, validation.count);
        valLoss = nll(validationLogits, validation.labels);
        valAccuracy = evaluateOutputs(validationLogits, validation.labels).accuracy;
      }
      const stats: EpochStats = {
        epoch: epoch + 1,
        loss: lossSum / b,
        accuracy: correct / Math.max(1, scored),
        valLoss, valAccuracy, seconds,
        imagesPerSecond: (b * o.batchSize) / seconds,
        ...(b < batches ? { fraction: b / batches } : {}),
      };
      history.push(stats);
      o.onEpoch?.(stats);
      await pause();
    }
  } finally {
    await trainer.dispose();
  }
  return { history, validationLogits };
}
