import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../tf/backend';
import { relativeError } from '../tf/testing/wasm-vs-cpu';
import { buildModel, DEFAULT_ARCHITECTURE, logitsModel, type ArchitectureConfig } from './architecture';
import { createInferenceGraph } from './inference-graph';
import { createRng } from './rng';

/** A model whose batch-norms have learned-looking statistics and scales, so folding them matters. */
function trainedLookingModel(config: ArchitectureConfig): tfl.LayersModel {
  const model = buildModel(config);
  const rng = createRng(5);
  for (const layer of model.layers.filter((l) => l.getClassName() === 'BatchNormalization')) {
    const [gamma, beta, mean, variance] = layer.getWeights();
    const values = (t: tf.Tensor, lo: number, hi: number) => tf.tensor1d(Array.from({ length: t.size }, () => lo + (hi - lo) * rng.next()));
    layer.setWeights([values(gamma, 0.5, 2), values(beta, -0.5, 0.5), values(mean, -1, 1), values(variance, 0.2, 3)]);
  }
  return model;
}

const images = (n: number) => {
  const rng = createRng(9);
  return tf.tensor4d(Float32Array.from({ length: n * 784 }, () => rng.next()), [n, 28, 28, 1]);
};

/** The graph's output against model.predict's, and the tensors left behind by making, running and freeing it. */
function compare(model: tfl.LayersModel, n: number): { error: number; leaked: number } {
  const x = images(n);
  const reference = tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync() as Float32Array);
  const before = tf.memory().numTensors;
  const graph = createInferenceGraph(model);
  const out = graph.run(x);
  const values = out.dataSync() as Float32Array;
  out.dispose();
  graph.dispose();
  const leaked = tf.memory().numTensors - before;
  x.dispose();
  return { error: relativeError(reference, values), leaked };
}

describe('inference graph (batch-norm folded into the convs) on wasm', () => {
  beforeAll(async () => {
    await useWasmBackend();
  });

  it('gives model.predict\'s probabilities for the shipped architecture', () => {
    const { error, leaked } = compare(trainedLookingModel(DEFAULT_ARCHITECTURE), 5);
    expect(error).toBeLessThan(1e-5);
    expect(leaked).toBe(0);
  });

  it('gives the logits for logitsModel', () => {
    // (A softmax left on the end would show as a large error.)
    const { error, leaked } = compare(logitsModel(trainedLookingModel(DEFAULT_ARCHITECTURE)), 3);
    expect(error).toBeLessThan(1e-5);
    expect(leaked).toBe(0);
  });

  it('covers the other heads the architecture offers: global pooling and a hidden dense layer', () => {
    const { error } = compare(trainedLookingModel({ ...DEFAULT_ARCHITECTURE, stages: [[8], [8]], head: 'gap', hidden: 16 }), 4);
    expect(error).toBeLessThan(1e-5);
  });

  it('refuses a layer it does not know, leaving nothing behind', () => {
    const input = tfl.input({ shape: [28, 28, 1] });
    const conv = tfl.layers.conv2d({ filters: 4, kernelSize: 3 }).apply(input) as tfl.SymbolicTensor;
    const odd = tfl.layers.upSampling2d({}).apply(conv) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: input, outputs: odd });
    const before = tf.memory().numTensors;
    expect(() => createInferenceGraph(model)).toThrow(/UpSampling2D.*not supported/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
