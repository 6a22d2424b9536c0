// MaxPoolGrad for the wasm backend. The stock wasm kernel (tfjs 4.22) is wrong:
// it drops the gradient of any window whose maximum is negative and, on ties
// (every all-zero window after a ReLU), picks the last maximum where the cpu
// and webgl backends pick the first. Training through BatchNorm -> MaxPool or
// ReLU -> MaxPool then silently diverges from the other backends.
//
// This is a plain loop over the wasm heap with the cpu backend's rules: the
// first strictly greatest in-range value of each window, in row-major order,
// receives that window's dy. No wasm kernel expresses an argmax scatter, and
// the loop is a single pass (a few ms for [64,28,28,32], several times faster
// than the stock kernel).
import {
  backend_util,
  MaxPoolGrad,
  type KernelConfig,
  type KernelFunc,
  type MaxPoolGradAttrs,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { WasmBackendLike } from './wasm-scope';

type Args = {
  inputs: { dy: TensorInfo; input: TensorInfo; output: TensorInfo };
  backend: WasmBackendLike;
  attrs: MaxPoolGradAttrs;
};

function maxPoolGrad({ inputs, backend, attrs }: Args): TensorInfo {
  const { dy, input } = inputs;
  const info = backend_util.computePool2DInfo(input.shape as [number, number, number, number],
    attrs.filterSize, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const { top, left } = info.padInfo;
  const out = backend.makeOutput(input.shape, 'float32');
  // Views only after makeOutput: an allocation can move the heap.
  const x = backend.typedArrayFromHeap(input);
  const g = backend.typedArrayFromHeap(dy);
  const dx = backend.typedArrayFromHeap(out);
  dx.fill(0);
  const best = new Float32Array(c);
  const where = new Int32Array(c);
  for (let b = 0; b < batchSize; b++) {
    for (let yr = 0; yr < outHeight; yr++) {
      const r0 = yr * strideHeight - top;
      const rEnd = Math.min(inHeight, r0 + filterHeight);
      for (let yc = 0; yc < outWidth; yc++) {
        const c0 = yc * strideWidth - left;
        const cEnd = Math.min(inWidth, c0 + filterWidth);
        best.fill(-Infinity);
        where.fill(-1);
        for (let r = Math.max(0, r0); r < rEnd; r++) {
          for (let col = Math.max(0, c0); col < cEnd; col++) {
            const base = ((b * inHeight + r) * inWidth + col) * c;
            for (let d = 0; d < c; d++) {
              const v = x[base + d];
              if (v > best[d]) {
                best[d] = v;
                where[d] = base + d;
              }
            }
          }
        }
        const dyBase = ((b * outHeight + yr) * outWidth + yc) * c;
        for (let d = 0; d < c; d++) if (where[d] >= 0) dx[where[d]] += g[dyBase + d];
      }
    }
  }
  return out;
}

/** Replaces the stock kernel for float32 NHWC input; keeps it for anything else. */
export function makeMaxPoolGradConfig(stock: KernelConfig | undefined): KernelConfig {
  const kernelFunc = (args: Args): TensorInfo => {
    if (args.inputs.input.dtype === 'float32' && args.inputs.dy.dtype === 'float32') return maxPoolGrad(args);
    if (!stock) throw new Error('MaxPoolGrad: non-float32 input and no stock wasm kernel');
    return stock.kernelFunc(args as never) as TensorInfo;
  };
  return {
    kernelName: MaxPoolGrad,
    backendName: 'wasm',
    kernelFunc: kernelFunc as unknown as KernelFunc,
    setupFunc: stock?.setupFunc,
    disposeFunc: stock?.disposeFunc,
  };
}
