// Switches TensorFlow.js to the WASM backend, set up for training.
// Works in Node (files found in node_modules) and in extension pages or
// workers (the caller passes the extension's URL prefix for the .wasm files).
// Importing this module has no side effects beyond tfjs's own registration.
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from './training-kernels';

export interface WasmBackendOptions {
  /** URL prefix under which tfjs-backend-wasm*.wasm are served, ending in '/'. */
  wasmPaths?: string;
}

let setup: Promise<void> | null = null;

async function initialise(opts: WasmBackendOptions): Promise<void> {
  // Threads need cross-origin isolation and SharedArrayBuffer, which extension
  // pages and workers don't reliably have; one thread is also what we measured.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  // SIMD makes XNNPACK's conv ~3x faster here (12 vs 4 GMAC/s), and our filter-gradient kernel
  // is SIMD code; Node 20 and every Chrome with the offscreen API (109+) have it.
  tf.env().set('WASM_HAS_SIMD_SUPPORT', await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  if (opts.wasmPaths) setWasmPaths(opts.wasmPaths);
  registerWasmTrainingKernels();
  if (!(await tf.setBackend('wasm'))) throw new Error('could not initialise the tfjs wasm backend');
  await tf.ready();
}

/**
 * Makes 'wasm' the active backend with the training kernels. Idempotent: the
 * first call sets everything up (its options win), later ones just reselect wasm.
 */
export async function useWasmBackend(opts: WasmBackendOptions = {}): Promise<void> {
  setup ??= initialise(opts).catch((err: unknown) => {
    setup = null; // let a later call retry
    throw err;
  });
  await setup;
  // Someone may have switched backends since; the wasm one stays initialised.
  if (tf.getBackend() !== 'wasm') await tf.setBackend('wasm');
}
