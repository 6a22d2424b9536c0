import { boxBlur } from './filters';
import type { Features } from './features';
import { dilate, erode } from './morphology';
import type { Mask } from './types';

/**
 * GrabCut-like refinement: histograms of colour, texture and distance from the border's background model,
 * of the current object and of the rest of the image, say per pixel which of the two it resembles more
 * (naive Bayes). The log-likelihood ratio, smoothed over a neighbourhood (neighbours tend to share a
 * label), gives the new object mask.
 */

const L_BINS = 10;
const AB_BINS = 10;
const AB_RANGE = 40;
const T_BINS = 8;
const D_BINS = 12;

function colourBins(f: Features): Int32Array {
  const [L, A, B] = f.planes;
  const out = new Int32Array(L.length);
  const q = (v: number, lo: number, hi: number, bins: number) =>
    Math.min(bins - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * bins)));
  for (let p = 0; p < L.length; p++) {
    out[p] =
      (q(L[p], 0, 100.01, L_BINS) * AB_BINS + q(A[p], -AB_RANGE, AB_RANGE, AB_BINS)) * AB_BINS +
      q(B[p], -AB_RANGE, AB_RANGE, AB_BINS);
  }
  return out;
}

function textureBins(f: Features): Int32Array {
  const T = f.planes[3];
  const out = new Int32Array(T.length);
  for (let p = 0; p < T.length; p++) out[p] = Math.min(T_BINS - 1, Math.floor(Math.sqrt(Math.max(0, T[p])) * 2));
  return out;
}

/** Distance bins on a log scale: 0-0.4, ..., about 45 and more. */
function distanceBins(distance: Float32Array): Int32Array {
  const out = new Int32Array(distance.length);
  for (let p = 0; p < distance.length; p++) {
    out[p] = Math.min(D_BINS - 1, Math.floor(2 * Math.log2(1 + Math.max(0, distance[p]))));
  }
  return out;
}

/** Normalised histogram, smoothed with its neighbouring bins (3-D box for colour, 1-D for texture). */
function histogram(bins: Int32Array, take: Uint8Array, size: number, dims: number[]): Float64Array {
  const h = new Float64Array(size);
  let n = 0;
  for (let p = 0; p < bins.length; p++) {
    if (take[p]) {
      h[bins[p]]++;
      n++;
    }
  }
  const s = new Float64Array(size);
  const [d0, d1, d2] = [dims[0], dims[1] ?? 1, dims[2] ?? 1];
  for (let i = 0; i < d0; i++) {
    for (let j = 0; j < d1; j++) {
      for (let k = 0; k < d2; k++) {
        let sum = 0;
        for (let a = Math.max(0, i - 1); a <= Math.min(d0 - 1, i + 1); a++) {
          for (let b = Math.max(0, j - 1); b <= Math.min(d1 - 1, j + 1); b++) {
            for (let c = Math.max(0, k - 1); c <= Math.min(d2 - 1, k + 1); c++) sum += h[(a * d1 + b) * d2 + c];
          }
        }
        s[(i * d1 + j) * d2 + k] = sum;
      }
    }
  }
  let total = 0;
  for (let i = 0; i < size; i++) total += s[i];
  const eps = 1e-3 / size;
  for (let i = 0; i < size; i++) s[i] = (s[i] + eps * total + 1e-9) / (total * (1 + eps * size) + 1e-9 * size);
  return s;
}

export interface RefineInput {
  features: Features;
  distance: Float32Array;
}

interface Bins {
  c: Int32Array;
  t: Int32Array;
  d: Int32Array;
}

/** One refinement step: returns, per pixel, the smoothed log-odds that it belongs to the object. */
export function objectLogOdds(input: RefineInput, mask: Mask, cache: Partial<Bins> = {}): Float32Array {
  const { features: f, distance } = input;
  const { width: w, height: h } = mask;
  const c = (cache.c ??= colourBins(f));
  const t = (cache.t ??= textureBins(f));
  const d = (cache.d ??= distanceBins(distance));
  // Learn from confident pixels only: the object's inside and the background away from the outline.
  const margin = Math.max(1, Math.round(Math.min(w, h) / 100));
  const fg = erode(mask, margin).data;
  const bg = dilate(mask, 2 * margin).data.map((v) => 1 - v);
  const size = L_BINS * AB_BINS * AB_BINS;
  const hf = histogram(c, fg, size, [L_BINS, AB_BINS, AB_BINS]);
  const hb = histogram(c, bg, size, [L_BINS, AB_BINS, AB_BINS]);
  const tf = histogram(t, fg, T_BINS, [T_BINS]);
  const tb = histogram(t, bg, T_BINS, [T_BINS]);
  const df = histogram(d, fg, D_BINS, [D_BINS]);
  const db = histogram(d, bg, D_BINS, [D_BINS]);
  const logit = new Float32Array(w * h);
  for (let p = 0; p < logit.length; p++) {
    logit[p] = Math.log((hf[c[p]] / hb[c[p]]) * (tf[t[p]] / tb[t[p]]) * (df[d[p]] / db[d[p]]));
  }
  const r = Math.max(1, Math.round(Math.min(w, h) / 80));
  return boxBlur(logit, w, h, r, 2);
}
