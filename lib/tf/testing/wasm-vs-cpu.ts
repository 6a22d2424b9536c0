/**
 * Test helpers: run the same computation on the stock cpu backend and on wasm and compare, and check
 * that nothing leaked. Used by the tests of lib/tf and lib/model.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core's Node build registers no gradient functions; tfjs-layers registers
// all of them (the extension's bundle gets them the same way).
import '@tensorflow/tfjs-layers';

/** Deterministic values in [-1, 1) (a small LCG, so no backend is involved). */
export function randomValues(size: number, seed: number): Float32Array {
  const out = new Float32Array(size);
  let state = (seed * 2654435761) >>> 0;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state / 2 ** 31 - 1;
  }
  return out;
}

/** Live tensors in the engine and data buffers on the active backend. */
export function liveCounts(): { tensors: number; buffers: number } {
  return { tensors: tf.memory().numTensors, buffers: tf.backend().numDataIds() };
}

/** Runs f under `backend` inside tidy, returns its values, frees everything. */
export async function valuesOn(backend: 'cpu' | 'wasm', f: () => tf.Tensor): Promise<Float32Array> {
  await tf.setBackend(backend);
  const before = liveCounts();
  const out = tf.tidy(f);
  const values = out.dataSync() as Float32Array;
  out.dispose();
  const after = liveCounts();
  if (after.tensors !== before.tensors || after.buffers !== before.buffers) {
    throw new Error(`leak on ${backend}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
  }
  return Float32Array.from(values);
}

/** max |a - b| / max |a|: the error relative to the reference's scale. */
export function relativeError(reference: Float32Array, actual: Float32Array): number {
  if (reference.length !== actual.length) return Infinity;
  let err = 0;
  let scale = 0;
  for (let i = 0; i < reference.length; i++) {
    const d = Math.abs(reference[i] - actual[i]);
    err = Number.isNaN(d) ? Infinity : Math.max(err, d);
    scale = Math.max(scale, Math.abs(reference[i]));
  }
  return err / Math.max(scale, 1e-30);
}

/** Relative error of f on wasm against the stock cpu backend (leak-checked on both). */
export async function wasmVsCpu(f: () => tf.Tensor): Promise<number> {
  const reference = await valuesOn('cpu', f);
  const actual = await valuesOn('wasm', f);
  return relativeError(reference, actual);
}
