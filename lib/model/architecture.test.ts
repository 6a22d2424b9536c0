import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLASS_NAMES } from '../classes';
import { buildModel, countMacs, DEFAULT_ARCHITECTURE, foldTemperature, logitsModel } from './architecture';
import { softmaxRows } from './calibration';
import { checkModelShapes } from './contract';

describe('model definition', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('meets the contract and the size budget', () => {
    const model = buildModel();
    expect(() => checkModelShapes(model)).not.toThrow();
    expect(model.countParams()).toBeLessThanOrEqual(250_000); // <= 1 MB of float32 weights
    const macs = countMacs(model);
    expect(macs).toBeGreaterThan(5e6);
    expect(macs).toBeLessThan(15e6);
    expect(DEFAULT_ARCHITECTURE.stages.flat().length).toBeGreaterThanOrEqual(3);
    model.dispose();
  });

  it('outputs probabilities whose logits model shares its weights', () => {
    const model = buildModel();
    const x = tf.randomUniform([3, 28, 28, 1], 0, 1, 'float32', 5);
    const probs = (model.predict(x) as tf.Tensor).dataSync() as Float32Array;
    const logits = (logitsModel(model).predict(x) as tf.Tensor).dataSync() as Float32Array;
    expect(probs.length).toBe(3 * CLASS_NAMES.length);
    softmaxRows(logits).forEach((p, i) => expect(probs[i]).toBeCloseTo(p, 5));
    model.dispose();
  });

  it('folding a temperature T makes the output softmax(logits / T)', () => {
    const model = buildModel();
    const x = tf.randomUniform([2, 28, 28, 1], 0, 1, 'float32', 6);
    const logits = (logitsModel(model).predict(x) as tf.Tensor).dataSync() as Float32Array;
    foldTemperature(model, 2.5);
    const probs = (model.predict(x) as tf.Tensor).dataSync();
    softmaxRows(logits, 2.5).forEach((p, i) => expect(probs[i]).toBeCloseTo(p, 5));
    model.dispose();
  });
});
