// im2col, transposed: one row per filter tap and input channel, one column per output position.
//   rows[(a * kw + b) * C + c][(n * outH + i) * outW + j] = x[n, i*sh + a - top, j*sw + b - left, c]
// (0 where that falls in the padding). Rows are written one at a time, contiguously; with the
// few input channels this is used for, the strided reads of x stay in cache.

export interface Im2colGeometry {
  /** Input [N, H, W, C], NHWC. */
  shape: [number, number, number, number];
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  top: number;
  left: number;
  outH: number;
  outW: number;
}

export function im2colTransposed(x: ArrayLike<number>, g: Im2colGeometry, out: Float32Array): void {
  const [, , W, C] = g.shape;
  for (let a = 0; a < g.kh; a++) {
    for (let b = 0; b < g.kw; b++) {
      // Output columns j whose input column j*sw + b - left lies inside the image.
      const j0 = Math.min(g.outW, Math.max(0, Math.ceil((g.left - b) / g.sw)));
      const j1 = Math.max(j0, Math.min(g.outW, Math.floor((W - 1 + g.left - b) / g.sw) + 1));
      for (let c = 0; c < C; c++) fillRow(x, g, a, b, c, j0, j1, out, ((a * g.kw + b) * C + c) * g.shape[0] * g.outH * g.outW);
    }
  }
}

function fillRow(x: ArrayLike<number>, g: Im2colGeometry, a: number, b: number, c: number, j0: number, j1: number,
  out: Float32Array, start: number): void {
  const [N, H, W, C] = g.shape;
  const step = g.sw * C;
  let o = start;
  for (let n = 0; n < N; n++) {
    for (let i = 0; i < g.outH; i++) {
      const y = i * g.sh + a - g.top;
      if (y < 0 || y >= H) {
        out.fill(0, o, o + g.outW);
        o += g.outW;
        continue;
      }
      let j = 0;
      for (; j < j0; j++) out[o++] = 0;
      for (let k = ((n * H + y) * W + j0 * g.sw + b - g.left) * C + c; j < j1; j++, k += step) out[o++] = x[k];
      for (; j < g.outW; j++) out[o++] = 0;
    }
  }
}
