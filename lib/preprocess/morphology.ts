import { anySet, dilateBits, erodeBits, pack, unpack } from './bitmask';
import type { BitMask } from './bitmask';
import type { Mask } from './types';

/**
 * Binary morphology by a (2r+1)-square. Edges are clamped, i.e. only the part of the window inside the
 * image counts: dilation sets a pixel if any pixel of its window is set, erosion if all of them are.
 * Done on bit-packed masks (bitmask.ts).
 */

export const dilate = (m: Mask, r: number): Mask => (r < 1 ? m : unpack(dilateBits(pack(m), r)));
export const erode = (m: Mask, r: number): Mask => (r < 1 ? m : unpack(erodeBits(pack(m), r)));
/** Removes specks and thin protrusions narrower than 2r+1. */
export const open = (m: Mask, r: number): Mask => dilate(erode(m, r), r);
/** Closes gaps and notches narrower than 2r+1. */
export const close = (m: Mask, r: number): Mask => erode(dilate(m, r), r);

/**
 * close(open(m, r), r), or close(m, r) when opening would erase everything (a very thin object), in one
 * go: the opening's dilation and the closing's dilation are one dilation by 2r (squares add up).
 */
export function openCloseBits(bits: BitMask, r: number): BitMask {
  if (r < 1) return bits;
  const eroded = erodeBits(bits, r);
  // The opening is empty exactly when the erosion is.
  const closedUp = anySet(eroded) ? dilateBits(eroded, 2 * r) : dilateBits(bits, r);
  return erodeBits(closedUp, r);
}

export function countSet(m: Mask): number {
  const d = m.data;
  let n = 0;
  for (let i = 0; i < d.length; i++) n += d[i];
  return n;
}
