// Registers, for the 'wasm' backend only, the kernels a CNN training step needs
// that tfjs-backend-wasm 4.22 lacks, gets wrong or runs slowly. Other backends
// are never touched. Safe to call any number of times, before or after
// setBackend('wasm').
//
// Missing (tf.grad through the op throws on wasm):
//   Conv2DBackpropFilter, DepthwiseConv2dNativeBackpropInput/Filter.
// Wrong:
//   MaxPoolGrad: windows whose max is negative lose their gradient, and tied
//   maxima (all-zero windows after ReLU) pick the last one, not the first.
// Slow (replaced for the cases training hits; the stock kernel keeps the rest):
//   Conv2D: our SIMD kernel is ~1.2x XNNPACK's on training's convs.
//   BatchMatMul with a transposed operand: a loop instead of XNNPACK.
//   Conv2DBackpropInput: a naive loop, ~1 GMAC/s.
//   Tile: batch-norm's gradient broadcasts with it; a generic index loop.
//   Sum, Mean: batch-norm statistics and bias gradients reduce the leading
//   NHWC axes, which the stock kernels do by transposing the whole input.
// Everything else a conv/batch-norm/relu/pool/dense/softmax model trained with
// Adam uses is registered and matches cpu (AvgPoolGrad is a native wasm
// kernel); see training-kernels.test.ts and training-step.test.ts.
import {
  BatchMatMul,
  Conv2D,
  Conv2DBackpropFilter,
  Conv2DBackpropInput,
  DepthwiseConv2dNativeBackpropFilter,
  DepthwiseConv2dNativeBackpropInput,
  MaxPoolGrad,
  Mean,
  Sum,
  Tile,
  getKernel,
  registerKernel,
  unregisterKernel,
  type KernelConfig,
  type KernelFunc,
} from '@tensorflow/tfjs-core';
import { makeBatchMatMulConfig } from './batch-mat-mul';
import { conv2DBackpropFilterConfig } from './conv-backprop-filter';
import { makeConv2DConfig } from './conv2d';
import { makeConv2DBackpropInputConfig } from './conv-backprop-input';
import { depthwiseBackpropFilterConfig, depthwiseBackpropInputConfig } from './depthwise-backprop';
import { makeMaxPoolGradConfig } from './max-pool-grad';
import { makeMeanConfig, makeSumConfig } from './reduce';
import { makeTileConfig } from './tile';

/** Our kernelFuncs, to recognise them in the global registry. */
const ours = new WeakSet<KernelFunc>();

/** Puts `make(current)` in place of the current wasm kernel unless it is already ours. */
function install(kernelName: string, make: (current: KernelConfig | undefined) => KernelConfig): void {
  const current = getKernel(kernelName, 'wasm');
  if (current && ours.has(current.kernelFunc)) return;
  const config = make(current);
  if (current) unregisterKernel(kernelName, 'wasm');
  ours.add(config.kernelFunc);
  registerKernel(config);
}

export function registerWasmTrainingKernels(): void {
  install(Conv2D, makeConv2DConfig);
  install(Conv2DBackpropFilter, () => conv2DBackpropFilterConfig);
  install(Conv2DBackpropInput, makeConv2DBackpropInputConfig);
  install(DepthwiseConv2dNativeBackpropInput, () => depthwiseBackpropInputConfig);
  install(DepthwiseConv2dNativeBackpropFilter, () => depthwiseBackpropFilterConfig);
  install(MaxPoolGrad, makeMaxPoolGradConfig);
  install(Tile, makeTileConfig);
  install(Sum, makeSumConfig);
  install(Mean, makeMeanConfig);
  install(BatchMatMul, makeBatchMatMulConfig);
}
