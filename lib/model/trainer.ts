/**
 * One training step of the classifier: Adam on softmax cross-entropy of the logits, plus decoupled
 * weight decay on the kernels (AdamW). Works on any backend with gradient kernels; used by the Node
 * training script and meant for in-browser fine-tuning too.
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

export function createTrainer(model: tfl.LayersModel, options: TrainerOptions): Trainer {
  const rng = createRng(options.seed ?? 1);
  const graph = options.graph === 'layers' ? null : createTrainGraph(model);
  const net = graph ? null : logitsModel(model);
  const forward = (xs: tf.Tensor4D) => (graph ? graph.forward(xs, rng) : (net!.apply(xs, { training: true }) as tf.Tensor));
  const optimizer = tf.train.adam(1e-3);
  // Adam reads its rate on every update; the schedule sets it per step.
  const setLr = (lr: number) => ((optimizer as unknown as { learningRate: number }).learningRate = lr);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  // Decay conv and dense kernels only: not biases nor batch-norm scales.
  const decayed = model.trainableWeights.filter((w) => /kernel/.test(w.name)).map((w) => w.read() as tf.Variable);

  return {
    step(pixels, labels, n, lr) {
      setLr(lr);
      let predicted: tf.Tensor | undefined;
      const loss = tf.tidy(() => {
        const xs = tf.tensor4d(pixels.subarray(0, n * IMAGE_SIZE * IMAGE_SIZE), [n, IMAGE_SIZE, IMAGE_SIZE, 1]);
        const ys = tf.tensor2d(targets(labels, n), [n, K]);
        const cost = optimizer.minimize(
          () => {
            const logits = forward(xs);
            predicted = tf.keep(tf.argMax(logits, 1));
            return tf.losses.softmaxCrossEntropy(ys, logits, undefined, options.labelSmoothing) as tf.Scalar;
          },
          true,
          vars,
        )!;
        if (options.weightDecay > 0) {
          const keep = 1 - lr * options.weightDecay;
          for (const v of decayed) v.assign(tf.mul(v, keep));
        }
        return cost.dataSync()[0];
      });
      graph?.updateMovingStats();
      const pred = predicted!.dataSync();
      predicted!.dispose();
      let correct = 0;
      let scored = 0;
      for (let i = 0; i < n; i++) {
        if (labels[i] === OUTLIER) continue;
        scored++;
        if (pred[i] === labels[i]) correct++;
      }
      return { loss, correct, scored };
    },
    dispose() {
      optimizer.dispose();
    },
  };
}
