/**
 * Saving and loading the model in the TF.js layers format (model.json + one weights file) plus
 * metadata.json. Both go through plain byte callbacks, so Node passes file reads/writes and the
 * extension passes a fetch of its own URLs; nothing here needs Node.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { sha256Hex } from '../data/bytes';
import type { ReadFile } from '../data/shards';
import { checkMetadata, checkModelShapes, METADATA_FILE, MODEL_FILE, WEIGHTS_FILE, type ModelMetadata } from './contract';

export type WriteFile = (name: string, bytes: Uint8Array) => Promise<void>;

export interface LoadedModel {
  model: tfl.LayersModel;
  metadata: ModelMetadata;
}

const encodeJson = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 1));

/** Serialises a model with a custom save handler: the topology JSON and the concatenated weights. */
export async function serializeModel(model: tfl.LayersModel): Promise<{ modelJson: tf.io.ModelJSON; weights: Uint8Array }> {
  let result: { modelJson: tf.io.ModelJSON; weights: Uint8Array } | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? []));
      result = {
        modelJson: {
          format: artifacts.format ?? 'layers-model',
          generatedBy: artifacts.generatedBy ?? '',
          convertedBy: null,
          modelTopology: artifacts.modelTopology as object,
          weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
        },
        weights,
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength } };
    }),
  );
  return result!;
}

export type SerializedModel = Awaited<ReturnType<typeof serializeModel>>;

/** The model `serializeModel` gave, rebuilt (in another thread, say): same layers, same weights. */
export async function deserializeModel({ modelJson, weights }: SerializedModel): Promise<tfl.LayersModel> {
  const weightSpecs = modelJson.weightsManifest.flatMap((group) => group.weights);
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
  return tfl.loadLayersModel(tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData }));
}

/**
 * Writes model.json, the weights and metadata.json. Fills in the weights' size and hash, and the
 * version as `<prefix>-YYYYMMDD-<hash8>`. Returns the metadata written.
 */
export async function saveModel(
  model: tfl.LayersModel,
  metadata: Omit<ModelMetadata, 'weights' | 'version'>,
  write: WriteFile,
  versionPrefix = 'bundled',
): Promise<ModelMetadata> {
  const { modelJson, weights } = await serializeModel(model);
  const sha256 = await sha256Hex(weights);
  const day = metadata.createdAt.slice(0, 10).replaceAll('-', '');
  const full: ModelMetadata = {
    ...metadata,
    version: `${versionPrefix}-${day}-${sha256.slice(0, 8)}`,
    weights: { file: WEIGHTS_FILE, bytes: weights.byteLength, sha256 },
  };
  checkMetadata(full);
  await write(WEIGHTS_FILE, weights);
  await write(MODEL_FILE, encodeJson(modelJson));
  await write(METADATA_FILE, encodeJson(full));
  return full;
}

async function readNamed(read: ReadFile, name: string): Promise<Uint8Array> {
  try {
    return await read(name);
  } catch (err) {
    throw new Error(`Model file ${name} could not be read: ${(err as Error).message}`);
  }
}

async function readJson<T>(read: ReadFile, name: string): Promise<T> {
  const bytes = await readNamed(read, name);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch {
    throw new Error(`Model file ${name} is not valid JSON (damaged or truncated?)`);
  }
}

/** Reads the weights listed in model.json and checks their size, hash and values. */
async function readWeights(read: ReadFile, modelJson: tf.io.ModelJSON, metadata: ModelMetadata): Promise<Uint8Array> {
  if (!Array.isArray(modelJson.weightsManifest) || !modelJson.modelTopology) {
    throw new Error(`${MODEL_FILE} is not a TF.js layers model (no topology or weights manifest)`);
  }
  const specs = modelJson.weightsManifest.flatMap((group) => group.weights);
  const parts: Uint8Array[] = [];
  for (const name of modelJson.weightsManifest.flatMap((group) => group.paths)) parts.push(await readNamed(read, name));
  const data = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  parts.reduce((at, p) => (data.set(p, at), at + p.byteLength), 0);
  const name = parts.length === 1 ? modelJson.weightsManifest[0].paths[0] : 'the weight files';
  const expected = specs.reduce((n, s) => n + 4 * s.shape.reduce((a, b) => a * b, 1), 0);
  if (specs.some((s) => s.dtype !== 'float32' || s.quantization)) throw new Error(`${MODEL_FILE} uses weight types this loader does not read`);
  if (data.byteLength !== expected) throw new Error(`Model file ${name} has ${data.byteLength} bytes, expected ${expected}`);
  if (metadata.weights?.sha256 && (await sha256Hex(data)) !== metadata.weights.sha256) {
    throw new Error(`Model file ${name} is damaged: its SHA-256 does not match ${METADATA_FILE}`);
  }
  if (!new Float32Array(data.buffer, data.byteOffset, data.byteLength / 4).every(Number.isFinite)) {
    throw new Error(`Model file ${name} holds weights that are not finite numbers`);
  }
  return data;
}

/** Loads and validates a model: throws an error naming the file at fault, or the contract broken. */
export async function loadModel(read: ReadFile): Promise<LoadedModel> {
  const metadata = await readJson<ModelMetadata>(read, METADATA_FILE);
  checkMetadata(metadata);
  const modelJson = await readJson<tf.io.ModelJSON>(read, MODEL_FILE);
  const weights = await readWeights(read, modelJson, metadata);
  let model: tfl.LayersModel;
  try {
    model = await deserializeModel({ modelJson, weights });
  } catch (err) {
    throw new Error(`${MODEL_FILE} could not be turned into a model: ${(err as Error).message}`);
  }
  try {
    checkModelShapes(model);
    checkOutputsProbabilities(model);
  } catch (err) {
    model.dispose();
    throw err;
  }
  return { model, metadata };
}

/** The contract says softmax probabilities: one blank image must give a distribution. */
function checkOutputsProbabilities(model: tfl.LayersModel): void {
  const p = tf.tidy(() => (model.predict(tf.zeros([1, ...model.inputs[0].shape.slice(1)] as number[])) as tf.Tensor).dataSync());
  let sum = 0;
  let negative = false;
  for (const v of p) {
    sum += v;
    negative ||= !(v >= 0);
  }
  if (negative || Math.abs(sum - 1) > 1e-3) throw new Error(`${MODEL_FILE} does not output probabilities`);
}
