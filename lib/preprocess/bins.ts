import type { BitMask } from './bitmask';
import type { Features } from './features';
import { scratchI32 } from './scratch';
import { checkThresholds, stepThresholds } from './steps';

/**
 * The histogram bins of refine.ts: each pixel's colour (L, a, b), texture and distance-from-background
 * bins, computed once per image. Pixels share few combinations of the three, so each distinct combination
 * gets a compact id: per refinement step, a value per combination is computed once and spread to pixels.
 */

export const L_BINS = 10;
export const AB_BINS = 10;
const AB_RANGE = 40;
export const T_BINS = 8;
export const D_BINS = 12;
const C_SIZE = L_BINS * AB_BINS * AB_BINS;

export interface Bins {
  /** Per pixel: the id of its combination of colour, texture and distance bins. */
  combo: Int32Array;
  /** Per combination id: its colour, texture and distance bin. */
  comboC: Int32Array;
  comboT: Int32Array;
  comboD: Int32Array;
  /** Pixel count of each combination over the whole image. */
  comboTotal: Int32Array;
}

/** Bin of v among `bins` equal bins over [lo, hi], clamped (`| 0` is Math.floor once clamped to >= 0). */
function quantize(v: number, lo: number, hi: number, bins: number): number {
  return Math.min(bins - 1, Math.max(0, ((v - lo) / (hi - lo)) * bins)) | 0;
}

/** Distance bins on a log scale: 0-0.4, ..., about 45 and more. */
const distanceBin = (x: number) => Math.min(D_BINS - 1, Math.floor(2 * Math.log2(1 + Math.max(0, x))));
// The same bins by comparisons with its 11 steps (steps.ts), unless Math.log2 rounds oddly near a step
// on this engine.
const D_STEPS = stepThresholds(distanceBin, D_BINS - 1);
const D_BY_STEPS = checkThresholds(distanceBin, D_STEPS);
const [d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11] = D_STEPS;

/** distanceBin(x) for float32 x, by comparisons (about three times cheaper than the logarithm). */
function distanceBinBySteps(x: number): number {
  return (
    +(x >= d1) + +(x >= d2) + +(x >= d3) + +(x >= d4) + +(x >= d5) + +(x >= d6) +
    +(x >= d7) + +(x >= d8) + +(x >= d9) + +(x >= d10) + +(x >= d11)
  );
}

/** Combination id of each key (colour, texture, distance bins) seen so far in this image; -1 for none. */
const idOfKey = new Int32Array(C_SIZE * T_BINS * D_BINS).fill(-1);

export function pixelBins(f: Features, distance: Float32Array): Bins {
  const [L, A, B, T] = f.planes;
  const n = L.length;
  const combo = scratchI32('combo', n, false);
  const keys: number[] = [];
  for (let p = 0; p < n; p++) {
    const c =
      (quantize(L[p], 0, 100.01, L_BINS) * AB_BINS + quantize(A[p], -AB_RANGE, AB_RANGE, AB_BINS)) * AB_BINS +
      quantize(B[p], -AB_RANGE, AB_RANGE, AB_BINS);
    const t = Math.min(T_BINS - 1, Math.floor(Math.sqrt(Math.max(0, T[p])) * 2));
    const d = D_BY_STEPS ? distanceBinBySteps(distance[p]) : distanceBin(distance[p]);
    const key = (c * T_BINS + t) * D_BINS + d;
    if (idOfKey[key] < 0) {
      idOfKey[key] = keys.length;
      keys.push(key);
    }
    combo[p] = idOfKey[key];
  }
  for (const key of keys) idOfKey[key] = -1; // ready for the next image
  const comboC = Int32Array.from(keys, (k) => Math.floor(k / (T_BINS * D_BINS)));
  const comboT = Int32Array.from(keys, (k) => Math.floor(k / D_BINS) % T_BINS);
  const comboD = Int32Array.from(keys, (k) => k % D_BINS);
  // Whole-image counts per combination.
  const comboTotal = new Int32Array(keys.length);
  for (let p = 0; p < n; p++) comboTotal[combo[p]]++;
  return { combo, comboC, comboT, comboD, comboTotal };
}

/** Pixel counts per combination over the set pixels of a bit mask (bitmask.ts). */
export function countCombos(bits: BitMask, bins: Bins): Int32Array {
  const { width: w, height: h, stride, words } = bits;
  const { combo } = bins;
  const counts = new Int32Array(bins.comboC.length);
  for (let y = 0; y < h; y++) {
    for (let j = 0; j < stride; j++) {
      const v = words[y * stride + j];
      if (v === 0) continue; // the common case: nothing set in these 32 pixels
      const p0 = y * w + 32 * j;
      const n = Math.min(32, w - 32 * j);
      for (let i = 0; i < n; i++) counts[combo[p0 + i]] += (v >>> i) & 1;
    }
  }
  return counts;
}

/** Per-bin counts (colour, texture, distance) from per-combination counts. */
export function binCounts(counts: Int32Array, bins: Bins): [Int32Array, Int32Array, Int32Array] {
  const hc = new Int32Array(C_SIZE);
  const ht = new Int32Array(T_BINS);
  const hd = new Int32Array(D_BINS);
  for (let k = 0; k < counts.length; k++) {
    hc[bins.comboC[k]] += counts[k];
    ht[bins.comboT[k]] += counts[k];
    hd[bins.comboD[k]] += counts[k];
  }
  return [hc, ht, hd];
}
