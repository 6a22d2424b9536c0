import { describe, expect, it } from 'vitest';
import { simdFilterGrad, simdFilterGradFits, type FilterGradGeometry } from './conv-filter-grad-simd';
import { randomValues, relativeError } from './testing';

/** dW straight from the definition, with out-of-image taps reading zero. */
function reference(x: Float32Array, dy: Float32Array, g: FilterGradGeometry): Float32Array {
  const [n, h, w, inC] = g.shape;
  const dw = new Float32Array(g.kh * g.kw * inC * g.outC);
  for (let a = 0; a < g.kh; a++) for (let b = 0; b < g.kw; b++) for (let c = 0; c < inC; c++) for (let o = 0; o < g.outC; o++) {
    let sum = 0;
    for (let image = 0; image < n; image++) for (let i = 0; i < g.outH; i++) for (let j = 0; j < g.outW; j++) {
      const y = i + a - g.top;
      const xCol = j + b - g.left;
      if (y < 0 || y >= h || xCol < 0 || xCol >= w) continue;
      sum += x[((image * h + y) * w + xCol) * inC + c] * dy[((image * g.outH + i) * g.outW + j) * g.outC + o];
    }
    dw[((a * g.kw + b) * inC + c) * g.outC + o] = sum;
  }
  return dw;
}

const CASES: Array<[string, FilterGradGeometry]> = [
  ["3x3 'same'", { shape: [2, 6, 6, 4], kh: 3, kw: 3, top: 1, left: 1, outH: 6, outW: 6, outC: 8 }],
  ["5x3 'valid', rectangle", { shape: [3, 9, 7, 8], kh: 5, kw: 3, top: 0, left: 0, outH: 5, outW: 5, outC: 16 }],
  ['uneven padding', { shape: [1, 5, 8, 12], kh: 3, kw: 3, top: 2, left: 0, outH: 5, outW: 7, outC: 24 }],
  ['1x1', { shape: [2, 4, 4, 4], kh: 1, kw: 1, top: 0, left: 0, outH: 4, outW: 4, outC: 8 }],
  ['a batch that grows the memory', { shape: [16, 14, 14, 48], kh: 3, kw: 3, top: 1, left: 1, outH: 14, outW: 14, outC: 48 }],
  // After the larger case, the memory holds stale values that must not leak into the result.
  ["3x3 'same' again", { shape: [2, 6, 6, 4], kh: 3, kw: 3, top: 1, left: 1, outH: 6, outW: 6, outC: 8 }],
];

describe('SIMD filter gradient', () => {
  it.each(CASES)('%s matches the definition', (_, g) => {
    const x = randomValues(g.shape.reduce((p, d) => p * d), 1);
    const dy = randomValues(g.shape[0] * g.outH * g.outW * g.outC, 2);
    expect(relativeError(reference(x, dy, g), simdFilterGrad(x, dy, g))).toBeLessThan(1e-5);
  });

  it('declines channel counts it has no SIMD blocks for', () => {
    const g: FilterGradGeometry = { shape: [1, 4, 4, 4], kh: 3, kw: 3, top: 1, left: 1, outH: 4, outW: 4, outC: 8 };
    expect(simdFilterGradFits(g)).toBe(true);
    expect(simdFilterGradFits({ ...g, shape: [1, 4, 4, 3] })).toBe(false);
    expect(simdFilterGradFits({ ...g, outC: 12 })).toBe(false);
  });
});
