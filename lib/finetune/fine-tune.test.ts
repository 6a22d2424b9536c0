import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLASS_NAMES, PIXELS } from '../classes';
import { loadSplit, type Dataset, type ReadFile } from '../data/shards';
import { buildModel } from '../model/architecture';
import { INPUT_DESCRIPTION, INPUT_SHAPE } from '../model/contract';
import { loadModel, saveModel } from '../model/io';
import { useWasmBackend } from '../tf/backend';
import { SHARD_DIR, readFromDir } from '../node/fashion-mnist';
import { TEST_DETECTOR } from '../model/testing/placeholder-detector';
import { fineTune, withCorrections } from './fine-tune';
import { DEFAULT_SETTINGS } from './settings';

const tiny = (count: number): Dataset => ({ count, images: new Uint8Array(count * PIXELS).fill(count), labels: new Uint8Array(count).fill(3) });

describe('withCorrections', () => {
  it('appends each correction `weight` times', () => {
    const mixed = withCorrections(tiny(4), tiny(2), 3);
    expect(mixed.count).toBe(10);
    expect(Array.from(mixed.images.subarray(4 * PIXELS, 4 * PIXELS + 1))).toEqual([2]);
    expect(withCorrections(tiny(4), tiny(0), 3).count).toBe(4);
  });
});

describe('fineTune', () => {
  let readBase: ReadFile;
  let train: Dataset;
  let test: Dataset;

  beforeAll(async () => {
    await useWasmBackend();
    const files: Record<string, Uint8Array> = {};
    const model = buildModel({ stages: [[4], [8]], head: 'flatten', hidden: 0, dropout: 0, seed: 3 });
    await saveModel(
      model,
      { format: 1, createdAt: new Date().toISOString(), classNames: [...CLASS_NAMES], inputShape: [...INPUT_SHAPE], input: INPUT_DESCRIPTION, params: 0, macsPerImage: 0, training: {}, outOfScope: TEST_DETECTOR },
      async (name, bytes) => void (files[name] = bytes),
    );
    model.dispose();
    readBase = async (name) => files[name];
    const read = readFromDir(SHARD_DIR);
    train = await loadSplit(read, 'train', { limit: 1000 });
    test = await loadSplit(read, 'test', { limit: 300 });
  });

  it.each(['all', 'head'] as const)('trains %s layers, reports, and returns a model that loads', async (layers) => {
    const tensorsBefore = tf.memory().numTensors;
    const batches: number[] = [];
    const evaluated: string[] = [];
    const result = await fineTune(
      { settings: { ...DEFAULT_SETTINGS, layers, trainImages: 1000, learningRate: 0.003 }, readModel: readBase, train, test, corrections: tiny(2) },
      { onBatch: (p) => batches.push(p.batch), onEvaluated: (which) => evaluated.push(which) },
    );
    expect(result.version).toMatch(/^finetuned-\d{8}-[0-9a-f]{8}$/);
    expect(evaluated).toEqual(['before', 'after']);
    expect(batches.length).toBe(Math.floor((900 + 90 + 2 * 20) / 64)); // 90 outliers: a tenth of the 900
    expect(result.after.count).toBe(300);
    expect(result.after.accuracy).toBeGreaterThan(result.before.accuracy);

    const { model, metadata } = await loadModel(async (name) => result.files[name]);
    expect(metadata.version).toBe(result.version);
    expect(metadata.training).toMatchObject({ layers, corrections: 2, outliers: 90 });
    // The detector was fitted again for the new weights, on 100 validation images and 3000 outliers.
    expect(metadata.outOfScope.threshold).not.toBe(TEST_DETECTOR.threshold);
    expect(metadata.outOfScope.fit).toMatchObject({ inScopeCount: 100, outlierCount: 3000 });
    expect(metadata.outOfScope.fit.inScopeFlagged).toBeCloseTo(0.05, 1);
    const base = await loadModel(readBase);
    const baseWeights = new Map(base.model.weights.map((w) => [w.originalName, w.read()]));
    const changedNames = model.weights
      .filter((w) => tf.tidy(() => tf.any(tf.notEqual(w.read(), baseWeights.get(w.originalName)!)).dataSync()[0] === 1))
      .map((w) => w.originalName);
    expect(model.getLayer('conv1_1').trainable).toBe(true);
    if (layers === 'head') expect(changedNames).toEqual(['logits/kernel', 'logits/bias']);
    else expect(changedNames).toContain('conv1_1/kernel');
    model.dispose();
    base.model.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});
