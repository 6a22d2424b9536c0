import { andNot, countBits, erodeBits, unpack } from './bitmask';
import type { BitMask } from './bitmask';
import type { Mask } from './types';

/**
 * Peels off up to `steps` layers of outline pixels whose colour matches the background (colour distance
 * below t): texture and smoothing make the mask spill a little beyond the object's edge. Returns the
 * peeled mask, or the mask as it was if peeling would leave nothing, and its count of set pixels.
 */
export function peel(
  bits: BitMask,
  colourDistance: (p: number) => number,
  t: number,
  steps: number,
): [Mask, number] {
  const { width: w, height: h, stride } = bits;
  const mask = unpack(bits);
  const m = mask.data;
  let set = countBits(bits);
  // Only object pixels of background colour can go, and only within `steps` pixels of the outline (a
  // layer a step; the image's edge is no outline): found among the set bits of that band.
  const band = andNot(bits, erodeBits(bits, steps)).words;
  const candidates: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let j = 0; j < stride; j++) {
      const v = band[y * stride + j];
      if (v === 0) continue;
      for (let i = 0; i < 32; i++) {
        const p = y * w + 32 * j + i;
        if ((v >>> i) & 1 && colourDistance(p) < t) candidates.push(p);
      }
    }
  }
  const drop = new Int32Array(candidates.length);
  let dropped = 0;
  for (let s = 0; s < steps; s++) {
    let n = 0;
    for (const p of candidates) {
      if (!m[p]) continue;
      const x = p % w;
      const y = (p - x) / w;
      const edge =
        (x > 0 && !m[p - 1]) || (x < w - 1 && !m[p + 1]) || (y > 0 && !m[p - w]) || (y < h - 1 && !m[p + w]);
      if (edge) drop[n++] = p;
    }
    if (n === 0) break;
    for (let i = 0; i < n; i++) m[drop[i]] = 0;
    set -= n;
    dropped += n;
  }
  return set > 0 ? [mask, set] : [unpack(bits), set + dropped];
}
