import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { useWasmBackend } from './backend';
import './testing/wasm-vs-cpu'; // cpu backend

describe('useWasmBackend', () => {
  it('selects single-threaded wasm with the training kernels, idempotently', async () => {
    await Promise.all([useWasmBackend(), useWasmBackend()]);
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
    const filterGrad = tf.getKernel('Conv2DBackpropFilter', 'wasm');
    expect(filterGrad).toBeDefined();

    await tf.setBackend('cpu');
    await useWasmBackend();
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBe(filterGrad);
  });

  it('makes tf.grad through conv2d work on wasm without leaking', async () => {
    await useWasmBackend();
    const x = tf.ones([2, 6, 6, 3]);
    const w = tf.ones([3, 3, 3, 4]);
    const f = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same'));
    const before = tf.memory().numTensors;
    const [dx, dw] = tf.grads(f)([x, w]);
    // Interior pixels feed 9 outputs with 4 filters of ones: 36.
    expect(dx.dataSync()[3 * (6 + 1) + 1]).toBe(36);
    expect(dw.shape).toEqual([3, 3, 3, 4]);
    tf.dispose([dx, dw]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, w]);
  });
});
