import { boxBlur } from './filters';
import { scratchF32 } from './scratch';
import type { Features } from './features';
import { andNot, dilateBits, erodeBits } from './bitmask';
import type { BitMask } from './bitmask';
import { AB_BINS, binCounts, countCombos, D_BINS, L_BINS, pixelBins, T_BINS } from './bins';
import type { Bins } from './bins';

/**
 * GrabCut-like refinement: histograms of colour, texture and distance from the border's background model,
 * of the current object and of the rest of the image, say per pixel which of the two it resembles more
 * (naive Bayes). The log-likelihood ratio, smoothed over a neighbourhood (neighbours tend to share a
 * label), gives the new object mask.
 */

/**
 * Smooths counts with their neighbouring bins (a 3-box along each of the `dims` axes, bins outside the
 * range left out) and normalises them to probabilities with a small floor. Counts are integers, so the
 * separable sums are exact.
 */
function smoothNormalize(h: Float64Array, dims: number[]): Float64Array {
  const size = h.length;
  let s = h;
  let stride = size;
  for (const dim of dims) {
    stride /= dim;
    const next = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const pos = Math.floor(i / stride) % dim;
      let sum = s[i];
      if (pos > 0) sum += s[i - stride];
      if (pos < dim - 1) sum += s[i + stride];
      next[i] = sum;
    }
    s = next;
  }
  let total = 0;
  for (let i = 0; i < size; i++) total += s[i];
  const eps = 1e-3 / size;
  for (let i = 0; i < size; i++) s[i] = (s[i] + eps * total + 1e-9) / (total * (1 + eps * size) + 1e-9 * size);
  return s;
}

/** Per bin, P(bin | object) / P(bin | background), from the counts of both. */
function ratios(fg: Int32Array, bg: Int32Array, dims: number[]): Float64Array {
  const hf = smoothNormalize(Float64Array.from(fg), dims);
  const hb = smoothNormalize(Float64Array.from(bg), dims);
  const out = new Float64Array(hf.length);
  for (let i = 0; i < out.length; i++) out[i] = hf[i] / hb[i];
  return out;
}

export interface RefineInput {
  features: Features;
  distance: Float32Array;
}

/** What objectLogOdds keeps between the steps of one image. */
export interface RefineCache {
  bins?: Bins;
}

/**
 * One refinement step: returns, per pixel, the smoothed log-odds that it belongs to the object (in scratch
 * memory, scratch.ts: valid until the next call).
 */
export function objectLogOdds(input: RefineInput, bits: BitMask, cache: RefineCache = {}): Float32Array {
  const { width: w, height: h } = bits;
  const bins = (cache.bins ??= pixelBins(input.features, input.distance));
  // Learn from confident pixels only: the object's inside and the background away from the outline.
  const margin = Math.max(1, Math.round(Math.min(w, h) / 100));
  const fg = erodeBits(bits, margin);
  const near = dilateBits(bits, 2 * margin);
  // Counted over the inside and the ring around it (near minus inside, cheaper than all of near); the
  // background is the rest of the image.
  const inside = countCombos(fg, bins);
  const ring = countCombos(andNot(near, fg), bins);
  const outside = bins.comboTotal.map((total, k) => total - inside[k] - ring[k]);
  const [cf, tf, df] = binCounts(inside, bins);
  const [cb, tb, db] = binCounts(outside, bins);
  const rc = ratios(cf, cb, [L_BINS, AB_BINS, AB_BINS]);
  const rt = ratios(tf, tb, [T_BINS]);
  const rd = ratios(df, db, [D_BINS]);
  // The log-odds of each combination of bins, spread to its pixels.
  const { comboC, comboT, comboD, combo } = bins;
  const logs = new Float32Array(comboC.length);
  for (let k = 0; k < logs.length; k++) logs[k] = Math.log(rc[comboC[k]] * rt[comboT[k]] * rd[comboD[k]]);
  const logit = scratchF32('logit', w * h, false);
  for (let p = 0; p < logit.length; p++) logit[p] = logs[combo[p]];
  const r = Math.max(1, Math.round(Math.min(w, h) / 80));
  return boxBlur(logit, w, h, r, 2, scratchF32('log-odds', w * h, false));
}
