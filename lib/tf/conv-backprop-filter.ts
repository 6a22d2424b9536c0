// Conv2DBackpropFilter for the wasm backend, which ships none (so tf.grad
// through a conv fails there).
//
// Stride 1 with 4 | Ci and 8 | Co (every conv of our model but the first) runs
// our SIMD kernel (conv-filter-grad-simd.ts): ~1.8x the swapped-roles
// XNNPACK convolution below, which covers every other case.
//
// dW[a,b,ci,co] = sum over n,i,j of x[n, i*s+a-top, j*s+b-left, ci] * dy[n,i,j,co]
// is itself a convolution once the roles are swapped: the batch becomes the
// contraction axis and the input channels become the batch. So we run the
// fast XNNPACK forward Conv2D on
//   input  x^T  : [Ci, H, W, N]
//   filter dy^T : [Ho, Wo, N, Co]   with dilation = stride
// giving [Ci, kh, kw, Co], then transpose to [kh, kw, Ci, Co].
// Measured on wasm this beat an im2col matmul (slices and strided slices are
// slow JS copies there, and matMul with transposeA is ~10x slower than without).
// Except when the input has very few channels (the first layer: Ci = 1): the
// swapped conv then has a filter as large as the image and 9 outputs, which
// XNNPACK runs ~4x slower than writing the few im2col rows in JS (im2col.ts)
// and one plain matMul: rows [kh*kw*Ci, P] x dy [P, Co], P = N*Ho*Wo.
import {
  backend_util,
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { simdFilterGrad, simdFilterGradFits, type FilterGradGeometry } from './conv-filter-grad-simd';
import { im2colTransposed, type Im2colGeometry } from './im2col';
import { WasmScope, type WasmBackendLike } from './wasm-scope';

/** Filter taps times input channels up to which the im2col matMul wins. */
const IM2COL_MAX_ROWS = 64;

function viaIm2col(s: WasmScope, x: TensorInfo, dy: TensorInfo, g: Im2colGeometry, outC: number): TensorInfo {
  const rows = g.kh * g.kw * g.shape[3];
  const positions = g.shape[0] * g.outH * g.outW;
  const patches = s.empty([1, rows, positions]);
  // Both views are taken after the last allocation, which could move the heap.
  im2colTransposed(s.backend.typedArrayFromHeap(x), g, s.backend.typedArrayFromHeap(patches) as Float32Array);
  const dw = s.run('BatchMatMul', { a: patches, b: s.reshape(dy, [1, positions, outC]) }, { transposeA: false, transposeB: false });
  return s.reshape(dw, [g.kh, g.kw, g.shape[3], outC]);
}

function viaSimd(s: WasmScope, x: TensorInfo, dy: TensorInfo, g: FilterGradGeometry): TensorInfo {
  const dw = simdFilterGrad(s.backend.typedArrayFromHeap(x) as Float32Array, s.backend.typedArrayFromHeap(dy) as Float32Array, g);
  return s.backend.makeOutput([g.kh, g.kw, g.shape[3], g.outC], 'float32', undefined, dw);
}

function conv2DBackpropFilter(args: {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: WasmBackendLike;
  attrs: Conv2DBackpropFilterAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  return WasmScope.use(backend, (s) => {
    // NCHW is rare here; move it to NHWC, which is all the wasm Conv2D takes.
    const nchw = dataFormat === 'NCHW';
    const x = nchw ? s.transpose(inputs.x, [0, 2, 3, 1]) : inputs.x;
    const dy = nchw ? s.transpose(inputs.dy, [0, 2, 3, 1]) : inputs.dy;
    const xShape = x.shape as [number, number, number, number];
    const info = backend_util.computeConv2DInfo(
      xShape, filterShape, strides, 1, pad, dimRoundingMode, false, 'channelsLast');
    const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
    const { top, left } = info.padInfo;
    const [, inH, inW, inC] = xShape;
    // Rows of x the forward conv read past the top pad; pad the bottom only as
    // far as needed (rows it never read just make extra output rows, cut below).
    const padBottom = Math.max(0, kh - 1 + (info.outHeight - 1) * sh + 1 - top - inH);
    const padRight = Math.max(0, kw - 1 + (info.outWidth - 1) * sw + 1 - left - inW);

    const simd = { shape: xShape, kh, kw, top, left, outH: info.outHeight, outW: info.outWidth, outC: info.outChannels };
    if (sh === 1 && sw === 1 && simdFilterGradFits(simd)) return viaSimd(s, x, dy, simd);
    if (kh * kw * inC <= IM2COL_MAX_ROWS) {
      const g = { shape: xShape, kh, kw, sh, sw, top, left, outH: info.outHeight, outW: info.outWidth };
      return viaIm2col(s, x, dy, g, info.outChannels);
    }
    const xT = s.transpose(x, [3, 1, 2, 0]);
    const dyT = s.transpose(dy, [1, 2, 0, 3]);
    let dw = s.conv(xT, dyT, [top, padBottom], [left, padRight], [sh, sw]);
    if (dw.shape[1] !== kh || dw.shape[2] !== kw) {
      dw = s.slice(dw, [0, 0, 0, 0], [inC, kh, kw, info.outChannels]);
    }
    return s.transpose(dw, [1, 2, 0, 3]);
  });
}

export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilter as unknown as KernelFunc,
};
