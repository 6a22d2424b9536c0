import type { Mask } from './types';

/** Counts of set pixels in a sliding window of radius r along one axis (edges clamped), thresholded. */
function pass(
  src: Uint8Array,
  dst: Uint8Array,
  len: number,
  lines: number,
  step: number,
  lineStep: number,
  r: number,
  need: number,
): void {
  const last = len - 1;
  for (let l = 0; l < lines; l++) {
    const base = l * lineStep;
    let count = 0;
    for (let k = -r; k <= r; k++) count += src[base + (k < 0 ? 0 : k > last ? last : k) * step];
    for (let k = 0; k < len; k++) {
      dst[base + k * step] = count >= need ? 1 : 0;
      const add = k + r + 1;
      const sub = k - r;
      count += src[base + (add > last ? last : add) * step] - src[base + (sub < 0 ? 0 : sub) * step];
    }
  }
}

/** Dilation (any) or erosion (all) by a (2r+1)-square, separable. */
function morph(m: Mask, r: number, erode: boolean): Mask {
  const { width: w, height: h } = m;
  const need = erode ? 2 * r + 1 : 1;
  const tmp = new Uint8Array(w * h);
  const out = new Uint8Array(w * h);
  pass(m.data, tmp, w, h, 1, w, r, need);
  pass(tmp, out, h, w, w, 1, r, need);
  return { width: w, height: h, data: out };
}

export const dilate = (m: Mask, r: number): Mask => (r < 1 ? m : morph(m, r, false));
export const erode = (m: Mask, r: number): Mask => (r < 1 ? m : morph(m, r, true));
/** Removes specks and thin protrusions narrower than 2r+1. */
export const open = (m: Mask, r: number): Mask => dilate(erode(m, r), r);
/** Closes gaps and notches narrower than 2r+1. */
export const close = (m: Mask, r: number): Mask => erode(dilate(m, r), r);

export function countSet(m: Mask): number {
  let n = 0;
  for (let i = 0; i < m.data.length; i++) n += m.data[i];
  return n;
}
