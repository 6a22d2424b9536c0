/**
 * Data-parallel training: each step's batch is cut into shares, one per replica of the model
 * (replica-host.ts; worker threads in Node, Web Workers in the options page), which compute their
 * gradients at the same time; their mean, weighted by share size, is what a single trainer would
 * have computed on the whole batch, and every replica applies it with the same AdamW update.
 * Batch-norm normalises each share with its own statistics (ghost batch norm); the moving
 * statistics get the whole batch's, the same on every replica.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { PIXELS } from '../classes';
import { combineBatchStats, splitBatch, weightedMeanInto } from './gradient-exchange';
import type { ModelOutput, ReplicaHost } from './replica-host';
import type { StepResult, TrainerOptions } from './trainer';

/**
 * Replicas to train with at most, whatever the cores: at a batch of 64 each share is then 16
 * images, and smaller shares make ghost batch-norm noisy; the coordinator's thread (making the
 * batches) needs some of a core too, and every replica holds its own copy of TF.js and the model.
 */
export const MAX_REPLICAS = 4;

/** One replica per core, up to MAX_REPLICAS. */
export const replicasFor = (cores: number) => Math.max(1, Math.min(MAX_REPLICAS, Math.floor(cores) || 1));

/**
 * A replica seen from the coordinator: the same calls, answered later (from another thread).
 * `gradients` and `predict` may take over their arrays' buffers (moving them to the replica's thread).
 */
export type RemoteReplica = {
  [K in keyof ReplicaHost]: (...args: Parameters<ReplicaHost[K]>) => Promise<ReturnType<ReplicaHost[K]>>;
};

/** A trainer whose steps run elsewhere: fit awaits them, and has the weights copied back before it reads the model. */
export interface ParallelTrainer {
  step(pixels: Float32Array, labels: Uint8Array, n: number, lr: number): Promise<StepResult>;
  /** Copies the replicas' weights (they are all the same) into the model. */
  syncModel(): Promise<void>;
  /** The replicas' outputs on `count` byte images (predictAll's), each predicting its share of them. */
  predict(images: Uint8Array, count: number, output: ModelOutput): Promise<Float32Array>;
  /** Closes the replicas. */
  dispose(): Promise<void>;
}

/** Starts replicas of `model` (which start from its weights, trainable layers as set) for fit() to train with these options. */
export type StartTrainer = (model: tfl.LayersModel, options: TrainerOptions) => Promise<ParallelTrainer>;

/** Coordinates `replicas` of `model`; the model itself is only written by syncModel. */
export function createDataParallelTrainer(model: tfl.LayersModel, replicas: RemoteReplica[]): ParallelTrainer {
  const meanGrads = new Float32Array(model.trainableWeights.reduce((n, w) => n + w.read().size, 0));
  // The last step's updates, not awaited by it: the replicas apply them while the caller makes the
  // next batch. Each replica handles its calls in order, so the next gradients come after them.
  let updating: Promise<unknown> = Promise.resolve();

  return {
    async step(batchPixels, batchLabels, n, lr) {
      await updating;
      const shares = splitBatch(n, replicas.length);
      // Copies, so each replica's share can be moved to its thread and the caller keeps its batch.
      const parts = await Promise.all(
        replicas.map((r, i) => {
          const { start, count } = shares[i];
          return r.gradients(batchPixels.slice(start * PIXELS, (start + count) * PIXELS), batchLabels.slice(start, start + count), count);
        }),
      );
      const weights = shares.map((s) => s.count / n);
      weightedMeanInto(meanGrads, parts.map((p) => p.grads), weights);
      const batchStats = combineBatchStats(parts.map((p) => p.batchStats), weights);
      updating = Promise.all(replicas.map((r) => r.update(lr, meanGrads, batchStats)));
      updating.catch(() => {}); // reported by the next await of it, not as an unhandled rejection
      return {
        loss: parts.reduce((sum, p, i) => sum + weights[i] * p.result.loss, 0),
        correct: parts.reduce((sum, p) => sum + p.result.correct, 0),
        scored: parts.reduce((sum, p) => sum + p.result.scored, 0),
      };
    },
    async predict(images, count, output) {
      await updating;
      if (count === 0) return new Float32Array(0);
      const shares = splitBatch(count, Math.min(count, replicas.length));
      const parts = await Promise.all(
        shares.map(({ start, count: n }, i) => replicas[i].predict(images.slice(start * PIXELS, (start + n) * PIXELS), n, output)),
      );
      const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) out.set(p, (at += p.length) - p.length);
      return out;
    },
    async syncModel() {
      await updating;
      const values = await replicas[0].weights();
      const tensors = model.weights.map((w, i) => tf.tensor(values[i], w.read().shape));
      model.setWeights(tensors);
      tf.dispose(tensors);
    },
    async dispose() {
      await updating.catch(() => {}); // a failed update was reported by the step or sync that awaited it
      await Promise.all(replicas.map((r) => r.dispose()));
    },
  };
}
