import { describe, expect, it } from 'vitest';
import { im2colTransposed, type Im2colGeometry } from './im2col';
import { randomValues } from './testing';

/** The definition, element by element. */
function naive(x: Float32Array, g: Im2colGeometry): Float32Array {
  const [N, H, W, C] = g.shape;
  const P = N * g.outH * g.outW;
  const out = new Float32Array(g.kh * g.kw * C * P);
  for (let a = 0; a < g.kh; a++) for (let b = 0; b < g.kw; b++) for (let c = 0; c < C; c++)
    for (let n = 0; n < N; n++) for (let i = 0; i < g.outH; i++) for (let j = 0; j < g.outW; j++) {
      const y = i * g.sh + a - g.top;
      const xx = j * g.sw + b - g.left;
      const inside = y >= 0 && y < H && xx >= 0 && xx < W;
      out[((a * g.kw + b) * C + c) * P + (n * g.outH + i) * g.outW + j] = inside ? x[((n * H + y) * W + xx) * C + c] : 0;
    }
  return out;
}

describe('im2colTransposed', () => {
  const cases: Array<[string, Im2colGeometry]> = [
    ['3x3 same stride 1', { shape: [2, 5, 6, 1], kh: 3, kw: 3, sh: 1, sw: 1, top: 1, left: 1, outH: 5, outW: 6 }],
    ['3x3 same stride 2, 3 channels', { shape: [2, 7, 8, 3], kh: 3, kw: 3, sh: 2, sw: 2, top: 1, left: 0, outH: 4, outW: 4 }],
    ['3x3 valid', { shape: [1, 6, 6, 2], kh: 3, kw: 3, sh: 1, sw: 1, top: 0, left: 0, outH: 4, outW: 4 }],
    ['5x5 with more padding than taps reach', { shape: [1, 3, 4, 2], kh: 5, kw: 5, sh: 1, sw: 3, top: 3, left: 2, outH: 3, outW: 2 }],
    ['1x1', { shape: [3, 4, 4, 1], kh: 1, kw: 1, sh: 1, sw: 1, top: 0, left: 0, outH: 4, outW: 4 }],
  ];
  it.each(cases)('matches the definition: %s', (_, g) => {
    const x = randomValues(g.shape.reduce((p, v) => p * v, 1), 7);
    const expected = naive(x, g);
    const out = new Float32Array(expected.length).fill(Number.NaN); // every element must be written
    im2colTransposed(x, g, out);
    expect(Array.from(out)).toEqual(Array.from(expected));
  });
});
