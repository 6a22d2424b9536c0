/**
 * The replica side of data-parallel training: one copy of the model, wherever it runs (a worker
 * thread in Node), taking its share of each batch from the shared buffers, leaving its gradients
 * in its own slot, then applying the mean gradients the coordinator leaves for all. Every replica
 * applies the same update to the same weights, so they stay identical without sending weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { PIXELS } from '../classes';
import type { ExchangeBuffers } from './gradient-exchange';
import { createReplica, type StepResult, type TrainerOptions } from './trainer';

export interface ReplicaHost {
  /** Loss and gradients on images [start, start + count) of the shared batch; returns its batch-norm statistics. */
  gradients(start: number, count: number): { result: StepResult; batchStats: Float32Array };
  /** Applies the shared mean gradients at rate `lr` and folds in the whole batch's statistics. */
  update(lr: number, batchStats: Float32Array): void;
  /** All the model's weights (the moving statistics too), in `model.weights` order. */
  weights(): Float32Array[];
  dispose(): void;
}

/** Replica `index` of `model`: its dropout masks are seeded apart from the other replicas'. */
export function createReplicaHost(model: tfl.LayersModel, options: TrainerOptions, buffers: ExchangeBuffers, index: number): ReplicaHost {
  // tfjs-layers' own pass updates the moving statistics inside the forward pass, from one share only.
  if (options.graph === 'layers') throw new Error("data-parallel training needs the 'fast' training graph");
  const replica = createReplica(model, { ...options, seed: (options.seed ?? 1) + index });
  const ownGrads = new Float32Array(buffers.grads[index]);
  const meanGrads = new Float32Array(buffers.meanGrads);
  if (ownGrads.length !== replica.variables.reduce((n, v) => n + v.size, 0)) throw new Error('the gradient buffers do not fit this model');

  return {
    gradients(start, count) {
      const pixels = new Float32Array(buffers.pixels, start * PIXELS * 4, count * PIXELS);
      const labels = new Uint8Array(buffers.labels, start, count);
      const { result, grads } = replica.gradients(pixels, labels, count);
      let at = 0;
      for (const g of grads) {
        ownGrads.set(g.dataSync(), at);
        at += g.size;
      }
      tf.dispose(grads);
      return { result, batchStats: replica.batchStats() };
    },
    update(lr, batchStats) {
      let at = 0;
      const grads = replica.variables.map((v) => tf.tensor(meanGrads.subarray(at, (at += v.size)), v.shape));
      replica.update(grads, lr, batchStats);
      tf.dispose(grads);
    },
    weights: () => model.weights.map((w) => w.read().dataSync() as Float32Array),
    dispose() {
      replica.dispose();
      model.dispose();
    },
  };
}
