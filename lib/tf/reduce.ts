// Sum and Mean for the wasm backend when the reduced axes are a contiguous
// block that leaves the last axis alone, e.g. axes [0,1,2] of NHWC for
// batch-norm statistics and bias gradients, or [1,2] for global pooling.
// The stock wasm kernels first transpose the whole input so the reduced axes
// come last; instead we view x as [outer, R, inner] and take x^T times a column
// of ones (or 1/R for Mean) with one BatchMatMul, about twice as fast.
// x must be the transposed *first* operand: the second one is packed as XNNPACK
// weights on every new tensor, which for a fresh activation costs more than
// the stock reduction. Everything else (int tensors, the last axis reduced,
// scattered axes) uses the stock kernel.
// Reductions over the spatial axes of NHWC ([1,2] or [0,1,2]: batch-norm's
// statistics, every training step) go faster still through XNNPACK's SIMD
// average pooling over the whole image, then the matMul over the batch:
// measured ~7x faster than the matMul alone on [64,28,28,24].
import {
  Mean,
  Sum,
  util,
  type KernelConfig,
  type KernelFunc,
  type SumAttrs,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { WasmScope, type WasmBackendLike } from './wasm-scope';

type Args = { inputs: { x: TensorInfo }; backend: WasmBackendLike; attrs: SumAttrs };

/** [outer, reduced, inner] sizes when the axes suit a matMul, else null. */
export function matMulReduction(shape: number[], axes: number[]): [number, number, number] | null {
  if (axes.length === 0 || shape.length === 0) return null;
  const lo = axes[0];
  const hi = axes[axes.length - 1];
  if (hi - lo + 1 !== axes.length || hi === shape.length - 1) return null;
  const size = (a: number, b: number) => util.sizeFromShape(shape.slice(a, b));
  const sizes: [number, number, number] = [size(0, lo), size(lo, hi + 1), size(hi + 1, shape.length)];
  // inner === 1 means the reduction is innermost already: stock is fine.
  return sizes.includes(0) || sizes[2] === 1 ? null : sizes;
}

/** x3 [outer, R, inner] reduced over R as x3^T times a column of `weight`s: [outer, inner, 1]. */
function weightedSumOverMiddle(s: WasmScope, x3: TensorInfo, weight: number): TensorInfo {
  const column = s.run('Fill', {}, { shape: [1, x3.shape[1], 1], value: weight, dtype: 'float32' });
  return s.run('BatchMatMul', { a: x3, b: column }, { transposeA: true, transposeB: false });
}

/** Sum or Mean of NHWC x over height and width, and over the batch if asked. */
function spatialReduction(s: WasmScope, kernelName: typeof Sum | typeof Mean, x: TensorInfo, overBatch: boolean): TensorInfo {
  const [n, h, w, c] = x.shape;
  const means = s.reshape(s.run('AvgPool', { x }, { filterSize: [h, w], strides: [1, 1], pad: 'valid' }), [1, n, c]);
  if (overBatch) return weightedSumOverMiddle(s, means, kernelName === Mean ? 1 / n : h * w);
  if (kernelName === Mean) return means;
  return s.run('Multiply', { a: means, b: s.run('Fill', {}, { shape: [], value: h * w, dtype: 'float32' }) });
}

function makeReduceConfig(kernelName: typeof Sum | typeof Mean, stock: KernelConfig | undefined): KernelConfig {
  const kernelFunc = (args: Args): TensorInfo => {
    const { x } = args.inputs;
    const { axis, keepDims } = args.attrs;
    const axes = [...new Set(util.parseAxisParam(axis, x.shape))].sort((a, b) => a - b);
    const plan = x.dtype === 'float32' ? matMulReduction(x.shape, axes) : null;
    if (!plan) {
      if (!stock) throw new Error(`${kernelName}: case not supported and no stock wasm kernel`);
      return stock.kernelFunc(args as never) as TensorInfo;
    }
    const [outer, reduced, inner] = plan;
    const outShape = keepDims ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d))
      : x.shape.filter((_, i) => !axes.includes(i));
    return WasmScope.use(args.backend, (s) => {
      if (x.shape.length === 4 && axes.includes(1) && axes.includes(2)) {
        return s.reshape(spatialReduction(s, kernelName, x, axes.includes(0)), outShape);
      }
      const y = weightedSumOverMiddle(s, s.reshape(x, [outer, reduced, inner]), kernelName === Mean ? 1 / reduced : 1);
      return s.reshape(y, outShape);
    });
  };
  return {
    kernelName,
    backendName: 'wasm',
    kernelFunc: kernelFunc as unknown as KernelFunc,
    setupFunc: stock?.setupFunc,
    disposeFunc: stock?.disposeFunc,
  };
}

export const makeSumConfig = (stock: KernelConfig | undefined) => makeReduceConfig(Sum, stock);
export const makeMeanConfig = (stock: KernelConfig | undefined) => makeReduceConfig(Mean, stock);
