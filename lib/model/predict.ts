/** Running the model: every tensor made here is released before returning. */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { CLASS_NAMES, IMAGE_SIZE, PIXELS } from '../classes';

const K = CLASS_NAMES.length;

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
  const probs = tf.tidy(() => (model.predict(tf.tensor4d(flat, [list.length, IMAGE_SIZE, IMAGE_SIZE, 1])) as tf.Tensor).dataSync());
  return list.map((_, i) => probs.slice(i * K, (i + 1) * K) as Float32Array);
}

/**
 * Runs `model` over `count` byte images (0..255), `batch` at a time, and returns its outputs
 * (count x width floats): probabilities for the shipped model, logits for `logitsModel(model)`.
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
  for (let start = 0; start < count; start += batch) {
    const n = Math.min(batch, count - start);
    const src = images.subarray(start * PIXELS, (start + n) * PIXELS);
    for (let i = 0; i < src.length; i++) buf[i] = src[i] / 255;
    const part = tf.tidy(() =>
      (model.predict(tf.tensor4d(buf.subarray(0, n * PIXELS), [n, IMAGE_SIZE, IMAGE_SIZE, 1])) as tf.Tensor).dataSync(),
    );
    out.set(part, start * width);
    onProgress?.(start + n);
  }
  return out;
}
