// Every kernel registerWasmTrainingKernels puts on wasm, and the stock wasm
// AvgPoolGrad training relies on, against the stock cpu backend.
// Each comparison also fails on any tensor or wasm buffer left behind.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from './backend';
import { randomValues, wasmVsCpu } from './testing/wasm-vs-cpu';

const TOLERANCE = 1e-4;
type Pad = 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;
type Shape4 = [number, number, number, number];

const input = (shape: number[], seed: number) => tf.tensor(randomValues(tf.util.sizeFromShape(shape), seed), shape);

beforeAll(async () => {
  await useWasmBackend();
});

// [batch, size, inChannels, outChannels], crossed with kernel 1x1/3x3,
// stride 1/2 and 'same'/'valid'.
const SHAPES: Array<[number, number, number, number]> = [
  [1, 7, 1, 8], [4, 8, 3, 8], [1, 28, 8, 32], [4, 7, 32, 32], [4, 28, 32, 8], [1, 8, 3, 1], [2, 7, 128, 16],
];
const CONV_CASES = SHAPES.flatMap(([n, size, inC, outC]) => [1, 3].flatMap((k) => [1, 2].flatMap((stride) =>
  (['same', 'valid'] as const).map((pad) => ({ n, h: size, w: size, inC, outC, k, stride: [stride, stride], pad: pad as Pad })))));
// Rectangles, uneven strides and explicit padding, which take other index paths.
CONV_CASES.push(
  { n: 2, h: 7, w: 10, inC: 3, outC: 5, k: 3, stride: [2, 1], pad: 'same' },
  { n: 2, h: 9, w: 6, inC: 4, outC: 6, k: 3, stride: [1, 2], pad: 'valid' },
  { n: 2, h: 8, w: 8, inC: 4, outC: 6, k: 3, stride: [2, 2], pad: 1 },
  { n: 2, h: 8, w: 9, inC: 4, outC: 6, k: 3, stride: [2, 2], pad: [[0, 0], [0, 2], [1, 0], [0, 0]] },
  { n: 1, h: 6, w: 6, inC: 2, outC: 3, k: 5, stride: [3, 3], pad: 'same' },
  // Stride 1 with 4 | inC and 8 | outC: the SIMD filter-gradient kernel.
  { n: 3, h: 9, w: 5, inC: 12, outC: 24, k: 5, stride: [1, 1], pad: 'same' },
  { n: 2, h: 7, w: 10, inC: 8, outC: 16, k: 3, stride: [1, 1], pad: [[0, 0], [2, 0], [0, 1], [0, 0]] },
  { n: 4, h: 14, w: 14, inC: 48, outC: 48, k: 3, stride: [1, 1], pad: 'same' },
);
const label = (c: (typeof CONV_CASES)[number]) =>
  `n${c.n} ${c.h}x${c.w}x${c.inC}->${c.outC} k${c.k} s${c.stride} ${JSON.stringify(c.pad)}`;

describe('Conv2D and its gradients on wasm match cpu', () => {
  it.each(CONV_CASES.map((c) => [label(c), c] as const))('%s', async (_, c) => {
    const xShape: Shape4 = [c.n, c.h, c.w, c.inC];
    const filterShape: Shape4 = [c.k, c.k, c.inC, c.outC];
    const { outShape } = tf.backend_util.computeConv2DInfo(xShape, filterShape, c.stride as [number, number], 1, c.pad);
    const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC' };
    const y = await wasmVsCpu(() => tf.engine().runKernel('Conv2D',
      { x: input(xShape, 1), filter: input(filterShape, 3) }, { ...attrs, dilations: 1 }) as tf.Tensor);
    const dW = await wasmVsCpu(() => tf.engine().runKernel('Conv2DBackpropFilter',
      { x: input(xShape, 1), dy: input(outShape, 2) }, { ...attrs, filterShape }) as tf.Tensor);
    const dX = await wasmVsCpu(() => tf.engine().runKernel('Conv2DBackpropInput',
      { dy: input(outShape, 2), filter: input(filterShape, 3) }, { ...attrs, inputShape: xShape }) as tf.Tensor);
    expect(y).toBeLessThan(TOLERANCE);
    expect(dW).toBeLessThan(TOLERANCE);
    expect(dX).toBeLessThan(TOLERANCE);
  });

  it('runs a dilated conv (the stock kernel\'s case)', async () => {
    const y = await wasmVsCpu(() => tf.conv2d(input([2, 9, 9, 4], 1) as tf.Tensor4D, input([3, 3, 4, 8], 3) as tf.Tensor4D, 1, 'same', 'NHWC', 2));
    expect(y).toBeLessThan(TOLERANCE);
  });

  it('handles NCHW (filter: transposed; input: stock fallback)', async () => {
    const attrs = { strides: 2, pad: 'same', dataFormat: 'NCHW' };
    const dW = await wasmVsCpu(() => tf.engine().runKernel('Conv2DBackpropFilter',
      { x: input([2, 3, 8, 8], 1), dy: input([2, 5, 4, 4], 2) }, { ...attrs, filterShape: [3, 3, 3, 5] }) as tf.Tensor);
    const dX = await wasmVsCpu(() => tf.engine().runKernel('Conv2DBackpropInput',
      { dy: input([2, 5, 4, 4], 2), filter: input([3, 3, 3, 5], 3) }, { ...attrs, inputShape: [2, 3, 8, 8] }) as tf.Tensor);
    expect(dW).toBeLessThan(TOLERANCE);
    expect(dX).toBeLessThan(TOLERANCE);
  });

  it.each([1, 2])('tf.grads through fused conv2d + bias + relu, stride %i', async (stride) => {
    const f = (i: number) => () => tf.tidy(() => {
      const grads = tf.grads((x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.fused.conv2d({
        x: x as tf.Tensor4D, filter: w as tf.Tensor4D, bias: b, strides: stride, pad: 'same', activation: 'relu',
      }))));
      return grads([input([4, 9, 9, 3], 1), input([3, 3, 3, 16], 2), input([16], 3)])[i];
    });
    for (const i of [0, 1, 2]) expect(await wasmVsCpu(f(i))).toBeLessThan(TOLERANCE);
  });
});

describe('DepthwiseConv2dNative gradients on wasm match cpu', () => {
  // Same shapes, depth multiplier 1 or (when outC is small) 2.
  const cases = CONV_CASES.filter((c) => c.stride[0] === c.stride[1] && c.outC <= 8).map((c) => ({ ...c, m: c.outC > 4 ? 1 : 2 }));
  it.each(cases.map((c) => [label(c), c] as const))('%s', async (_, c) => {
    const xShape: Shape4 = [c.n, c.h, c.w, c.inC];
    const filterShape: Shape4 = [c.k, c.k, c.inC, c.m];
    const { outShape } = tf.backend_util.computeConv2DInfo(xShape, filterShape, c.stride as [number, number], 1,
      c.pad, undefined, true);
    const attrs = { strides: c.stride, pad: c.pad, dilations: 1 };
    const dW = await wasmVsCpu(() => tf.engine().runKernel('DepthwiseConv2dNativeBackpropFilter',
      { x: input(xShape, 1), dy: input(outShape, 2) }, { ...attrs, filterShape }) as tf.Tensor);
    const dX = await wasmVsCpu(() => tf.engine().runKernel('DepthwiseConv2dNativeBackpropInput',
      { dy: input(outShape, 2), filter: input(filterShape, 3) }, { ...attrs, inputShape: xShape }) as tf.Tensor);
    expect(dW).toBeLessThan(TOLERANCE);
    expect(dX).toBeLessThan(TOLERANCE);
  });
});

describe('pool gradients on wasm match cpu', () => {
  // Raw inputs have windows whose max is negative; ReLU'd ones have tied maxima
  // (all-zero windows): the stock wasm MaxPoolGrad got both wrong.
  const cases = [7, 8, 28].flatMap((size) => (['same', 'valid'] as const).flatMap((pad) =>
    [[2, 2], [3, 2], [3, 1]].flatMap(([window, stride]) => [false, true].map((relu) => ({ size, pad, window, stride, relu })))));
  it.each(cases)('$size squared, $window x $window / $stride, $pad, relu $relu', async (c) => {
    const x = () => {
      const raw = input([4, c.size, c.size, 8], 1);
      return c.relu ? tf.relu(raw) : raw;
    };
    const { outShape } = tf.backend_util.computePool2DInfo([4, c.size, c.size, 8], c.window, c.stride, 1, c.pad);
    const pool = (op: typeof tf.maxPool) => () =>
      tf.grad((t: tf.Tensor) => tf.sum(tf.mul(op(t as tf.Tensor4D, c.window, c.stride, c.pad), input(outShape, 9))))(x());
    const maxGrad = pool(tf.maxPool);
    const avgGrad = pool(tf.avgPool);
    expect(await wasmVsCpu(maxGrad)).toBeLessThan(TOLERANCE);
    expect(await wasmVsCpu(avgGrad)).toBeLessThan(TOLERANCE);
  });
});

describe('Sum, Mean and Tile on wasm match cpu', () => {
  const reductions: Array<[number[], number[]]> = [
    [[8, 7, 7, 16], [0, 1, 2]], [[8, 7, 7, 16], [1, 2]], [[8, 7, 7, 16], [0]], [[8, 7, 7, 16], [3]],
    [[8, 7, 7, 16], [0, 2]], [[8, 7, 7, 16], [2, 3]], [[64, 10], [0]], [[5, 1, 1], [0]],
  ];
  it.each(reductions)('%j over %j', async (shape, axes) => {
    for (const keepDims of [false, true]) {
      expect(await wasmVsCpu(() => tf.sum(input(shape, 4), axes, keepDims))).toBeLessThan(TOLERANCE);
      expect(await wasmVsCpu(() => tf.mean(input(shape, 4), axes, keepDims))).toBeLessThan(TOLERANCE);
    }
  });

  it('sums int32 through the stock kernel', async () => {
    expect(await wasmVsCpu(() => tf.sum(tf.tensor([[1, 2], [3, 4]], undefined, 'int32'), 0))).toBe(0);
  });

  it.each([
    [[1, 1, 1, 16], [8, 7, 7, 1]], [[1, 3, 1, 5], [2, 1, 4, 1]], [[2, 3], [2, 2]], [[4], [3]],
  ])('tiles %j by %j', async (shape, reps) => {
    expect(await wasmVsCpu(() => tf.tile(input(shape, 5), reps))).toBe(0);
  });
});

describe('BatchMatMul with transposed operands on wasm matches cpu', () => {
  const cases: Array<[number[], number[], boolean, boolean]> = [
    [[64, 10], [47, 10], false, true], // a dense layer's input gradient
    [[64, 47], [64, 10], true, false], // its kernel gradient
    [[5, 3], [4, 5], true, true],
    [[2, 3, 5], [2, 4, 5], false, true], // batched
    [[2, 5, 3], [1, 5, 4], true, false], // broadcast batch
    [[1, 6, 3], [1, 6, 1], true, false], // a matrix-vector product: the stock kernel
  ];
  it.each(cases)('%j x %j, transposeA %s, transposeB %s', async (a, b, ta, tb) => {
    expect(await wasmVsCpu(() => tf.matMul(input(a, 6), input(b, 7), ta, tb))).toBeLessThan(TOLERANCE);
  });
});
