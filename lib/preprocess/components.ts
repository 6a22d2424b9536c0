import { findRuns } from './runs';
import type { Runs } from './runs';
import { setBits } from './bitmask';
import type { BitMask } from './bitmask';
import type { Box, Mask } from './types';

export interface Component {
  label: number;
  area: number;
  box: Box;
  cx: number;
  cy: number;
  /** Pixels of the component on the image border. */
  borderPixels: number;
}

export interface Labelled {
  labels: Int32Array;
  components: Component[];
}

/** Connected regions as runs (runs.ts), with the region label of each run. */
export interface LabelledRuns {
  components: Component[];
  runs: Runs;
  /** Label of each run. */
  runLabel: Int32Array;
}

/** Root of run `i` in the union-find forest, halving the path on the way. */
function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

/** Joins two sets; the smaller run index becomes the root, so a root is its component's first run. */
function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra < rb) parent[rb] = ra;
  else if (rb < ra) parent[ra] = rb;
}

/**
 * Labels the connected regions of pixels whose mask value equals `value` (8- or 4-connected), run by
 * run: a mask has far fewer runs than pixels. Labels start at 1, numbered in the order of each region's
 * first pixel (row by row).
 */
export function labelRuns(m: Mask | BitMask, value = 1, eight = true): LabelledRuns {
  const { width: w, height: h } = m;
  const runs = findRuns(m, value);
  const { count, start, end, rowStart } = runs;
  const parent = new Int32Array(count);
  for (let i = 0; i < count; i++) parent[i] = i;
  // Runs touch (diagonally too when 8-connected) if their spans, widened by one, overlap.
  const reach = eight ? 1 : 0;
  for (let y = 1; y < h; y++) {
    let j = rowStart[y - 1];
    const jEnd = rowStart[y];
    for (let i = rowStart[y]; i < rowStart[y + 1]; i++) {
      // Skip runs of the previous row that end before this one (runs are sorted along the row).
      while (j < jEnd && end[j] + reach <= start[i]) j++;
      for (let k = j; k < jEnd && start[k] < end[i] + reach; k++) union(parent, i, k);
    }
  }
  // Number components by their first run and gather their statistics.
  const runLabel = new Int32Array(count);
  const components: Component[] = [];
  for (let y = 0; y < h; y++) {
    const edgeRow = y === 0 || y === h - 1;
    for (let i = rowStart[y]; i < rowStart[y + 1]; i++) {
      const root = find(parent, i);
      if (root === i) {
        runLabel[i] = components.length + 1;
        components.push({ label: runLabel[i], area: 0, box: { x: w, y, width: 0, height: 0 }, cx: 0, cy: 0, borderPixels: 0 });
      } else {
        runLabel[i] = runLabel[root];
      }
      const c = components[runLabel[i] - 1];
      const x0 = start[i];
      const x1 = end[i];
      const len = x1 - x0;
      c.area += len;
      c.cx += ((x0 + x1 - 1) * len) / 2; // sum of x over the run (exact: an integer)
      c.cy += y * len;
      c.borderPixels += edgeRow ? len : Math.min(len, (x0 === 0 ? 1 : 0) + (x1 === w ? 1 : 0));
      // Until the end: box.width holds the last column, box.height the last row.
      if (x0 < c.box.x) c.box.x = x0;
      if (x1 - 1 > c.box.width) c.box.width = x1 - 1;
      c.box.height = y;
    }
  }
  for (const c of components) {
    c.box.width = c.box.width - c.box.x + 1;
    c.box.height = c.box.height - c.box.y + 1;
    c.cx /= c.area;
    c.cy /= c.area;
  }
  return { components, runs, runLabel };
}

/** Sets `out` (bytes or bits) to 1 over the runs whose label is marked in `keep` (indexed by label). */
export function paintRuns(out: Mask | BitMask, r: LabelledRuns, keep: Uint8Array): void {
  const { start, end, rowStart } = r.runs;
  for (let y = 0; y + 1 < rowStart.length; y++) {
    for (let i = rowStart[y]; i < rowStart[y + 1]; i++) {
      if (!keep[r.runLabel[i]]) continue;
      if ('words' in out) setBits(out, y, start[i], end[i]);
      else out.data.fill(1, y * out.width + start[i], y * out.width + end[i]);
    }
  }
}

/**
 * Labels the connected regions of pixels whose mask value equals `value` (8- or 4-connected).
 * Labels start at 1; 0 marks pixels of the other value.
 */
export function label(m: Mask, value = 1, eight = true): Labelled {
  const r = labelRuns(m, value, eight);
  const labels = new Int32Array(m.width * m.height);
  const { start, end, rowStart } = r.runs;
  for (let y = 0; y < m.height; y++) {
    for (let i = rowStart[y]; i < rowStart[y + 1]; i++) labels.fill(r.runLabel[i], y * m.width + start[i], y * m.width + end[i]);
  }
  return { labels, components: r.components };
}

/** Bounding box of the set pixels, or null if there are none. */
export function maskBox(m: Mask): Box | null {
  const { width: w, height: h, data } = m;
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    // The first set pixel from the left, then the last from the right: the inside is never read.
    let first = 0;
    while (first < w && !data[row + first]) first++;
    if (first === w) continue;
    let last = w - 1;
    while (!data[row + last]) last--;
    if (y0 === h) y0 = y;
    y1 = y;
    if (first < x0) x0 = first;
    if (last > x1) x1 = last;
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}
