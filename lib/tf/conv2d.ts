// Conv2D for the wasm backend, for training: undilated NHWC convolutions run in
// our SIMD kernel (conv-simd.ts), ~1.2x XNNPACK's here (15 vs 12 GMAC/s on our
// model's convs, copies included). That covers the training graph's forward
// convs and the convs the input gradient runs (conv-backprop-input.ts).
// Inference uses FusedConv2D, which stays XNNPACK's; dilated or NCHW convs go
// to the stock kernel.
import {
  backend_util,
  Conv2D,
  type Conv2DAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { convGeometry, simdConv2d } from './conv-simd';
import type { WasmBackendLike } from './wasm-scope';

type Args = { inputs: { x: TensorInfo; filter: TensorInfo }; backend: WasmBackendLike; attrs: Conv2DAttrs };

export function makeConv2DConfig(stock: KernelConfig | undefined): KernelConfig {
  const kernelFunc = (args: Args): TensorInfo => {
    const { inputs, backend, attrs } = args;
    const { x, filter } = inputs;
    const { strides, pad, dataFormat, dilations, dimRoundingMode } = attrs;
    const info = backend_util.computeConv2DInfo(x.shape as [number, number, number, number],
      filter.shape as [number, number, number, number], strides, dilations, pad, dimRoundingMode, false,
      backend_util.convertConv2DDataFormat(dataFormat));
    if (dataFormat === 'NCHW' || info.dilationHeight !== 1 || info.dilationWidth !== 1) {
      if (!stock) throw new Error('Conv2D: case not supported and no stock wasm kernel');
      return stock.kernelFunc(args as never) as TensorInfo;
    }
    const y = simdConv2d(backend.typedArrayFromHeap(x) as Float32Array, backend.typedArrayFromHeap(filter) as Float32Array,
      convGeometry(x.shape, info));
    return backend.makeOutput(info.outShape, 'float32', undefined, y);
  };
  return {
    kernelName: Conv2D,
    backendName: 'wasm',
    kernelFunc: kernelFunc as unknown as KernelFunc,
    // The stock kernel binds its wasm function in setupFunc; keep that so the fallback works.
    setupFunc: stock?.setupFunc,
    disposeFunc: stock?.disposeFunc,
  };
}
