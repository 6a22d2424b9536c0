import { describe, expect, it } from 'vitest';
import { borderIndices } from './background';
import { label } from './components';
import { boxDownscale } from './downscale';
import { otsu } from './filters';
import { close, countSet, open } from './morphology';
import { heavierOnLeft, mirror } from './orient';
import { fitToSquare, resampleArea } from './resample';
import { fillHoles } from './select';
import type { Mask } from './types';

const maskOf = (rows: string[]): Mask => ({
  width: rows[0].length,
  height: rows.length,
  data: Uint8Array.from(rows.join(''), (c) => (c === '#' ? 1 : 0)),
});

describe('boxDownscale', () => {
  it.each([
    [8000, 8000, 384, 21, 381, 381],
    [2000, 3, 384, 6, 334, 1],
    [400, 533, 384, 2, 200, 267],
    [60, 80, 384, 1, 60, 80],
    [1, 1, 384, 1, 1, 1],
  ])('%ix%i to <= %i: factor %i, %ix%i', (w, h, max, factor, ow, oh) => {
    const res = boxDownscale({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }, max);
    expect(res.factor).toBe(factor);
    expect([res.image.width, res.image.height]).toEqual([ow, oh]);
  });

  it('averages blocks, weighting colour by alpha', () => {
    // 2x1 -> 1x1: an opaque red pixel and a transparent green one give red at half alpha.
    const data = Uint8ClampedArray.from([255, 0, 0, 255, 0, 255, 0, 0]);
    const { image } = boxDownscale({ width: 2, height: 1, data }, 1);
    expect(Array.from(image.data)).toEqual([255, 0, 0, 128]);
  });
});

describe('resampleArea', () => {
  it('averages 2x2 blocks exactly', () => {
    const src = Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const out = resampleArea(src, 4, { x: 0, y: 0, width: 4, height: 4 }, 2, 2);
    expect(Array.from(out)).toEqual([2.5, 4.5, 10.5, 12.5]);
  });

  it('weights fractional overlaps (3 -> 2)', () => {
    const out = resampleArea(Float32Array.from([0, 3, 6]), 3, { x: 0, y: 0, width: 3, height: 1 }, 2, 1);
    expect(out[0]).toBeCloseTo((0 * 1 + 3 * 0.5) / 1.5);
    expect(out[1]).toBeCloseTo((3 * 0.5 + 6 * 1) / 1.5);
  });

  it('fits the long side to the frame and centres (odd margin on the left)', () => {
    const src = new Float32Array(10 * 20).fill(1);
    const out = fitToSquare(src, 10, { x: 0, y: 0, width: 10, height: 20 }, 28);
    // 10x20 -> 14x28, margins 7 and 7.
    expect(out[0 * 28 + 6]).toBe(0);
    expect(out[0 * 28 + 7]).toBe(1);
    expect(out[27 * 28 + 20]).toBe(1);
    expect(out[27 * 28 + 21]).toBe(0);
    const odd = fitToSquare(new Float32Array(13 * 28).fill(1), 13, { x: 0, y: 0, width: 13, height: 28 }, 28);
    expect(odd[8]).toBe(1); // margins 8 (left) and 7 (right)
    expect(odd[7]).toBe(0);
    expect(odd[20]).toBe(1);
    expect(odd[21]).toBe(0);
  });
});

describe('otsu', () => {
  it('splits two clusters between them', () => {
    const v = new Float32Array(1000);
    for (let i = 0; i < 1000; i++) v[i] = i < 700 ? 1 + (i % 5) * 0.1 : 20 + (i % 7) * 0.2;
    const t = otsu(v, 0, 30);
    expect(t).toBeGreaterThan(1.4);
    expect(t).toBeLessThan(20);
  });
});

describe('morphology and regions', () => {
  const m = maskOf([
    '.........',
    '.####....',
    '.####..#.',
    '.####....',
    '.........',
  ]);
  it('open removes specks and keeps blocks', () => {
    const o = open(m, 1);
    expect(countSet(o)).toBe(12);
    expect(o.data[2 * 9 + 7]).toBe(0);
  });
  it('close fills a one-pixel gap', () => {
    const c = close(maskOf(['#.#', '#.#', '#.#']), 1);
    expect(countSet(c)).toBe(9);
  });
  it('labels 8-connected regions with their boxes', () => {
    const { components } = label(m);
    expect(components.map((c) => c.area)).toEqual([12, 1]);
    expect(components[0].box).toEqual({ x: 1, y: 1, width: 4, height: 3 });
  });
  it('fills holes, except a large background-coloured one', () => {
    const ring = maskOf(['#######', '#.....#', '#.....#', '#######', '###.###', '#######']);
    const none = new Uint8Array(ring.data.length);
    expect(countSet(fillHoles(ring, none))).toBe(42);
    const bg = Uint8Array.from(ring.data, (v) => 1 - v);
    expect(countSet(fillHoles(ring, bg))).toBe(42 - 10); // the 10-pixel window stays, the speck is filled
  });
  it('takes the border of a thin image from its ends', () => {
    expect(Array.from(borderIndices(100, 1)).length).toBe(8);
    expect(Array.from(borderIndices(1, 1))).toEqual([0]);
  });
});

describe('orientation', () => {
  it('mirrors a wide object whose heavy end is on the left, not an upright one', () => {
    const side = 28;
    const shoe = new Float32Array(side * side);
    for (let y = 8; y < 20; y++) for (let x = 0; x < 28; x++) if (y >= 14 || x < 10) shoe[y * side + x] = 1;
    expect(heavierOnLeft(shoe, side)).toBe(true);
    expect(heavierOnLeft(mirror(shoe, side), side)).toBe(false);
    const tall = new Float32Array(side * side);
    for (let y = 0; y < 28; y++) for (let x = 8; x < 20; x++) if (x < 12 || y > 20) tall[y * side + x] = 1;
    expect(heavierOnLeft(tall, side)).toBe(false);
  });
});
