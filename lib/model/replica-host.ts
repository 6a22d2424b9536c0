/**
 * The replica side of data-parallel training: one copy of the model, wherever it runs (a worker
 * thread in Node, a Web Worker in the options page), computing the gradients of its share of each
 * batch, then applying the mean gradients the coordinator sends to all. Every replica applies the
 * same update to the same weights, so they stay identical without sending weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { logitsModel } from './architecture';
import { predictAll } from './predict';
import { createReplica, type StepResult, type TrainerOptions } from './trainer';

export type ModelOutput = 'probabilities' | 'logits';

export interface ReplicaGradients {
  result: StepResult;
  /** Its share's batch-norm statistics. */
  batchStats: Float32Array;
  /** Every trainable variable's gradient, flattened in order. */
  grads: Float32Array;
}

export interface ReplicaHost {
  /** Loss and gradients on `n` images (n x 784 floats in [0, 1]) and their labels: the replica's share of a batch. */
  gradients(pixels: Float32Array, labels: Uint8Array, n: number): ReplicaGradients;
  /** Applies the mean gradients (flattened as `gradients` gives them) at rate `lr` and folds in the whole batch's statistics. */
  update(lr: number, meanGrads: Float32Array, batchStats: Float32Array): void;
  /** The model's outputs on `count` byte images, as predictAll gives them: its probabilities, or its logits. */
  predict(images: Uint8Array, count: number, output: ModelOutput): Float32Array;
  /** All the model's weights (the moving statistics too), in `model.weights` order. */
  weights(): Float32Array[];
  dispose(): void;
}

/** Replica `index` of `model`: its dropout masks are seeded apart from the other replicas'. */
export function createReplicaHost(model: tfl.LayersModel, options: TrainerOptions, index: number): ReplicaHost {
  // tfjs-layers' own pass updates the moving statistics inside the forward pass, from one share only.
  if (options.graph === 'layers') throw new Error("data-parallel training needs the 'fast' training graph");
  const replica = createReplica(model, { ...options, seed: (options.seed ?? 1) + index });
  const paramCount = replica.variables.reduce((n, v) => n + v.size, 0);
  let logits: tfl.LayersModel | undefined;

  return {
    gradients(pixels, labels, n) {
      const { result, grads } = replica.gradients(pixels, labels, n);
      const flat = new Float32Array(paramCount);
      let at = 0;
      for (const g of grads) {
        flat.set(g.dataSync(), at);
        at += g.size;
      }
      tf.dispose(grads);
      return { result, batchStats: replica.batchStats(), grads: flat };
    },
    update(lr, meanGrads, batchStats) {
      if (meanGrads.length !== paramCount) throw new Error('the mean gradients do not fit this model');
      let at = 0;
      const grads = replica.variables.map((v) => tf.tensor(meanGrads.subarray(at, (at += v.size)), v.shape));
      replica.update(grads, lr, batchStats);
      tf.dispose(grads);
    },
    predict: (images, count, output) => predictAll(output === 'logits' ? (logits ??= logitsModel(model)) : model, images, count),
    weights: () => model.weights.map((w) => w.read().dataSync() as Float32Array),
    dispose() {
      replica.dispose();
      model.dispose();
    },
  };
}
