import { describe, expect, it } from 'vitest';
import { preprocess } from './index';
import type { RgbaImage } from './types';
import { extent, makeImage, noisy, rect, rng, solid, tshirt } from './testing/helpers';
import type { Painter } from './testing/helpers';

const WHITE = solid([255, 255, 255]);
const BLACK = solid([0, 0, 0]);

function ok(image: RgbaImage) {
  const r = preprocess(image);
  if (!r.ok) throw new Error(`expected an object, got: ${r.message}`);
  expect(r.input).toHaveLength(784);
  expect(r.preview).toMatchObject({ width: 28, height: 28 });
  expect(r.preview.data).toHaveLength(28 * 28 * 4);
  for (const v of r.input) expect(v >= 0 && v <= 1).toBe(true);
  return r;
}

/** Checks a fitted object: light on black, long side spanning the frame, aspect kept, centred. */
function expectFitted(input: Float32Array, aspect: number) {
  const e = extent(input);
  const long = Math.max(e.width, e.height);
  const short = Math.min(e.width, e.height);
  expect(long).toBeGreaterThanOrEqual(27);
  const expectedShort = 28 * Math.min(aspect, 1 / aspect);
  expect(Math.abs(short - expectedShort)).toBeLessThanOrEqual(2.5);
  expect(e.width >= e.height).toBe(aspect >= 1 || e.width === 28);
  expect(Math.abs(e.cx - 13.5)).toBeLessThanOrEqual(1);
  expect(Math.abs(e.cy - 13.5)).toBeLessThanOrEqual(1);
  // Corners are background: black.
  for (const p of [0, 27, 27 * 28, 783]) {
    if (short < 27) expect(input[p]).toBeLessThan(0.05);
  }
  // The object is clearly lit.
  let sum = 0;
  let n = 0;
  for (let y = e.y0 + 2; y <= e.y1 - 2; y++) {
    for (let x = e.x0 + 2; x <= e.x1 - 2; x++) {
      sum += input[y * 28 + x];
      n++;
    }
  }
  if (n > 0) expect(sum / n).toBeGreaterThan(0.15);
}

interface Case {
  name: string;
  w: number;
  h: number;
  background: Painter;
  object: Painter;
  /** Object rectangle in source pixels. */
  box: [number, number, number, number];
  /** Minimum mean brightness of the object inside. */
  bright?: number;
}

const r = rng(3);
const cases: Case[] = [
  { name: 'dark shape on white', w: 300, h: 400, background: WHITE, object: rect(60, 80, 150, 220, [20, 20, 30]), box: [60, 80, 150, 220], bright: 0.8 },
  { name: 'light shape on black', w: 400, h: 300, background: BLACK, object: rect(50, 40, 260, 180, [235, 235, 235]), box: [50, 40, 260, 180] },
  { name: 'T-shirt on white', w: 500, h: 500, background: WHITE, object: tshirt(100, 80, 300, 320, [40, 60, 140]), box: [100, 80, 300, 320], bright: 0.5 },
  { name: 'shape on a noisy background', w: 320, h: 320, background: noisy([150, 140, 120], 40), object: tshirt(60, 50, 200, 220, [30, 30, 90]), box: [60, 50, 200, 220] },
  { name: 'red shirt on a beige carpet', w: 400, h: 400, background: noisy([205, 185, 150], 15, 11), object: tshirt(80, 70, 240, 260, [200, 40, 40]), box: [80, 70, 240, 260] },
  { name: 'on a coloured background', w: 300, h: 360, background: solid([40, 120, 60]), object: rect(70, 60, 140, 240, [230, 200, 60]), box: [70, 60, 140, 240] },
  { name: 'light gray on white', w: 300, h: 300, background: WHITE, object: rect(90, 50, 120, 200, [215, 215, 215]), box: [90, 50, 120, 200] },
  { name: 'dark gray on black', w: 300, h: 300, background: solid([12, 12, 12]), object: rect(40, 100, 220, 100, [60, 60, 60]), box: [40, 100, 220, 100] },
  { name: 'off-white shirt on white', w: 300, h: 300, background: WHITE, object: tshirt(50, 40, 200, 220, [236, 236, 236]), box: [50, 40, 200, 220] },
  { name: 'opaque object on transparency', w: 256, h: 256, background: solid([255, 255, 255, 0]), object: rect(80, 30, 100, 200, [250, 250, 250, 255]), box: [80, 30, 100, 200] },
  { name: 'small object far from the centre', w: 400, h: 400, background: WHITE, object: rect(20, 300, 60, 40, [90, 30, 30]), box: [20, 300, 60, 40] },
  { name: 'tiny catalogue photo', w: 60, h: 80, background: WHITE, object: rect(10, 25, 40, 30, [60, 60, 60]), box: [10, 25, 40, 30] },
  { name: 'object touching the border', w: 300, h: 300, background: solid([200, 200, 210]), object: rect(100, 0, 100, 300, [40, 40, 120]), box: [100, 0, 100, 300] },
];
void r;

describe('preprocess: synthetic photos', () => {
  it.each(cases)('$name', ({ w, h, background, object, box, bright }) => {
    const res = ok(makeImage(w, h, background, object));
    expectFitted(res.input, box[2] / box[3]);
    const tol = Math.max(2, 0.03 * Math.max(w, h));
    expect(Math.abs(res.box.x - box[0])).toBeLessThanOrEqual(tol);
    expect(Math.abs(res.box.y - box[1])).toBeLessThanOrEqual(tol);
    expect(Math.abs(res.box.width - box[2])).toBeLessThanOrEqual(tol);
    expect(Math.abs(res.box.height - box[3])).toBeLessThanOrEqual(tol);
    if (bright) {
      const e = extent(res.input);
      expect(res.input[Math.round(e.cy) * 28 + Math.round(e.cx)]).toBeGreaterThan(bright);
    }
  });

  it('makes a dark garment brighter than a light one', () => {
    const dark = ok(makeImage(200, 200, WHITE, rect(50, 40, 100, 120, [30, 30, 30])));
    const light = ok(makeImage(200, 200, WHITE, rect(50, 40, 100, 120, [200, 200, 200])));
    expect(dark.input[14 * 28 + 14]).toBeGreaterThan(light.input[14 * 28 + 14] + 0.3);
    expect(light.input[14 * 28 + 14]).toBeGreaterThan(0.1);
  });

  it('keeps the outline of a plain garment about as bright as its middle, not a bright rim', () => {
    // A rim brighter than the middle is a Fashion-MNIST trait that preprocessing used to paint onto
    // every photographed object, hats and watches too, which made them look in scope.
    const res = ok(makeImage(200, 200, WHITE, rect(50, 40, 100, 120, [120, 120, 120])));
    const e = extent(res.input);
    const at = (x: number, y: number) => res.input[y * 28 + x];
    const middle = at(Math.round(e.cx), Math.round(e.cy));
    const rim = [at(e.x0, Math.round(e.cy)), at(e.x1, Math.round(e.cy)), at(Math.round(e.cx), e.y0), at(Math.round(e.cx), e.y1)];
    for (const v of rim) expect(v).toBeLessThan(middle * 1.3);
  });

  it('gives the preview the same values as the input', () => {
    const res = ok(makeImage(120, 120, WHITE, rect(30, 20, 60, 80, [50, 50, 50])));
    for (let p = 0; p < 784; p++) {
      expect(res.preview.data[p * 4]).toBe(Math.round(res.input[p] * 255));
      expect(res.preview.data[p * 4 + 3]).toBe(255);
    }
  });

  it('is deterministic', () => {
    const img = makeImage(200, 240, noisy([180, 170, 150], 20), tshirt(40, 40, 120, 150, [60, 30, 30]));
    const a = ok(img);
    const b = ok(img);
    expect(Array.from(a.input)).toEqual(Array.from(b.input));
  });
});

describe('preprocess: nothing to find', () => {
  const uniform: [string, RgbaImage][] = [
    ['1x1', makeImage(1, 1, WHITE, () => null)],
    ['2x2', makeImage(2, 2, BLACK, () => null)],
    ['uniform white', makeImage(200, 150, WHITE, () => null)],
    ['uniform beige', makeImage(150, 200, solid([210, 190, 160]), () => null)],
    ['uniform black', makeImage(64, 64, BLACK, () => null)],
    ['fully transparent', makeImage(100, 100, solid([0, 0, 0, 0]), () => null)],
    ['faint noise', makeImage(200, 200, noisy([128, 128, 128], 3), () => null)],
    ['a speck', makeImage(400, 400, WHITE, rect(200, 200, 3, 3, [0, 0, 0]))],
    ['empty data', { width: 0, height: 0, data: new Uint8ClampedArray(0) }],
  ];
  it.each(uniform)('%s gives no-object with a message', (_, img) => {
    const res = preprocess(img);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.reason).toBe('no-object');
      expect(res.message.length).toBeGreaterThan(10);
    }
  });
});

describe('preprocess: sizes and shapes', () => {
  it('fits the object of an 8000x8000 image', () => {
    const w = 8000;
    const data = new Uint8ClampedArray(w * w * 4).fill(255);
    for (let y = 2000; y < 6500; y++) {
      const row = new Uint8ClampedArray((5000 - 3000) * 4);
      for (let i = 0; i < row.length; i += 4) row.set([30, 40, 90, 255], i);
      data.set(row, (y * w + 3000) * 4);
    }
    const res = preprocess({ width: w, height: w, data });
    expect(res.ok).toBe(true);
    if (res.ok) {
      expectFitted(res.input, 2000 / 4500);
      expect(Math.abs(res.box.x - 3000)).toBeLessThan(60);
      expect(Math.abs(res.box.height - 4500)).toBeLessThan(100);
    }
  });

  const stripes: [string, number, number, Painter, [number, number, number, number]][] = [
    ['3000x10 stripe', 3200, 200, rect(100, 95, 3000, 10, [20, 20, 20]), [100, 95, 3000, 10]],
    ['10x3000 stripe', 200, 3200, rect(95, 100, 10, 3000, [20, 20, 20]), [95, 100, 10, 3000]],
    ['2000x3 image', 2000, 3, rect(500, 0, 1000, 3, [20, 20, 20]), [500, 0, 1000, 3]],
    ['3x2000 image', 3, 2000, rect(0, 600, 3, 800, [20, 20, 20]), [0, 600, 3, 800]],
  ];
  it.each(stripes)('%s: fitted along its long side, centred', (_, w, h, object, box) => {
    const res = ok(makeImage(w, h, WHITE, object));
    const e = extent(res.input);
    const horizontal = box[2] > box[3];
    expect(horizontal ? e.width : e.height).toBeGreaterThanOrEqual(27);
    expect(horizontal ? e.height : e.width).toBeLessThanOrEqual(2);
    expect(Math.abs(e.cx - 13.5)).toBeLessThanOrEqual(1);
    expect(Math.abs(e.cy - 13.5)).toBeLessThanOrEqual(1);
    const tol = 0.02 * Math.max(w, h);
    expect(Math.abs(res.box.x - box[0])).toBeLessThanOrEqual(tol);
    expect(Math.abs(res.box.width - box[2])).toBeLessThanOrEqual(tol);
  });

  it('treats transparent pixels as background even when their colour is not', () => {
    // Transparent but "black" background pixels, as canvases often return.
    const img = makeImage(200, 200, solid([0, 0, 0, 0]), rect(50, 60, 100, 80, [40, 90, 160]));
    const res = ok(img);
    expectFitted(res.input, 100 / 80);
    expect(res.box).toEqual({ x: 50, y: 60, width: 100, height: 80 });
  });
});
