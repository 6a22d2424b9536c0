import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../tf/backend';
import { buildModel, logitsModel } from './architecture';
import { createRng } from './rng';
import { createTrainGraph, dropoutMask } from './train-graph';
import { createTrainer } from './trainer';

const config = { stages: [[4], [6, 6], [8]], head: 'gap' as const, hidden: 0, dropout: 0, seed: 3 };

function batch(n: number, seed: number) {
  const rng = createRng(seed);
  const pixels = Float32Array.from({ length: n * 784 }, () => rng.next());
  const labels = Uint8Array.from({ length: n }, () => rng.int(10));
  return { pixels, labels, xs: tf.tensor4d(pixels, [n, 28, 28, 1]), ys: tf.oneHot(tf.tensor1d(labels, 'int32'), 10) };
}

// wasm is what trains; cpu checks the generic path (no reused output buffers).
describe.each(['wasm', 'cpu'])('fast training graph on %s', (backend) => {
  beforeAll(async () => {
    if (backend === 'wasm') await useWasmBackend();
    else await tf.setBackend('cpu');
  });

  it('gives the same logits and gradients as the tfjs-layers training pass', () => {
    const model = buildModel(config);
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { xs, ys } = batch(6, 1);
    const graph = createTrainGraph(model);
    const net = logitsModel(model);
    const lossOf = (f: () => tf.Tensor) => () => tf.losses.softmaxCrossEntropy(ys, f()) as tf.Scalar;
    const fast = tf.variableGrads(lossOf(() => graph.forward(xs, createRng(1))), vars);
    const ref = tf.variableGrads(lossOf(() => net.apply(xs, { training: true }) as tf.Tensor), vars);
    expect(fast.value.dataSync()[0]).toBeCloseTo(ref.value.dataSync()[0], 4);
    for (const v of vars) {
      const a = fast.grads[v.name].dataSync();
      const b = ref.grads[v.name].dataSync();
      const scale = Math.max(1e-3, ...Array.from(b, Math.abs));
      a.forEach((g, i) => expect(Math.abs(g - b[i]) / scale).toBeLessThan(2e-3));
    }
    model.dispose();
  });

  it('moves the batch-norm moving averages toward the batch statistics', () => {
    const model = buildModel(config);
    const graph = createTrainGraph(model);
    const { xs } = batch(4, 2);
    const movingMean = model.getLayer('bn1_1').weights.find((w) => w.name.includes('moving_mean'))!.read();
    const before = movingMean.dataSync().slice();
    tf.tidy(() => graph.forward(xs, createRng(1)));
    graph.updateMovingStats();
    expect(Array.from(movingMean.dataSync())).not.toEqual(Array.from(before));
    model.dispose();
  });

  it('a training step lowers the loss on its batch and leaks no tensors', () => {
    const model = buildModel(config);
    const trainer = createTrainer(model, { weightDecay: 0.01, labelSmoothing: 0, seed: 1 });
    const { pixels, labels } = batch(8, 3);
    trainer.step(pixels, labels, 8, 1e-2);
    const before = tf.memory().numTensors;
    const first = trainer.step(pixels, labels, 8, 1e-2).loss;
    let last = first;
    for (let i = 0; i < 5; i++) last = trainer.step(pixels, labels, 8, 1e-2).loss;
    expect(last).toBeLessThan(first);
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
    model.dispose();
  });
});

describe('dropoutMask', () => {
  it('drops about `rate` of the values, scales the rest to keep the mean, and repeats with the seed', () => {
    const values = (seed: number) => tf.tidy(() => dropoutMask([64, 100], 0.25, createRng(seed)).dataSync());
    const mask = values(5);
    const dropped = mask.filter((v) => v === 0).length / mask.length;
    expect(dropped).toBeGreaterThan(0.23);
    expect(dropped).toBeLessThan(0.27);
    expect(new Set(mask)).toEqual(new Set([0, 1 / 0.75].map(Math.fround)));
    expect(Array.from(values(5))).toEqual(Array.from(mask));
    expect(Array.from(values(6))).not.toEqual(Array.from(mask));
  });
});
