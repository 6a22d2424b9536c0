/**
 * One training step of the classifier: Adam on softmax cross-entropy of the logits, plus decoupled
 * weight decay on the kernels (AdamW). Works on any backend with gradient kernels; used by the Node
 * training script and meant for in-browser fine-tuning too.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { CLASS_NAMES, IMAGE_SIZE } from '../classes';
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
  correct: number;
}

export interface Trainer {
  /** Trains on `n` images (n x 784 floats in [0, 1]) with their labels, at learning rate `lr`. */
  step(pixels: Float32Array, labels: Uint8Array, n: number, lr: number): StepResult;
  dispose(): void;
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
        const ys = tf.oneHot(tf.tensor1d(labels.subarray(0, n), 'int32'), CLASS_NAMES.length);
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
      for (let i = 0; i < n; i++) if (pred[i] === labels[i]) correct++;
      return { loss, correct };
    },
    dispose() {
      optimizer.dispose();
    },
  };
}
