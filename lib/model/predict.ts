/**
 * Running the model, through its inference graph (batch-norm folded into the convs). Every tensor
 * made here is released before returning, except the graph classify keeps per model: free a model
 * that was classified with disposeModel.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DataId } from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { CLASS_NAMES, IMAGE_SIZE, PIXELS } from '../classes';
import { createInferenceGraph, type InferenceGraph } from './inference-graph';

const K = CLASS_NAMES.length;

/** Runs `body` with an inference graph of the model's current weights, then frees the graph. */
function withGraph<T>(model: tfl.LayersModel, body: (graph: InferenceGraph) => T): T {
  const graph = createInferenceGraph(model);
  try {
    return body(graph);
  } finally {
    graph.dispose();
  }
}

/**
 * classify's graph for each model, kept because folding costs about half a one-image inference;
 * remade if a weight has changed since (training assigns new values, with new data ids).
 */
const graphs = new WeakMap<tfl.LayersModel, { graph: InferenceGraph; weights: DataId[] }>();

function keptGraph(model: tfl.LayersModel): InferenceGraph {
  const weights = model.weights.map((w) => w.read().dataId);
  const kept = graphs.get(model);
  if (kept && kept.weights.every((id, i) => id === weights[i])) return kept.graph;
  kept?.graph.dispose();
  const graph = createInferenceGraph(model);
  graphs.set(model, { graph, weights });
  return graph;
}

/** Frees a model and the graph classify kept for it. */
export function disposeModel(model: tfl.LayersModel): void {
  graphs.get(model)?.graph.dispose();
  graphs.delete(model);
  model.dispose();
}

/**
 * Class probabilities for one or more 28x28 images given as 784 floats in [0, 1] each (light on
 * black). Returns one Float32Array of 10 probabilities per image, in CLASS_NAMES order.
 */
export function classify(model: tfl.LayersModel, images: Float32Array | Float32Array[]): Float32Array[] {
  const list = Array.isArray(images) ? images : [images];
  const flat = new Float32Array(list.length * PIXELS);
  list.forEach((img, i) => {
    if (img.length !== PIXELS) throw new Error(`classify expects ${PIXELS} pixels per image, got ${img.length}`);
    flat.set(img, i * PIXELS);
  });
  const graph = keptGraph(model);
  const probs = tf.tidy(() => graph.run(tf.tensor4d(flat, [list.length, IMAGE_SIZE, IMAGE_SIZE, 1])).dataSync() as Float32Array);
  return list.map((_, i) => probs.slice(i * K, (i + 1) * K) as Float32Array);
}

/**
 * Runs `model` over `count` byte images (0..255), `batch` at a time, and returns its outputs
 * (count x width floats): probabilities for the shipped model, logits for `logitsModel(model)`.
 * Folds the weights afresh: over thousands of images that costs nothing, and they may be mid-training.
 */
export function predictAll(
  model: tfl.LayersModel,
  images: Uint8Array,
  count: number,
  batch = 256,
  onProgress?: (done: number) => void,
): Float32Array {
  const width = (model.outputs[0].shape as number[])[1];
  const out = new Float32Array(count * width);
  const buf = new Float32Array(batch * PIXELS);
  withGraph(model, (graph) => {
    for (let start = 0; start < count; start += batch) {
      const n = Math.min(batch, count - start);
      const src = images.subarray(start * PIXELS, (start + n) * PIXELS);
      for (let i = 0; i < src.length; i++) buf[i] = src[i] / 255;
      const part = tf.tidy(() => graph.run(tf.tensor4d(buf.subarray(0, n * PIXELS), [n, IMAGE_SIZE, IMAGE_SIZE, 1])).dataSync());
      out.set(part, start * width);
      onProgress?.(start + n);
    }
  });
  return out;
}
