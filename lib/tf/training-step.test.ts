// Whole training steps with tfjs-layers on wasm: same weights and data give
// the same losses as the stock cpu backend, every layer type we train with
// runs (no missing kernel), and steps leak nothing.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from './backend';
import { randomValues, relativeError } from './testing/wasm-vs-cpu';

const BATCH = 8;

function batch(seed: number): [tf.Tensor, tf.Tensor] {
  const labels = Array.from(randomValues(BATCH, seed + 1), (v) => Math.floor((v + 1) * 5));
  return [tf.tensor(randomValues(BATCH * 28 * 28, seed), [BATCH, 28, 28, 1]), tf.oneHot(labels, 10)];
}

/**
 * conv-bn-relu-pool-conv-dense; no dropout, so it is deterministic. The first
 * conv has no bias: right before batch-norm a bias gets a zero gradient in
 * exact arithmetic, and Adam turns its rounding noise into full-size steps
 * that differ between any two backends.
 */
function tinyCnn(): tfl.Sequential {
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, padding: 'same', useBias: false }),
      tfl.layers.batchNormalization(),
      tfl.layers.reLU(),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      tfl.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, activation: 'relu' }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
  return model;
}

/** Deterministic starting weights (tfjs-layers' own initialisers are not seeded). */
function initialWeights(model: tfl.Sequential): Float32Array[] {
  return model.weights.map((w, i) => {
    const size = tf.util.sizeFromShape(w.shape as number[]);
    if (/gamma|moving_variance/.test(w.name)) return new Float32Array(size).fill(1);
    if (/beta|moving_mean|bias/.test(w.name)) return new Float32Array(size);
    return randomValues(size, 100 + i).map((v) => v * 0.3);
  });
}

/** Trains tinyCnn from `weights` for `steps` steps on one batch on `backend`: losses, final weights. */
async function train(backend: 'cpu' | 'wasm', weights: Float32Array[], steps: number) {
  await tf.setBackend(backend);
  const model = tinyCnn();
  model.setWeights(model.getWeights().map((w, i) => tf.tensor(weights[i], w.shape)));
  const [x, y] = batch(1);
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) losses.push((await model.trainOnBatch(x, y)) as number);
  const final = model.getWeights().map((w) => Float32Array.from(w.dataSync()));
  tf.dispose([x, y]);
  model.dispose();
  return { losses, final };
}

beforeAll(async () => {
  await useWasmBackend();
});

describe('training on wasm', () => {
  it('gives the same losses and weights as cpu for a tiny CNN', async () => {
    await tf.setBackend('cpu');
    const init = tinyCnn();
    const weights = initialWeights(init);
    init.dispose();

    const cpu = await train('cpu', weights, 5);
    const wasm = await train('wasm', weights, 5);
    expect(cpu.losses[4]).toBeLessThan(cpu.losses[0]); // it does learn the batch
    for (let i = 0; i < 5; i++) expect(Math.abs(wasm.losses[i] - cpu.losses[i])).toBeLessThan(1e-3 * cpu.losses[i]);
    for (let i = 0; i < weights.length; i++) expect(relativeError(cpu.final[i], wasm.final[i])).toBeLessThan(1e-3);
  });

  it('fits every layer type we use, without leaking tensors', async () => {
    await useWasmBackend();
    const model = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' }),
        tfl.layers.batchNormalization(),
        tfl.layers.maxPooling2d({ poolSize: 2 }),
        tfl.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, padding: 'same', useBias: false }),
        tfl.layers.batchNormalization(),
        tfl.layers.reLU(),
        tfl.layers.conv2d({ filters: 16, kernelSize: 1, activation: 'relu' }),
        tfl.layers.depthwiseConv2d({ kernelSize: 3, padding: 'same', activation: 'relu' }),
        tfl.layers.averagePooling2d({ poolSize: 2, padding: 'same' }),
        tfl.layers.dropout({ rate: 0.25 }),
        tfl.layers.globalAveragePooling2d({}),
        tfl.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
    const [x, y] = batch(7);
    await model.fit(x, y, { batchSize: 4, epochs: 1, verbose: 0 }); // creates the optimizer's slots
    const before = tf.memory().numTensors;
    const history = await model.fit(x, y, { batchSize: 4, epochs: 2, verbose: 0 });
    expect(tf.memory().numTensors).toBe(before);
    expect((history.history.loss as number[]).every(Number.isFinite)).toBe(true);
    tf.dispose([x, y]);
    model.dispose();
  });
});
