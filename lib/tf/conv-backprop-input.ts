// Conv2DBackpropInput (the input gradient of conv2d, and conv2dTranspose) for
// the wasm backend. The stock wasm kernel is a naive loop (~1 GMAC/s); this
// one runs the registered forward Conv2D (our SIMD kernel, conv2d.ts) instead:
//   stride 1: one conv of dy with the 180-degree-rotated, in/out-swapped filter;
//   stride s: one such conv per output phase with that phase's taps
//             (see conv-phases.ts), interleaved with two Concats.
// Cases this scheme does not cover (NCHW, exotic explicit padding) go to the
// stock kernel, which is kept for that.
import {
  backend_util,
  Conv2DBackpropInput,
  type Conv2DBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { phaseFilter, planAxis, type AxisPlan } from './conv-phases';
import { assemblePhases } from './phase-assembly';
import { WasmScope, type WasmBackendLike } from './wasm-scope';

type Args = {
  inputs: { dy: TensorInfo; filter: TensorInfo };
  backend: WasmBackendLike;
  attrs: Conv2DBackpropInputAttrs;
};

function backpropInput(s: WasmScope, dy: TensorInfo, filter: TensorInfo, rows: AxisPlan, cols: AxisPlan,
  inShape: number[]): TensorInfo {
  const w = s.backend.readSync(filter.dataId) as Float32Array;
  const [, , inC, outC] = filter.shape;
  return assemblePhases(s, rows, cols, inShape, (py, px, padH, padW) => {
    const values = phaseFilter(w, filter.shape, rows, cols, py, px);
    const f = s.fromValues([rows.taps[py], cols.taps[px], outC, inC], values);
    return s.conv(dy, f, padH, padW);
  });
}

/** Builds the replacement kernel; `stock` is the kernel it replaces, used as a fallback. */
export function makeConv2DBackpropInputConfig(stock: KernelConfig | undefined): KernelConfig {
  const kernelFunc = (args: Args): TensorInfo => {
    const { inputs, backend, attrs } = args;
    const { dy, filter } = inputs;
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs;
    const info = backend_util.computeConv2DInfo(inputShape, filter.shape as [number, number, number, number],
      strides, 1, pad, dimRoundingMode, false, backend_util.convertConv2DDataFormat(dataFormat));
    const rows = planAxis(info.inHeight, info.filterHeight, info.strideHeight, info.padInfo.top, info.outHeight);
    const cols = planAxis(info.inWidth, info.filterWidth, info.strideWidth, info.padInfo.left, info.outWidth);
    if (dataFormat === 'NCHW' || !rows || !cols) {
      if (!stock) throw new Error('Conv2DBackpropInput: case not supported and no stock wasm kernel');
      return stock.kernelFunc(args as never) as TensorInfo;
    }
    return WasmScope.use(backend, (s) => backpropInput(s, dy, filter, rows, cols, inputShape));
  };
  return {
    kernelName: Conv2DBackpropInput,
    backendName: 'wasm',
    kernelFunc: kernelFunc as unknown as KernelFunc,
    // The stock kernel binds its wasm function in setupFunc, run when the
    // backend initialises; keep that so the fallback works.
    setupFunc: stock?.setupFunc,
    disposeFunc: stock?.disposeFunc,
  };
}
