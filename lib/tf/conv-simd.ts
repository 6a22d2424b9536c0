// Runs the SIMD convolution kernels (simd/conv.ts) on plain arrays: the forward
// convolution and its filter gradient.
//
// The kernels live in their own small WebAssembly module, so they cannot read
// the tfjs heap: x is copied into that module's memory with its zero padding
// laid out around it (the kernels then never test a bound), and the result is
// copied out by the caller. Channel counts the kernels' blocks do not divide
// are padded with zeros on the way in and dropped on the way out. The copies
// cost a few percent of the kernels' time on our model. The module's memory
// grows to the largest batch seen and stays there.
import type { backend_util } from '@tensorflow/tfjs-core';
import { floatMemory, instantiateInline, type InlineModule } from '../inline-wasm';
import wasmBase64 from './simd/conv.wasm';

export interface ConvGeometry {
  /** Input [N, H, W, Ci], NHWC. */
  shape: [number, number, number, number];
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  /** Padding the convolution adds before the first row and column. */
  top: number;
  left: number;
  outH: number;
  outW: number;
  outC: number;
}

/** The geometry of an NHWC conv of input `shape`, from tfjs's conv info. */
export function convGeometry(shape: number[], info: backend_util.Conv2DInfo): ConvGeometry {
  return {
    shape: shape as ConvGeometry['shape'],
    kh: info.filterHeight,
    kw: info.filterWidth,
    sh: info.strideHeight,
    sw: info.strideWidth,
    top: info.padInfo.top,
    left: info.padInfo.left,
    outH: info.outHeight,
    outW: info.outWidth,
    outC: info.outChannels,
  };
}

interface Kernels extends InlineModule {
  convFilterGrad(
    xp: number, dy: number, dw: number, images: number, paddedH: number, paddedW: number, inC: number,
    outH: number, outW: number, outC: number, kh: number, kw: number, sh: number, sw: number,
  ): void;
  conv2d(
    xp: number, w: number, y: number, pixels: number, outH: number, outW: number, paddedH: number, paddedW: number,
    inC: number, outC: number, kh: number, kw: number, sh: number, sw: number,
  ): void;
}

let kernels: Kernels | undefined;

/** The module's memory as floats, at least `floats` long. Invalidated by the next call. */
function heapOf(floats: number): { k: Kernels; heap: Float32Array } {
  kernels ??= instantiateInline<Kernels>(wasmBase64);
  return { k: kernels, heap: floatMemory(kernels, floats) };
}

const roundUp = (n: number, multiple: number) => Math.ceil(n / multiple) * multiple;

/** Copies `pixels` pixels of `from` channels each to pixels of `to` channels each (extra ones untouched). */
function copyPixels(src: Float32Array, srcAt: number, from: number, dst: Float32Array, dstAt: number, to: number, pixels: number): void {
  if (from === to) {
    dst.set(src.subarray(srcAt, srcAt + pixels * from), dstAt);
    return;
  }
  // Plain loops: a subarray per pixel costs more than the copy for the few channels this sees.
  const channels = Math.min(from, to);
  for (let p = 0; p < pixels; p++) {
    for (let c = 0; c < channels; c++) dst[dstAt + p * to + c] = src[srcAt + p * from + c];
  }
}

/** The padded input's size: exactly the rows and columns the taps read. */
const paddedSize = (g: ConvGeometry) => ({ paddedH: (g.outH - 1) * g.sh + g.kh, paddedW: (g.outW - 1) * g.sw + g.kw });

/** Writes x, zero-padded to paddedH x paddedW and to `channels` channels, at heap[0..]. */
function layOutInput(x: Float32Array, g: ConvGeometry, channels: number, heap: Float32Array): void {
  const [n, inH, inW, inC] = g.shape;
  const { paddedH, paddedW } = paddedSize(g);
  heap.fill(0, 0, n * paddedH * paddedW * channels);
  // Input columns that land inside the padded width.
  const col0 = Math.max(0, -g.left);
  const col1 = Math.min(inW, paddedW - g.left);
  for (let image = 0; image < n; image++) {
    for (let y = 0; y < inH; y++) {
      const row = y + g.top;
      if (row < 0 || row >= paddedH || col1 <= col0) continue;
      copyPixels(x, ((image * inH + y) * inW + col0) * inC, inC,
        heap, ((image * paddedH + row) * paddedW + col0 + g.left) * channels, channels, col1 - col0);
    }
  }
}

/** y [N, outH, outW, Co] of an undilated NHWC conv. May be a view into the kernels' memory, valid until the next call. */
export function simdConv2d(x: Float32Array, filter: Float32Array, g: ConvGeometry): Float32Array {
  const [n, , , inC] = g.shape;
  const { kh, kw, outH, outW, outC } = g;
  const { paddedH, paddedW } = paddedSize(g);
  const padOutC = roundUp(outC, 8);
  const pixels = n * outH * outW;
  const taps = kh * kw * inC;
  const xpLength = n * paddedH * paddedW * inC;
  const wAt = xpLength;
  const yAt = wAt + taps * padOutC;
  const { k, heap } = heapOf(yAt + roundUp(pixels, 4) * padOutC);
  layOutInput(x, g, inC, heap);
  // The filter [kh, kw, Ci, Co] in blocks of 8 output channels: [Co / 8][kh * kw * Ci][8].
  heap.fill(0, wAt, yAt);
  for (let block = 0; block < padOutC / 8; block++) {
    const width = Math.min(8, outC - block * 8);
    for (let t = 0; t < taps; t++) {
      for (let l = 0; l < width; l++) heap[wAt + (block * taps + t) * 8 + l] = filter[t * outC + block * 8 + l];
    }
  }
  k.conv2d(0, 4 * wAt, 4 * yAt, pixels, outH, outW, paddedH, paddedW, inC, padOutC, kh, kw, g.sh, g.sw);
  if (padOutC === outC) return heap.subarray(yAt, yAt + pixels * outC);
  const y = new Float32Array(pixels * outC);
  copyPixels(heap, yAt, padOutC, y, 0, outC, pixels);
  return y;
}

/** dW [kh, kw, Ci, Co] of an undilated NHWC conv. May be a view into the kernels' memory, valid until the next call. */
export function simdFilterGrad(x: Float32Array, dy: Float32Array, g: ConvGeometry): Float32Array {
  const [n, , , inC] = g.shape;
  const { kh, kw, outH, outW, outC } = g;
  const { paddedH, paddedW } = paddedSize(g);
  const padC = roundUp(inC, 4);
  const padOutC = roundUp(outC, 8);
  const dyAt = n * paddedH * paddedW * padC;
  const dwAt = dyAt + n * outH * outW * padOutC;
  const dwLength = kh * kw * padC * padOutC;
  const { k, heap } = heapOf(dwAt + dwLength);
  layOutInput(x, g, padC, heap);
  heap.fill(0, dyAt, dwAt + dwLength);
  copyPixels(dy, 0, outC, heap, dyAt, padOutC, n * outH * outW);
  k.convFilterGrad(0, 4 * dyAt, 4 * dwAt, n, paddedH, paddedW, padC, outH, outW, padOutC, kh, kw, g.sh, g.sw);
  if (padC === inC && padOutC === outC) return heap.subarray(dwAt, dwAt + dwLength);
  // Drop the padded channels: rows of padOutC become rows of outC, and padded input channels go.
  const dw = new Float32Array(kh * kw * inC * outC);
  for (let tap = 0; tap < kh * kw; tap++) {
    copyPixels(heap, dwAt + tap * padC * padOutC, padOutC, dw, tap * inC * outC, outC, inC);
  }
  return dw;
}
