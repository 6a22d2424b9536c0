// Runs the SIMD filter-gradient kernel (simd/conv-filter-grad.ts) on plain arrays.
//
// The kernel lives in its own small WebAssembly module, so it cannot read the
// tfjs heap: x is copied into that module's memory with its zero padding laid
// out around it (the kernel then never tests a bound), dy is copied as is, and
// the caller copies the gradient out. Channel counts the kernel's 4 x 8 blocks
// do not divide are padded with zeros on the way in and dropped on the way out.
// The copies cost ~3% of the kernel's time on our model. The module's memory
// grows to the largest batch seen and stays there.
import wasmBase64 from './simd/conv-filter-grad.wasm';

export interface FilterGradGeometry {
  /** Input [N, H, W, Ci], NHWC. */
  shape: [number, number, number, number];
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  /** Padding the forward conv added before the first row and column. */
  top: number;
  left: number;
  outH: number;
  outW: number;
  outC: number;
}

interface Kernel {
  memory: WebAssembly.Memory;
  convFilterGrad(
    xp: number, dy: number, dw: number, images: number, paddedH: number, paddedW: number, inC: number,
    outH: number, outW: number, outC: number, kh: number, kw: number, sh: number, sw: number,
  ): void;
}

let kernel: Kernel | undefined;

function instance(): Kernel {
  if (!kernel) {
    const bytes = Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));
    // Synchronous, as kernels are; the module is well under the 4 KB that
    // browsers allow to compile synchronously on a main thread.
    kernel = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Kernel;
  }
  return kernel;
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

/** dW [kh, kw, Ci, Co] of an undilated NHWC conv. May be a view into the kernel's memory, valid until the next call. */
export function simdFilterGrad(x: Float32Array, dy: Float32Array, g: FilterGradGeometry): Float32Array {
  const [n, inH, inW, inC] = g.shape;
  const { kh, kw, outH, outW, outC } = g;
  const padC = roundUp(inC, 4);
  const padOutC = roundUp(outC, 8);
  // The padded input holds exactly the rows and columns the taps read.
  const paddedH = (outH - 1) * g.sh + kh;
  const paddedW = (outW - 1) * g.sw + kw;
  const xpLength = n * paddedH * paddedW * padC;
  const dyLength = n * outH * outW * padOutC;
  const dwLength = kh * kw * padC * padOutC;
  const k = instance();
  const bytes = 4 * (xpLength + dyLength + dwLength);
  if (k.memory.buffer.byteLength < bytes) k.memory.grow(Math.ceil((bytes - k.memory.buffer.byteLength) / 65536));
  const heap = new Float32Array(k.memory.buffer);

  heap.fill(0, 0, bytes / 4);
  // Input columns that land inside the padded width.
  const col0 = Math.max(0, -g.left);
  const col1 = Math.min(inW, paddedW - g.left);
  for (let image = 0; image < n; image++) {
    for (let y = 0; y < inH; y++) {
      const row = y + g.top;
      if (row < 0 || row >= paddedH || col1 <= col0) continue;
      copyPixels(x, ((image * inH + y) * inW + col0) * inC, inC,
        heap, ((image * paddedH + row) * paddedW + col0 + g.left) * padC, padC, col1 - col0);
    }
  }
  copyPixels(dy, 0, outC, heap, xpLength, padOutC, n * outH * outW);
  const dwAt = xpLength + dyLength;
  k.convFilterGrad(0, 4 * xpLength, 4 * dwAt, n, paddedH, paddedW, padC, outH, outW, padOutC, kh, kw, g.sh, g.sw);
  if (padC === inC && padOutC === outC) return heap.subarray(dwAt, dwAt + dwLength);
  // Drop the padded channels: rows of padOutC become rows of outC, and padded input channels go.
  const dw = new Float32Array(kh * kw * inC * outC);
  for (let tap = 0; tap < kh * kw; tap++) {
    copyPixels(heap, dwAt + tap * padC * padOutC, padOutC, dw, tap * inC * outC, outC, inC);
  }
  return dw;
}
