/**
 * One training step of the classifier: Adam on softmax cross-entropy of the logits, plus decoupled
 * weight decay on the kernels (AdamW). Works on any backend with gradient kernels; used by the Node
 * training script and meant for in-browser fine-tuning too. The step comes in two halves, a
 * replica's gradients and its update, so data-parallel training can average the gradients of
 * several replicas in between (data-parallel.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { CLASS_NAMES, IMAGE_SIZE, OUTLIER } from '../classes';
import { logitsModel } from './architecture';
import { createRng } from './rng';
import { createTrainGraph } from './train-graph';

export interface TrainerOptions {
  weightDecay: number;
  labelSmoothing: number;
  /** 'fast' (default): the loop-based batch-norm and pooling of train-graph.ts; 'layers': tfjs-layers' own. */
  graph?: 'fast' | 'layers';
  /** Seeds the dropout masks. */
  seed?: number;
}

export interface StepResult {
  loss: number;
  /** Right answers among the `scored` images of the 10 kinds (outliers have no right answer). */
  correct: number;
  scored: number;
}

export interface Trainer {
  /**
   * Trains on `n` images (n x 784 floats in [0, 1]) with their labels, at learning rate `lr`. A label
   * OUTLIER asks for the uniform distribution (outlier exposure).
   */
  step(pixels: Float32Array, labels: Uint8Array, n: number, lr: number): StepResult;
  dispose(): void;
}

/** A copy of the model being trained, whose steps are split in two. */
export interface Replica {
  /** The trainable variables, in the model's order: the same on every replica of one model. */
  variables: tf.Variable[];
  /** Loss and gradients (one per variable, for the caller to dispose) on `n` images, as `Trainer.step` takes them. */
  gradients(pixels: Float32Array, labels: Uint8Array, n: number): { result: StepResult; grads: tf.Tensor[] };
  /** The batch-norm statistics of the last `gradients` call (none with the 'layers' graph, which keeps its own). */
  batchStats(): Float32Array;
  /** The AdamW update with these gradients, and the moving statistics with these (by default its own). */
  update(grads: tf.Tensor[], lr: number, batchStats?: Float32Array): void;
  dispose(): void;
}

const K = CLASS_NAMES.length;

/** One-hot rows, and the uniform distribution for an OUTLIER. */
function targets(labels: Uint8Array, n: number): Float32Array {
  const out = new Float32Array(n * K);
  for (let i = 0; i < n; i++) {
    if (labels[i] === OUTLIER) out.fill(1 / K, i * K, (i + 1) * K);
    else out[i * K + labels[i]] = 1;
  }
  return out;
}

export function createReplica(model: tfl.LayersModel, options: TrainerOptions): Replica {
  const rng = createRng(options.seed ?? 1);
  const graph = options.graph === 'layers' ? null : createTrainGraph(model);
  const net = graph ? null : logitsModel(model);
  const forward = (xs: tf.Tensor4D) => (graph ? graph.forward(xs, rng) : (net!.apply(xs, { training: true }) as tf.Tensor));
  const optimizer = tf.train.adam(1e-3);
  // Adam reads its rate on every update; the schedule sets it per step.
  const setLr = (lr: number) => ((optimizer as unknown as { learningRate: number }).learningRate = lr);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  // Decay conv and dense kernels only: not biases nor batch-norm scales.
  const decayed = model.trainableWeights.filter((w) => /kernel/.test(w.name)).map((w) => w.read() as tf.Variable);

  return {
    variables,
    gradients(pixels, labels, n) {
      let predicted: tf.Tensor | undefined;
      const { value, grads } = tf.tidy(() => {
        const xs = tf.tensor4d(pixels.subarray(0, n * IMAGE_SIZE * IMAGE_SIZE), [n, IMAGE_SIZE, IMAGE_SIZE, 1]);
        const ys = tf.tensor2d(targets(labels, n), [n, K]);
        return tf.variableGrads(() => {
          const logits = forward(xs);
          predicted = tf.keep(tf.argMax(logits, 1));
          return tf.losses.softmaxCrossEntropy(ys, logits, undefined, options.labelSmoothing) as tf.Scalar;
        }, variables);
      });
      const loss = value.dataSync()[0];
      const pred = predicted!.dataSync();
      tf.dispose([value, predicted!]);
      let correct = 0;
      let scored = 0;
      for (let i = 0; i < n; i++) {
        if (labels[i] === OUTLIER) continue;
        scored++;
        if (pred[i] === labels[i]) correct++;
      }
      return { result: { loss, correct, scored }, grads: variables.map((v) => grads[v.name]) };
    },
    batchStats: () => graph?.batchStats() ?? new Float32Array(0),
    update(grads, lr, batchStats) {
      setLr(lr);
      tf.tidy(() => {
        optimizer.applyGradients(variables.map((v, i) => ({ name: v.name, tensor: grads[i] })));
        if (options.weightDecay > 0) {
          const keep = 1 - lr * options.weightDecay;
          for (const v of decayed) v.assign(tf.mul(v, keep));
        }
      });
      graph?.updateMovingStats(batchStats);
    },
    dispose() {
      optimizer.dispose();
    },
  };
}

export function createTrainer(model: tfl.LayersModel, options: TrainerOptions): Trainer {
  const replica = createReplica(model, options);
  return {
    step(pixels, labels, n, lr) {
      const { result, grads } = replica.gradients(pixels, labels, n);
      replica.update(grads, lr);
      tf.dispose(grads);
      return result;
    },
    dispose: () => replica.dispose(),
  };
}
