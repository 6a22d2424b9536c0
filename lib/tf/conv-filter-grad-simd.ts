// Runs the SIMD filter-gradient kernel (simd/conv-filter-grad.ts) on plain arrays.
//
// The kernel lives in its own small WebAssembly module, so it cannot read the
// tfjs heap: x is copied into that module's memory with its zero padding laid
// out around it (the kernel then never tests a bound), dy is copied as is, and
// the caller copies the gradient out. The copies cost ~3% of the kernel's time.
// The module's memory grows to the largest batch seen and stays there.
import wasmBase64 from './simd/conv-filter-grad.wasm';

export interface FilterGradGeometry {
  /** Input [N, H, W, Ci], NHWC. */
  shape: [number, number, number, number];
  kh: number;
  kw: number;
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
    outH: number, outW: number, outC: number, kh: number, kw: number,
  ): void;
}

let kernel: Kernel | undefined;

function instance(): Kernel {
  if (!kernel) {
    const bytes = Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));
    // Synchronous: kernels are synchronous, and the module is well under the 4 KB that
    // browsers allow to compile synchronously on a main thread.
    kernel = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Kernel;
  }
  return kernel;
}

/** Whether the kernel covers this case: stride 1 (the caller checks), 4 | Ci and 8 | Co. */
export function simdFilterGradFits(g: FilterGradGeometry): boolean {
  return g.shape[3] % 4 === 0 && g.outC % 8 === 0;
}

/**
 * dW [kh, kw, Ci, Co] of a stride-1, undilated NHWC conv. The result is a view into the kernel's
 * memory, valid until the next call: copy it out.
 */
export function simdFilterGrad(x: Float32Array, dy: Float32Array, g: FilterGradGeometry): Float32Array {
  const [n, inH, inW, inC] = g.shape;
  // The padded input holds exactly the rows and columns the taps read.
  const paddedH = g.outH + g.kh - 1;
  const paddedW = g.outW + g.kw - 1;
  const xpLength = n * paddedH * paddedW * inC;
  const dwLength = g.kh * g.kw * inC * g.outC;
  const k = instance();
  const bytes = 4 * (xpLength + dy.length + dwLength);
  if (k.memory.buffer.byteLength < bytes) k.memory.grow(Math.ceil((bytes - k.memory.buffer.byteLength) / 65536));
  const heap = new Float32Array(k.memory.buffer);

  heap.fill(0, 0, xpLength);
  // Input columns that land inside the padded width, and where.
  const col0 = Math.max(0, -g.left);
  const col1 = Math.min(inW, paddedW - g.left);
  for (let image = 0; image < n; image++) {
    for (let y = 0; y < inH; y++) {
      const row = y + g.top;
      if (row < 0 || row >= paddedH || col1 <= col0) continue;
      const from = ((image * inH + y) * inW + col0) * inC;
      heap.set(x.subarray(from, from + (col1 - col0) * inC), ((image * paddedH + row) * paddedW + col0 + g.left) * inC);
    }
  }
  heap.set(dy, xpLength);
  const dwAt = xpLength + dy.length;
  heap.fill(0, dwAt, dwAt + dwLength);
  k.convFilterGrad(0, 4 * xpLength, 4 * dwAt, n, paddedH, paddedW, inC, g.outH, g.outW, g.outC, g.kh, g.kw);
  return heap.subarray(dwAt, dwAt + dwLength);
}
