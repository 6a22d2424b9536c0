// Conv2DBackpropFilter for the wasm backend, which ships none (so tf.grad
// through a conv fails there).
//
// dW[a,b,ci,co] = sum over n,i,j of x[n, i*s+a-top, j*s+b-left, ci] * dy[n,i,j,co]
// runs in our SIMD kernel (conv-simd.ts). XNNPACK has no kernel
// for it; the best formulation with its kernels, a forward conv with the roles
// swapped (batch as the contraction axis, dy as a filter as large as the
// image), ran ~1.8x slower, and ~4x slower for the first layer's one channel.
import {
  backend_util,
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { convGeometry, simdFilterGrad } from './conv-simd';
import { WasmScope, type WasmBackendLike } from './wasm-scope';

function conv2DBackpropFilter(args: {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: WasmBackendLike;
  attrs: Conv2DBackpropFilterAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  return WasmScope.use(backend, (s) => {
    // NCHW is rare here; move it to NHWC, which is all the kernel takes.
    const nchw = dataFormat === 'NCHW';
    const x = nchw ? s.transpose(inputs.x, [0, 2, 3, 1]) : inputs.x;
    const dy = nchw ? s.transpose(inputs.dy, [0, 2, 3, 1]) : inputs.dy;
    const xShape = x.shape as [number, number, number, number];
    const info = backend_util.computeConv2DInfo(
      xShape, filterShape, strides, 1, pad, dimRoundingMode, false, 'channelsLast');
    const dw = simdFilterGrad(backend.typedArrayFromHeap(x) as Float32Array, backend.typedArrayFromHeap(dy) as Float32Array,
      convGeometry(xShape, info));
    return backend.makeOutput(filterShape, 'float32', undefined, dw);
  });
}

export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilter as unknown as KernelFunc,
};
