/**
 * The background model: colour (and texture) statistics of the image border, and each pixel's distance
 * from them. Features are planes of equal size, e.g. [L, a, b, texture].
 */

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
  const out: number[] = [];
  for (let y = 0; y < h; y++) {
    const edgeRow = y < ty || y >= h - ty;
    for (let x = 0; x < w; x++) {
      if ((tx === 0 && ty === 0) || edgeRow || x < tx || x >= w - tx) out.push(y * w + x);
    }
  }
  return Int32Array.from(out);
}

function median(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  const s = Float64Array.from(values).sort();
  return s[s.length >> 1];
}

/** At most `max` of the indices, evenly spaced (deterministic). */
function subsample(idx: Int32Array, max: number): Int32Array {
  if (idx.length <= max) return idx;
  const out = new Int32Array(max);
  for (let i = 0; i < max; i++) out[i] = idx[Math.floor((i * idx.length) / max)];
  return out;
}

/**
 * k-means (k <= 3) of the first three features at `idx`, with a deterministic farthest-point start.
 * Returns the cluster of each sample.
 */
function cluster(features: Float32Array[], idx: Int32Array, k: number): Int32Array {
  const n = idx.length;
  const [f0, f1, f2] = features;
  const centers: number[][] = [[f0, f1, f2].map((f) => median(Array.from(idx, (p) => f[p])))];
  const nearest = (p: number) => {
    let best = Infinity;
    for (const m of centers) best = Math.min(best, dist2(p, m));
    return best;
  };
  const dist2 = (p: number, m: number[]) => (f0[p] - m[0]) ** 2 + (f1[p] - m[1]) ** 2 + (f2[p] - m[2]) ** 2;
  while (centers.length < k) {
    let far = 0;
    let farD = -1;
    for (let i = 0; i < n; i++) {
      const d = nearest(idx[i]);
      if (d > farD) {
        farD = d;
        far = idx[i];
      }
    }
    if (farD < SAME_MODE * SAME_MODE) break;
    centers.push([f0[far], f1[far], f2[far]]);
  }
  const assign = new Int32Array(n);
  for (let iter = 0; iter < 8; iter++) {
    const sums = centers.map(() => [0, 0, 0, 0]);
    for (let i = 0; i < n; i++) {
      const p = idx[i];
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < centers.length; c++) {
        const d = dist2(p, centers[c]);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      assign[i] = best;
      const s = sums[best];
      s[0] += f0[p];
      s[1] += f1[p];
      s[2] += f2[p];
      s[3]++;
    }
    sums.forEach((s, c) => {
      if (s[3] > 0) centers[c] = [s[0] / s[3], s[1] / s[3], s[2] / s[3]];
    });
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
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const g = groups.get(assign[i]) ?? [];
    g.push(idx[i]);
    groups.set(assign[i], g);
  }
  const modes: BackgroundMode[] = [];
  for (const members of groups.values()) {
    const center = features.map((f) => median(members.map((p) => f[p])));
    const spread = features.map((f, c) =>
      Math.max(floors[c], 1.4826 * median(members.map((p) => Math.abs(f[p] - center[c])))),
    );
    modes.push({ center, spread, weight: members.length / n });
  }
  modes.sort((a, b) => b.weight - a.weight);
  return modes.filter((m, i) => i === 0 || m.weight >= MIN_MODE_WEIGHT);
}

/**
 * Per pixel, the distance to the nearest background mode in units of that mode's spreads, over the first
 * `channels` features (all by default).
 */
export function backgroundDistance(features: Float32Array[], modes: BackgroundMode[], channels = features.length): Float32Array {
  const n = features[0].length;
  const out = new Float32Array(n);
  for (let p = 0; p < n; p++) {
    let best = Infinity;
    for (const m of modes) {
      let d = 0;
      for (let c = 0; c < channels; c++) {
        const z = (features[c][p] - m.center[c]) / m.spread[c];
        d += z * z;
      }
      if (d < best) best = d;
    }
    out[p] = Math.sqrt(best);
  }
  return out;
}

/** A border mode matching more than this share of the image centre is the object touching the border. */
const CENTRE_SHARE = 0.4;

/**
 * Drops border modes that are really the object: when a garment fills the frame and touches the border,
 * its colour is a border mode too, but unlike the background it also fills the centre of the image. At
 * least one mode (the one least present in the centre) always stays.
 */
export function dropObjectModes(features: Float32Array[], modes: BackgroundMode[], w: number, h: number): BackgroundMode[] {
  if (modes.length < 2) return modes;
  const x0 = Math.floor(w * 0.3);
  const x1 = Math.ceil(w * 0.7);
  const y0 = Math.floor(h * 0.3);
  const y1 = Math.ceil(h * 0.7);
  const share = modes.map((m) => {
    let hit = 0;
    let n = 0;
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const p = y * w + x;
        let d = 0;
        for (let c = 0; c < features.length; c++) d += ((features[c][p] - m.center[c]) / m.spread[c]) ** 2;
        if (d < 9) hit++;
        n++;
      }
    }
    return n > 0 ? hit / n : 0;
  });
  const least = share.indexOf(Math.min(...share));
  return modes.filter((_, i) => i === least || share[i] <= CENTRE_SHARE);
}
