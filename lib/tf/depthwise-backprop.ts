// Gradients of DepthwiseConv2dNative for the wasm backend, which has neither
// (tf.grad through a depthwise conv throws there). Built on the wasm
// DepthwiseConv2dNative (XNNPACK) like the Conv2D gradients:
//   input:  per-phase stride-1 depthwise convs of dy with the reversed taps
//           (conv-phases.ts), summed over the channel multiplier when m > 1;
//   filter: one depthwise conv with one-hot filters gathers, per channel, the
//           kh*kw input values each output read; times dy, summed over pixels.
// Dilated depthwise convs have no gradient in tfjs-core either, so they throw.
import {
  backend_util,
  DepthwiseConv2dNativeBackpropFilter,
  DepthwiseConv2dNativeBackpropInput,
  type DepthwiseConv2dNativeBackpropFilterAttrs,
  type DepthwiseConv2dNativeBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { depthwisePhaseFilter, planAxis } from './conv-phases';
import { assemblePhases } from './phase-assembly';
import { WasmScope, type WasmBackendLike } from './wasm-scope';

type Shape4 = [number, number, number, number];

/** Keeps the batch-chunked product of the filter gradient under ~32 MB. */
const MAX_PRODUCT_ELEMENTS = 8 << 20;

function depthwise(s: WasmScope, x: TensorInfo, filter: TensorInfo, strides: number | number[], pad: unknown,
  dimRoundingMode?: string): TensorInfo {
  return s.run('DepthwiseConv2dNative', { x, filter },
    { strides, pad, dilations: [1, 1], dimRoundingMode, dataFormat: 'NHWC' });
}

function assertNoDilation(dilations: number | number[] | undefined, kernel: string): void {
  const d = dilations ?? 1;
  if (!(Array.isArray(d) ? d : [d]).every((v) => v === 1)) {
    throw new Error(`${kernel} on wasm supports dilations of 1 only`);
  }
}

function backpropInput(args: {
  inputs: { dy: TensorInfo; filter: TensorInfo };
  backend: WasmBackendLike;
  attrs: DepthwiseConv2dNativeBackpropInputAttrs;
}): TensorInfo {
  const { inputs: { dy, filter }, backend, attrs } = args;
  assertNoDilation(attrs.dilations, DepthwiseConv2dNativeBackpropInput);
  const info = backend_util.computeConv2DInfo(attrs.inputShape, filter.shape as Shape4, attrs.strides, 1,
    attrs.pad, attrs.dimRoundingMode, true);
  const rows = planAxis(info.inHeight, info.filterHeight, info.strideHeight, info.padInfo.top, info.outHeight);
  const cols = planAxis(info.inWidth, info.filterWidth, info.strideWidth, info.padInfo.left, info.outWidth);
  if (!rows || !cols) throw new Error(`${DepthwiseConv2dNativeBackpropInput}: padding not supported on wasm`);
  const [, , c, m] = filter.shape;
  return WasmScope.use(backend, (s) => {
    const w = s.backend.readSync(filter.dataId) as Float32Array;
    return assemblePhases(s, rows, cols, attrs.inputShape, (py, px, padH, padW) => {
      const values = depthwisePhaseFilter(w, filter.shape, rows, cols, py, px);
      const f = s.fromValues([rows.taps[py], cols.taps[px], c * m, 1], values);
      const y = depthwise(s, dy, f, 1, [[0, 0], padH, padW, [0, 0]]);
      if (m === 1) return y;
      const [n, h, wd] = y.shape;
      return s.run('Sum', { x: s.reshape(y, [n, h, wd, c, m]) }, { axis: [4], keepDims: false });
    });
  });
}

function backpropFilter(args: {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: WasmBackendLike;
  attrs: DepthwiseConv2dNativeBackpropFilterAttrs;
}): TensorInfo {
  const { inputs: { x, dy }, backend, attrs } = args;
  assertNoDilation(attrs.dilations, DepthwiseConv2dNativeBackpropFilter);
  const [kh, kw, c, m] = attrs.filterShape;
  const taps = kh * kw;
  const [n, outH, outW] = dy.shape;
  // One-hot depthwise filter [kh, kw, C, taps]: output channel c*taps+t is the
  // input value under tap t, so one conv yields every tap's window at once.
  const oneHot = new Float32Array(taps * c * taps);
  for (let t = 0; t < taps; t++) for (let ch = 0; ch < c; ch++) oneHot[(t * c + ch) * taps + t] = 1;
  const perImage = outH * outW * c * m * taps;
  const chunk = Math.max(1, Math.floor(MAX_PRODUCT_ELEMENTS / perImage));
  return WasmScope.use(backend, (s) => {
    const gather = s.fromValues([kh, kw, c, taps], oneHot);
    let acc: TensorInfo | null = null;
    for (let b = 0; b < n; b += chunk) {
      const size = Math.min(chunk, n - b);
      const xs = size === n ? x : s.slice(x, [b, 0, 0, 0], [size, ...x.shape.slice(1)]);
      const dys = size === n ? dy : s.slice(dy, [b, 0, 0, 0], [size, outH, outW, c * m]);
      const windows = depthwise(s, xs, gather, attrs.strides, attrs.pad, attrs.dimRoundingMode);
      const pixels = size * outH * outW;
      const prod = s.run('Multiply', {
        a: s.reshape(windows, [pixels, c, 1, taps]),
        b: s.reshape(dys, [pixels, c, m, 1]),
      }); // [pixels, C, m, taps]
      const part = s.run('Sum', { x: s.reshape(prod, [pixels, c * m * taps]) }, { axis: [0], keepDims: false });
      acc = acc ? s.run('Add', { a: acc, b: part }) : part;
    }
    const byTap = s.transpose(s.reshape(acc!, [c, m, taps]), [2, 0, 1]);
    return s.reshape(byTap, [kh, kw, c, m]);
  });
}

export const depthwiseBackpropInputConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropInput,
  backendName: 'wasm',
  kernelFunc: backpropInput as unknown as KernelFunc,
};

export const depthwiseBackpropFilterConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropFilter,
  backendName: 'wasm',
  kernelFunc: backpropFilter as unknown as KernelFunc,
};
