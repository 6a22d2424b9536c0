import type { Box } from './types';

/**
 * For each destination cell c, the source indices it overlaps (first[c] .. first[c] + count[c] - 1) and
 * the overlap lengths as weights (weight[c * span ..]).
 */
interface Weights {
  first: Int32Array;
  count: Int32Array;
  span: number;
  weight: Float64Array;
}

function weights(start: number, length: number, cells: number): Weights {
  const step = length / cells;
  const span = Math.ceil(step) + 1;
  const first = new Int32Array(cells);
  const count = new Int32Array(cells);
  const weight = new Float64Array(cells * span);
  for (let c = 0; c < cells; c++) {
    const a = start + c * step;
    const b = a + step;
    let n = 0;
    for (let s = Math.floor(a); s < Math.ceil(b); s++) {
      const overlap = Math.min(b, s + 1) - Math.max(a, s);
      if (overlap > 1e-9) {
        if (n === 0) first[c] = s;
        weight[c * span + n++] = overlap / step;
      }
    }
    count[c] = n;
  }
  return { first, count, span, weight };
}

/**
 * Resamples the `box` region of a single-channel image to dw x dh by area averaging: each output pixel is
 * the mean of the source area it covers (fractional pixels weighted by their overlap). Separable.
 */
export function resampleArea(
  src: Float32Array,
  sw: number,
  box: Box,
  dw: number,
  dh: number,
): Float32Array {
  const wx = weights(box.x, box.width, dw);
  const wy = weights(box.y, box.height, dh);
  // Rows first: box.height x dw.
  const tmp = new Float32Array(box.height * dw);
  for (let y = 0; y < box.height; y++) {
    const row = (box.y + y) * sw;
    for (let x = 0; x < dw; x++) {
      const from = row + wx.first[x];
      const w0 = x * wx.span;
      let s = 0;
      for (let k = 0; k < wx.count[x]; k++) s += src[from + k] * wx.weight[w0 + k];
      tmp[y * dw + x] = s;
    }
  }
  const out = new Float32Array(dw * dh);
  for (let y = 0; y < dh; y++) {
    const from = wy.first[y] - box.y;
    const w0 = y * wy.span;
    for (let x = 0; x < dw; x++) {
      let s = 0;
      for (let k = 0; k < wy.count[y]; k++) s += tmp[(from + k) * dw + x] * wy.weight[w0 + k];
      out[y * dw + x] = s;
    }
  }
  return out;
}

/**
 * Fits the `box` region of an image into a side x side canvas: the long side of the box spans the
 * whole canvas, the aspect ratio is kept (the short side is at least 1 pixel), and the object is centred
 * (an odd leftover pixel goes to the left/top margin, as in Fashion-MNIST).
 */
export function fitToSquare(src: Float32Array, sw: number, box: Box, side: number): Float32Array {
  const scale = side / Math.max(box.width, box.height);
  const tw = Math.min(side, Math.max(1, Math.round(box.width * scale)));
  const th = Math.min(side, Math.max(1, Math.round(box.height * scale)));
  const obj = resampleArea(src, sw, box, tw, th);
  const ox = Math.ceil((side - tw) / 2);
  const oy = Math.ceil((side - th) / 2);
  const out = new Float32Array(side * side);
  for (let y = 0; y < th; y++) out.set(obj.subarray(y * tw, (y + 1) * tw), (oy + y) * side + ox);
  return out;
}

/**
 * Unsharp mask against a 3x3 binomial blur (sigma ~0.85 px, edges clamped):
 * v + amount * (v - blur(v)), clamped to 0..1.
 */
export function sharpen(src: Float32Array, w: number, h: number, amount: number): Float32Array {
  const out = new Float32Array(src.length);
  const at = (x: number, y: number) => src[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) s += at(x + dx, y + dy) * (dx ? 1 : 2) * (dy ? 1 : 2);
      }
      const p = y * w + x;
      out[p] = Math.min(1, Math.max(0, src[p] + amount * (src[p] - s / 16)));
    }
  }
  return out;
}
