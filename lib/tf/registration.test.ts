// registerWasmTrainingKernels touches the 'wasm' kernels only, once, and works
// when called before the wasm backend exists (as useWasmBackend does).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { randomValues, relativeError, valuesOn, wasmVsCpu } from './testing/wasm-vs-cpu';
import { registerWasmTrainingKernels } from './training-kernels';

const OURS = [
  'Conv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput', 'DepthwiseConv2dNativeBackpropInput',
  'DepthwiseConv2dNativeBackpropFilter', 'MaxPoolGrad', 'Tile', 'Sum', 'Mean', 'BatchMatMul',
];

const registry = (backend: string) => new Map(tf.getKernelsForBackend(backend).map((k) => [k.kernelName, k]));
const input = (shape: number[], seed: number) => tf.tensor(randomValues(tf.util.sizeFromShape(shape), seed), shape);

/** A few of the kernels we replace on wasm, run through the engine. */
const probes: Array<() => tf.Tensor> = [
  () => tf.conv2dTranspose(input([2, 4, 4, 6], 1) as tf.Tensor4D, input([3, 3, 5, 6], 2) as tf.Tensor4D,
    [2, 8, 8, 5], 2, 'same'),
  () => tf.tile(input([1, 1, 3], 3), [4, 5, 1]),
  () => tf.sum(input([4, 5, 6], 4), [0, 1]),
  () => tf.engine().runKernel('MaxPoolGrad', { dy: input([1, 2, 2, 3], 5), input: input([1, 4, 4, 3], 6),
    output: tf.zeros([1, 2, 2, 3]) }, { filterSize: 2, strides: 2, pad: 'valid' }) as tf.Tensor,
];

describe('registerWasmTrainingKernels', () => {
  it('replaces wasm kernels only, and only once', async () => {
    const cpuValues = [];
    for (const probe of probes) cpuValues.push(await valuesOn('cpu', probe));
    const cpuBefore = registry('cpu');
    const wasmBefore = registry('wasm');
    expect(wasmBefore.has('Conv2DBackpropFilter')).toBe(false); // the gap this fills

    registerWasmTrainingKernels();
    const wasmAfter = registry('wasm');
    for (const name of OURS) {
      expect(wasmAfter.get(name)).toBeDefined();
      expect(wasmAfter.get(name)).not.toBe(wasmBefore.get(name));
    }
    registerWasmTrainingKernels(); // idempotent: nothing re-wrapped
    const wasmAgain = registry('wasm');
    for (const name of OURS) expect(wasmAgain.get(name)).toBe(wasmAfter.get(name));
    expect(wasmAgain.size).toBe(wasmAfter.size);

    const cpuAfter = registry('cpu');
    expect(cpuAfter.size).toBe(cpuBefore.size);
    for (const [name, config] of cpuBefore) expect(cpuAfter.get(name)).toBe(config);
    for (const [i, probe] of probes.entries()) {
      expect(relativeError(cpuValues[i], await valuesOn('cpu', probe))).toBe(0);
    }
  });

  it('keeps the stock kernels working for the cases it hands back to them', async () => {
    // Registered above before the wasm backend was ever created: the stock
    // kernels' setupFunc must still have run when it started.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    const nchw = () => tf.engine().runKernel('Conv2DBackpropInput', { dy: input([2, 5, 4, 4], 1),
      filter: input([3, 3, 3, 5], 2) }, { strides: 2, pad: 'same', dataFormat: 'NCHW', inputShape: [2, 3, 8, 8] }) as tf.Tensor;
    expect(await wasmVsCpu(nchw)).toBeLessThan(1e-4);
    expect(await wasmVsCpu(() => tf.tile(input([2, 3], 3), [3, 2]))).toBe(0);
    expect(await wasmVsCpu(() => tf.mean(input([4, 5, 6], 4), 2))).toBeLessThan(1e-4);
    expect(await wasmVsCpu(() => tf.matMul(input([3, 4], 5), input([4, 2], 6)))).toBeLessThan(1e-5);
  });
});
