import { describe, expect, it } from 'vitest';
import { simdConv2d, simdFilterGrad, type ConvGeometry } from './conv-simd';
import { randomValues, relativeError } from './testing/wasm-vs-cpu';

/** The input value a tap reads, 0 in the padding. */
const at = (x: Float32Array, g: ConvGeometry, image: number, y: number, xCol: number, c: number) => {
  const [, h, w, inC] = g.shape;
  return y < 0 || y >= h || xCol < 0 || xCol >= w ? 0 : x[((image * h + y) * w + xCol) * inC + c];
};

/** y straight from the definition. */
function convReference(x: Float32Array, filter: Float32Array, g: ConvGeometry): Float32Array {
  const [n, , , inC] = g.shape;
  const y = new Float32Array(n * g.outH * g.outW * g.outC);
  for (let image = 0; image < n; image++) for (let i = 0; i < g.outH; i++) for (let j = 0; j < g.outW; j++) for (let o = 0; o < g.outC; o++) {
    let sum = 0;
    for (let a = 0; a < g.kh; a++) for (let b = 0; b < g.kw; b++) for (let c = 0; c < inC; c++) {
      sum += at(x, g, image, i * g.sh + a - g.top, j * g.sw + b - g.left, c) * filter[((a * g.kw + b) * inC + c) * g.outC + o];
    }
    y[((image * g.outH + i) * g.outW + j) * g.outC + o] = sum;
  }
  return y;
}

/** dW straight from the definition. */
function filterGradReference(x: Float32Array, dy: Float32Array, g: ConvGeometry): Float32Array {
  const [n, , , inC] = g.shape;
  const dw = new Float32Array(g.kh * g.kw * inC * g.outC);
  for (let a = 0; a < g.kh; a++) for (let b = 0; b < g.kw; b++) for (let c = 0; c < inC; c++) for (let o = 0; o < g.outC; o++) {
    let sum = 0;
    for (let image = 0; image < n; image++) for (let i = 0; i < g.outH; i++) for (let j = 0; j < g.outW; j++) {
      sum += at(x, g, image, i * g.sh + a - g.top, j * g.sw + b - g.left, c) * dy[((image * g.outH + i) * g.outW + j) * g.outC + o];
    }
    dw[((a * g.kw + b) * inC + c) * g.outC + o] = sum;
  }
  return dw;
}

const geometry = (shape: ConvGeometry['shape'], rest: Partial<ConvGeometry>): ConvGeometry =>
  ({ shape, kh: 3, kw: 3, sh: 1, sw: 1, top: 1, left: 1, outH: shape[1], outW: shape[2], outC: 8, ...rest });

const CASES: Array<[string, ConvGeometry]> = [
  ["3x3 'same'", geometry([2, 6, 6, 4], {})],
  ["5x3 'valid', rectangle", geometry([3, 9, 7, 8], { kh: 5, top: 0, left: 0, outH: 5, outW: 5, outC: 16 })],
  ['uneven padding', geometry([1, 5, 8, 12], { top: 2, left: 0, outH: 5, outW: 7, outC: 24 })],
  ['1x1', geometry([2, 4, 4, 4], { kh: 1, kw: 1, top: 0, left: 0 })],
  ['one input channel (the first layer), padded to 4', geometry([2, 8, 8, 1], { outC: 24 })],
  ['channels padded both ways', geometry([2, 5, 5, 3], { outC: 5 })],
  ["stride 2 'same'", geometry([2, 8, 8, 4], { sh: 2, sw: 2, top: 0, left: 0, outH: 4, outW: 4 })],
  ["strides 2 x 3 'valid', rows and columns never read", geometry([1, 8, 9, 4], { sh: 2, sw: 3, top: 0, left: 0, outH: 3, outW: 3 })],
  ['a batch that grows the memory', geometry([16, 14, 14, 48], { outC: 48 })],
  // After the larger case the memory holds stale values, which must not leak into the result.
  ["3x3 'same' again", geometry([2, 6, 6, 4], {})],
];

// Both kernels on each case, alternating, so each also runs on memory the other left behind.
describe.each(CASES)('SIMD convolution kernels: %s', (_, g) => {
  const x = randomValues(g.shape.reduce((p, d) => p * d, 1), 1);
  const dy = randomValues(g.shape[0] * g.outH * g.outW * g.outC, 2);
  const filter = randomValues(g.kh * g.kw * g.shape[3] * g.outC, 3);

  it('filter gradient matches the definition', () => {
    expect(relativeError(filterGradReference(x, dy, g), simdFilterGrad(x, dy, g))).toBeLessThan(1e-5);
  });

  it('forward convolution matches the definition', () => {
    expect(relativeError(convReference(x, filter, g), simdConv2d(x, filter, g))).toBeLessThan(1e-5);
  });
});
