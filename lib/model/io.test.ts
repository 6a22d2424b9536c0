import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLASS_NAMES, PIXELS } from '../classes';
import { buildModel } from './architecture';
import { INPUT_DESCRIPTION, INPUT_SHAPE, METADATA_FILE, MODEL_FILE, WEIGHTS_FILE, type ModelMetadata } from './contract';
import { loadModel, saveModel } from './io';
import { classify, disposeModel } from './predict';
import { TEST_DETECTOR } from './testing/placeholder-detector';

type Files = Map<string, Uint8Array>;
const reader = (files: Files) => async (name: string) => {
  const bytes = files.get(name);
  if (!bytes) throw new Error(`no such file: ${name}`);
  return bytes;
};
const json = (files: Files, name: string) => JSON.parse(new TextDecoder().decode(files.get(name)));
const putJson = (files: Files, name: string, value: unknown) => files.set(name, new TextEncoder().encode(JSON.stringify(value)));

const tiny = () => buildModel({ stages: [[4]], head: 'gap', hidden: 0, dropout: 0, seed: 7 });
const baseMetadata = (model: tfl.LayersModel): Omit<ModelMetadata, 'weights' | 'version'> => ({
  format: 1,
  createdAt: '2025-01-02T03:04:05.000Z',
  classNames: [...CLASS_NAMES],
  inputShape: [...INPUT_SHAPE],
  input: INPUT_DESCRIPTION,
  params: model.countParams(),
  macsPerImage: 0,
  training: {},
  outOfScope: TEST_DETECTOR,
});

async function save(model: tfl.LayersModel): Promise<Files> {
  const files: Files = new Map();
  await saveModel(model, baseMetadata(model), async (name, bytes) => void files.set(name, bytes.slice()));
  return files;
}

const image = () => Float32Array.from({ length: PIXELS }, (_, i) => (i % 29) / 28);

describe('model save and load', () => {
  let files: Files;
  let model: tfl.LayersModel;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    model = tiny();
    files = await save(model);
  });

  it('writes model.json, the weights and metadata with a version from the date and weights hash', () => {
    expect([...files.keys()].sort()).toEqual([METADATA_FILE, MODEL_FILE, WEIGHTS_FILE].sort());
    const meta = json(files, METADATA_FILE) as ModelMetadata;
    expect(meta.version).toMatch(/^bundled-20250102-[0-9a-f]{8}$/);
    expect(meta.version.endsWith(meta.weights.sha256.slice(0, 8))).toBe(true);
    expect(meta.weights.bytes).toBe(files.get(WEIGHTS_FILE)!.byteLength);
  });

  it('round-trips: the loaded model predicts what the saved one did', async () => {
    const { model: loaded, metadata } = await loadModel(reader(files));
    expect(metadata.classNames).toEqual(CLASS_NAMES);
    const [a] = classify(model, image());
    const [b] = classify(loaded, image());
    for (let k = 0; k < CLASS_NAMES.length; k++) expect(b[k]).toBeCloseTo(a[k], 6);
    disposeModel(loaded);
  });

  it('classify leaks no tensors', async () => {
    const { model: loaded } = await loadModel(reader(files));
    classify(loaded, image()); // warm-up may cache things once
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) classify(loaded, [image(), image()]);
    expect(tf.memory().numTensors).toBe(before);
    disposeModel(loaded);
  });

  it.each([METADATA_FILE, MODEL_FILE, WEIGHTS_FILE])('names the missing file %s', async (name) => {
    const broken = new Map(files);
    broken.delete(name);
    await expect(loadModel(reader(broken))).rejects.toThrow(name);
  });

  it.each([METADATA_FILE, MODEL_FILE])('names the corrupt JSON file %s', async (name) => {
    const broken = new Map(files);
    broken.set(name, files.get(name)!.subarray(0, 40));
    await expect(loadModel(reader(broken))).rejects.toThrow(new RegExp(`${name}.*not valid JSON`));
  });

  it('refuses truncated or damaged weights, naming the file', async () => {
    const truncated = new Map(files);
    truncated.set(WEIGHTS_FILE, files.get(WEIGHTS_FILE)!.subarray(8));
    await expect(loadModel(reader(truncated))).rejects.toThrow(`${WEIGHTS_FILE} has`);
    const flipped = new Map(files);
    const bytes = files.get(WEIGHTS_FILE)!.slice();
    bytes[10] ^= 0x40;
    flipped.set(WEIGHTS_FILE, bytes);
    await expect(loadModel(reader(flipped))).rejects.toThrow(`${WEIGHTS_FILE} is damaged`);
  });

  it('refuses metadata for other classes or another input shape', async () => {
    const meta = json(files, METADATA_FILE);
    const otherClasses = new Map(files);
    putJson(otherClasses, METADATA_FILE, { ...meta, classNames: [...CLASS_NAMES].reverse() });
    await expect(loadModel(reader(otherClasses))).rejects.toThrow(/lists classes/);
    const otherInput = new Map(files);
    putJson(otherInput, METADATA_FILE, { ...meta, inputShape: [null, 32, 32, 3] });
    await expect(loadModel(reader(otherInput))).rejects.toThrow(/input shape/);
  });

  it.each([
    ['missing', undefined, /has no out-of-scope detector/],
    ['of an unknown kind', { ...TEST_DETECTOR, score: 'energy' }, /out-of-scope score this version does not know \("energy"\)/],
    ['with a threshold that is not a number', { ...TEST_DETECTOR, threshold: 'high' }, /threshold that is not a finite number/],
    ['with no threshold', { ...TEST_DETECTOR, threshold: null }, /threshold that is not a finite number/],
  ])('refuses metadata whose out-of-scope detector is %s, naming the file', async (_, outOfScope, message) => {
    const broken = new Map(files);
    putJson(broken, METADATA_FILE, { ...json(files, METADATA_FILE), outOfScope });
    await expect(loadModel(reader(broken))).rejects.toThrow(new RegExp(`${METADATA_FILE}.*${message.source}`));
  });

  it('refuses a model whose output or input shape breaks the contract', async () => {
    const fiveClasses = tfl.sequential({
      layers: [tfl.layers.flatten({ inputShape: [28, 28, 1] }), tfl.layers.dense({ units: 5, activation: 'softmax' })],
    });
    await expect(loadModel(reader(await save(fiveClasses)))).rejects.toThrow(/output .*expected \[null,10\]/);
    const bigInput = tfl.sequential({
      layers: [tfl.layers.flatten({ inputShape: [32, 32, 1] }), tfl.layers.dense({ units: 10, activation: 'softmax' })],
    });
    await expect(loadModel(reader(await save(bigInput)))).rejects.toThrow(/input .*expected \[null,28,28,1\]/);
  });

  it('refuses a model that outputs logits instead of probabilities', async () => {
    const logits = tfl.sequential({
      layers: [tfl.layers.flatten({ inputShape: [28, 28, 1] }), tfl.layers.dense({ units: 10, biasInitializer: 'ones' })],
    });
    await expect(loadModel(reader(await save(logits)))).rejects.toThrow(/does not output probabilities/);
  });
});
