/**
 * The background model: colour (and texture) statistics of the image border, and each pixel's distance
 * from them. Features are planes of equal size, e.g. [L, a, b, texture].
 */
import { median } from './median';

/** One mode of the background: per-feature centre (median) and spread (robust sigma). */
export interface BackgroundMode {
  center: number[];
  spread: number[];
  weight: number;
}

/** A border cluster is background if it covers at least this share of the border. */
const MIN_MODE_WEIGHT = 0.2;
/** Clusters closer than this (in the first three features, Lab units) are one mode. */
const SAME_MODE = 6;

/**
 * Indices of the pixels in a frame along the image border, about 4% of each side thick. Sides too short
 * to have an inside (fewer than 3 pixels) contribute no frame along them: a 500x1 image's border is its
 * two ends.
 */
export function borderIndices(w: number, h: number): Int32Array {
  const tx = w >= 3 ? Math.max(1, Math.min(Math.round(0.04 * w), Math.floor((w - 1) / 2))) : 0;
  const ty = h >= 3 ? Math.max(1, Math.min(Math.round(0.04 * h), Math.floor((h - 1) / 2))) : 0;
  const whole = (y: number) => (tx === 0 && ty === 0) || y < ty || y >= h - ty;
  let n = 0;
  for (let y = 0; y < h; y++) n += whole(y) ? w : 2 * tx;
  const out = new Int32Array(n);
  let i = 0;
  for (let y = 0; y < h; y++) {
    if (whole(y)) {
      for (let x = 0; x < w; x++) out[i++] = y * w + x;
    } else {
      for (let x = 0; x < tx; x++) out[i++] = y * w + x;
      for (let x = w - tx; x < w; x++) out[i++] = y * w + x;
    }
  }
  return out;
}

/** At most `max` of the indices, evenly spaced (deterministic). */
function subsample(idx: Int32Array, max: number): Int32Array {
  if (idx.length <= max) return idx;
  const out = new Int32Array(max);
  for (let i = 0; i < max; i++) out[i] = idx[Math.floor((i * idx.length) / max)];
  return out;
}

/** Feature `f` at the pixels `idx`, minus `minus` and made absolute if given. */
function gather(f: Float32Array, idx: Int32Array, minus?: number): Float64Array {
  const out = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = minus === undefined ? f[idx[i]] : Math.abs(f[idx[i]] - minus);
  return out;
}

/** Squared length of (a, b, c); x * x is exactly x ** 2. */
function sq(a: number, b: number, c: number): number {
  return a * a + b * b + c * c;
}

/**
 * k-means (k <= 3) of the first three features at `idx`, with a deterministic farthest-point start.
 * Returns the cluster of each sample.
 */
function cluster(features: Float32Array[], idx: Int32Array, k: 1 | 2 | 3): Int32Array {
  const n = idx.length;
  // The samples' features side by side in memory, and the centres as (f0, f1, f2) triples.
  const [x0, x1, x2] = features.slice(0, 3).map((f) => gather(f, idx));
  const centers = new Float64Array(3 * k);
  centers.set([median(x0.slice()), median(x1.slice()), median(x2.slice())]);
  let count = 1;
  while (count < k) {
    let far = 0;
    let farD = -1;
    for (let i = 0; i < n; i++) {
      let d = Infinity;
      for (let c = 0; c < 3 * count; c += 3) {
        d = Math.min(d, sq(x0[i] - centers[c], x1[i] - centers[c + 1], x2[i] - centers[c + 2]));
      }
      if (d > farD) {
        farD = d;
        far = i;
      }
    }
    if (farD < SAME_MODE * SAME_MODE) break;
    centers.set([x0[far], x1[far], x2[far]], 3 * count++);
  }
  const assign = new Int32Array(n).fill(-1);
  const sums = new Float64Array(count * 4);
  for (let iter = 0; iter < 8; iter++) {
    sums.fill(0);
    let changed = false;
    // The centres in locals (unused ones are never read): this loop is the costly part.
    const [m00, m01, m02, m10, m11, m12, m20, m21, m22] = centers;
    for (let i = 0; i < n; i++) {
      const a = x0[i];
      const b = x1[i];
      const c = x2[i];
      let best = 0;
      let bestD = Infinity;
      let d = sq(a - m00, b - m01, c - m02);
      if (d < bestD) bestD = d;
      if (count > 1) {
        d = sq(a - m10, b - m11, c - m12);
        if (d < bestD) {
          bestD = d;
          best = 1;
        }
      }
      if (count > 2) {
        d = sq(a - m20, b - m21, c - m22);
        if (d < bestD) best = 2;
      }
      if (assign[i] !== best) changed = true;
      assign[i] = best;
      sums[best * 4] += a;
      sums[best * 4 + 1] += b;
      sums[best * 4 + 2] += c;
      sums[best * 4 + 3]++;
    }
    // Unchanged assignments give the very same centres again, and so on: the rest would change nothing.
    if (!changed) break;
    for (let c = 0; c < count; c++) {
      const s = sums.subarray(4 * c, 4 * c + 4);
      if (s[3] > 0) centers.set([s[0] / s[3], s[1] / s[3], s[2] / s[3]], 3 * c);
    }
  }
  return assign;
}

/**
 * Models the background from the border pixels `idx` as up to three modes, each with a median and a
 * robust spread (1.4826 x MAD, at least `floors`) per feature.
 */
export function fitBackground(features: Float32Array[], floors: number[], border: Int32Array): BackgroundMode[] {
  const idx = subsample(border, 3000);
  const n = idx.length;
  if (n === 0) return [{ center: features.map(() => 0), spread: [...floors], weight: 1 }];
  const assign = cluster(features, idx, 3);
  // Clusters in the order of their first sample.
  const order: number[] = [];
  const sizes = new Int32Array(3);
  for (let i = 0; i < n; i++) if (sizes[assign[i]]++ === 0) order.push(assign[i]);
  const modes: BackgroundMode[] = [];
  for (const c of order) {
    const members = new Int32Array(sizes[c]);
    for (let i = 0, j = 0; i < n; i++) if (assign[i] === c) members[j++] = idx[i];
    const center = features.map((f) => median(gather(f, members)));
    const spread = features.map((f, c) => Math.max(floors[c], 1.4826 * median(gather(f, members, center[c]))));
    modes.push({ center, spread, weight: members.length / n });
  }
  modes.sort((a, b) => b.weight - a.weight);
  return modes.filter((m, i) => i === 0 || m.weight >= MIN_MODE_WEIGHT);
}

/** A border mode matching more than this share of the image centre is the object touching the border. */
const CENTRE_SHARE = 0.4;

/** Per mode, the share of the image centre (its middle 40% each way) within 3 spreads of it. */
function centreShares(features: Float32Array[], modes: BackgroundMode[], w: number, h: number): number[] {
  const x0 = Math.floor(w * 0.3);
  const x1 = Math.ceil(w * 0.7);
  const y0 = Math.floor(h * 0.3);
  const y1 = Math.ceil(h * 0.7);
  const [f0, f1, f2, f3] = features;
  return modes.map(({ center: m, spread: s }) => {
    let hit = 0;
    let n = 0;
    for (let y = y0; y < y1; y++) {
      for (let p = y * w + x0; p < y * w + x1; p++) {
        const z0 = (f0[p] - m[0]) / s[0];
        const z1 = (f1[p] - m[1]) / s[1];
        const z2 = (f2[p] - m[2]) / s[2];
        const z3 = (f3[p] - m[3]) / s[3];
        if (z0 * z0 + z1 * z1 + z2 * z2 + z3 * z3 < 9) hit++;
        n++;
      }
    }
    return n > 0 ? hit / n : 0;
  });
}

/**
 * Drops border modes that are really the object: when a garment fills the frame and touches the border,
 * its colour is a border mode too, but unlike the background it also fills the centre of the image. At
 * least one mode (the one least present in the centre) always stays.
 */
export function dropObjectModes(features: Float32Array[], modes: BackgroundMode[], w: number, h: number): BackgroundMode[] {
  if (modes.length < 2) return modes;
  const share = centreShares(features, modes, w, h);
  const least = share.indexOf(Math.min(...share));
  return modes.filter((_, i) => i === least || share[i] <= CENTRE_SHARE);
}

/** The modes without the one most present in the centre (unless it is the only one). */
export function dropMostCentral(features: Float32Array[], modes: BackgroundMode[], w: number, h: number): BackgroundMode[] {
  if (modes.length < 2) return modes;
  const share = centreShares(features, modes, w, h);
  const most = share.indexOf(Math.max(...share));
  return modes.filter((_, i) => i !== most);
}
