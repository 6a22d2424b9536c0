import { label } from './components';
import type { Component } from './components';
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

/**
 * Keeps the most likely object: the connected piece with the best area x centrality score, plus other
 * large pieces close to it.
 */
export function keepObject(m: Mask): Mask {
  const { width: w, height: h } = m;
  const { labels, components } = label(m);
  const out = new Uint8Array(w * h);
  if (components.length === 0) return { width: w, height: h, data: out };
  const main = components.reduce((a, b) => (score(b, w, h) > score(a, w, h) ? b : a));
  const near = 0.15 * Math.hypot(w, h);
  const keep = new Set<number>([main.label]);
  for (const c of components) {
    if (c.area >= KEEP_SHARE * main.area && gap(c, main) <= near) keep.add(c.label);
  }
  for (let p = 0; p < out.length; p++) if (keep.has(labels[p])) out[p] = 1;
  return { width: w, height: h, data: out };
}

/**
 * Fills enclosed holes, except sizeable ones that look like background (`bgLike` says, per pixel, whether
 * it matches the background), such as the opening under a bag's handle. A background-coloured hole
 * larger than the object around it is the inside of a light object with a darker outline: filled.
 */
export function fillHoles(m: Mask, bgLike: Uint8Array): Mask {
  const { width: w, height: h } = m;
  const { labels, components } = label(m, 0, false);
  let objectArea = 0;
  for (let p = 0; p < m.data.length; p++) objectArea += m.data[p];
  const bgCount = new Float64Array(components.length + 1);
  for (let p = 0; p < labels.length; p++) if (labels[p] && bgLike[p]) bgCount[labels[p]]++;
  const fill = new Uint8Array(components.length + 1);
  for (const c of components) {
    if (c.borderPixels > 0) continue;
    const large = c.area > Math.max(4, 0.01 * objectArea) && c.area < objectArea;
    const looksLikeBackground = bgCount[c.label] > 0.7 * c.area;
    fill[c.label] = large && looksLikeBackground ? 0 : 1;
  }
  const out = new Uint8Array(m.data);
  for (let p = 0; p < out.length; p++) if (labels[p] && fill[labels[p]]) out[p] = 1;
  return { width: w, height: h, data: out };
}

/** Pixels set in `weak` that are connected (8-way, through `weak`) to a pixel set in `strong`. */
export function hysteresis(weak: Mask, strong: Uint8Array): Mask {
  const { labels, components } = label(weak);
  const seeded = new Uint8Array(components.length + 1);
  for (let p = 0; p < labels.length; p++) if (strong[p] && labels[p]) seeded[labels[p]] = 1;
  const out = new Uint8Array(labels.length);
  for (let p = 0; p < out.length; p++) out[p] = seeded[labels[p]] && labels[p] ? 1 : 0;
  return { width: weak.width, height: weak.height, data: out };
}
