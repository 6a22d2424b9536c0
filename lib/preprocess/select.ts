import { labelRuns, paintRuns } from './components';
import type { Component } from './components';
import { emptyBits } from './bitmask';
import type { BitMask } from './bitmask';
import type { Mask } from './types';

/** Secondary pieces at least this share of the main piece's area are kept (trouser legs, a pair of shoes). */
const KEEP_SHARE = 0.2;

function score(c: Component, w: number, h: number): number {
  const half = Math.hypot(w, h) / 2;
  const off = Math.hypot(c.cx - (w - 1) / 2, c.cy - (h - 1) / 2) / half;
  return c.area * (1 - 0.6 * Math.min(1, off));
}

/** Gap in pixels between two boxes (0 when they overlap). */
function gap(a: Component, b: Component): number {
  const gx = Math.max(0, Math.max(a.box.x, b.box.x) - Math.min(a.box.x + a.box.width, b.box.x + b.box.width));
  const gy = Math.max(0, Math.max(a.box.y, b.box.y) - Math.min(a.box.y + a.box.height, b.box.y + b.box.height));
  return Math.hypot(gx, gy);
}

/** An empty mask like `m`, in the same form (bytes or bits). */
function emptyLike<M extends Mask | BitMask>(m: M): M {
  return ('words' in m ? emptyBits(m.width, m.height) : { width: m.width, height: m.height, data: new Uint8Array(m.width * m.height) }) as M;
}

/** A copy of `m`. */
function copyOf<M extends Mask | BitMask>(m: M): M {
  return ('words' in m ? { ...m, words: m.words.slice() } : { ...m, data: m.data.slice() }) as M;
}

/**
 * Keeps the most likely object: the connected piece with the best area x centrality score, plus other
 * large pieces close to it. Works on byte or bit-packed masks alike.
 */
export function keepObject<M extends Mask | BitMask>(m: M): M {
  const { width: w, height: h } = m;
  const regions = labelRuns(m);
  const { components } = regions;
  const out = emptyLike(m);
  if (components.length === 0) return out;
  const main = components.reduce((a, b) => (score(b, w, h) > score(a, w, h) ? b : a));
  const near = 0.15 * Math.hypot(w, h);
  const keep = new Uint8Array(components.length + 1);
  keep[main.label] = 1;
  for (const c of components) {
    if (c.area >= KEEP_SHARE * main.area && gap(c, main) <= near) keep[c.label] = 1;
  }
  paintRuns(out, regions, keep);
  return out;
}

/**
 * Fills enclosed holes, except sizeable ones that look like background (`bgLike` says, per pixel, whether
 * it matches the background), such as the opening under a bag's handle. A background-coloured hole
 * larger than the object around it is the inside of a light object with a darker outline: filled.
 */
export function fillHoles<M extends Mask | BitMask>(m: M, bgLike: Uint8Array | ((p: number) => boolean)): M {
  const isBg = typeof bgLike === 'function' ? bgLike : (p: number) => bgLike[p] === 1;
  const { width: w, height: h } = m;
  const holes = labelRuns(m, 0, false);
  const { components } = holes;
  let objectArea = w * h;
  for (const c of components) objectArea -= c.area;
  // Background-like pixels of each enclosed region (regions touching the border are never filled).
  const bgCount = new Float64Array(components.length + 1);
  const { start, end, rowStart } = holes.runs;
  for (let y = 0; y < h; y++) {
    for (let i = rowStart[y]; i < rowStart[y + 1]; i++) {
      const id = holes.runLabel[i];
      if (components[id - 1].borderPixels > 0) continue;
      for (let p = y * w + start[i]; p < y * w + end[i]; p++) if (isBg(p)) bgCount[id]++;
    }
  }
  const fill = new Uint8Array(components.length + 1);
  for (const c of components) {
    if (c.borderPixels > 0) continue;
    const large = c.area > Math.max(4, 0.01 * objectArea) && c.area < objectArea;
    const looksLikeBackground = bgCount[c.label] > 0.7 * c.area;
    fill[c.label] = large && looksLikeBackground ? 0 : 1;
  }
  const out = copyOf(m);
  paintRuns(out, holes, fill);
  return out;
}

/**
 * Pixels set in `weak` that are connected (8-way, through `weak`) to a strong pixel (`strong` is asked
 * about pixels of `weak` only).
 */
export function hysteresis<M extends Mask | BitMask>(weak: M, strong: (p: number) => boolean): M {
  const { width: w, height: h } = weak;
  const regions = labelRuns(weak);
  const seeded = new Uint8Array(regions.components.length + 1);
  const { start, end, rowStart } = regions.runs;
  for (let y = 0; y < h; y++) {
    for (let i = rowStart[y]; i < rowStart[y + 1]; i++) {
      const id = regions.runLabel[i];
      for (let p = y * w + start[i]; p < y * w + end[i] && !seeded[id]; p++) seeded[id] = +strong(p);
    }
  }
  const out = emptyLike(weak);
  paintRuns(out, regions, seeded);
  return out;
}
