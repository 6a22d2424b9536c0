import { lumaAt } from './color';
import { scratchF32 } from './scratch';
import type { Box, Mask, RgbaImage } from './types';

/** Every object pixel is at least this bright, so a white garment still shows as a garment. */
const FLOOR = 0.2;

/**
 * Fashion-MNIST's look: the object's luma negated (dark garment -> bright), background exactly 0. Values
 * are floored at FLOOR. Only the pixels inside `box` are filled in (the rest stays 0): nothing else is
 * read from the result. In scratch memory (scratch.ts): valid until the next image.
 */
export function objectIntensity(img: RgbaImage, mask: Mask, box: Box): Float32Array {
  const { width: w, data } = img;
  const out = scratchF32('intensity', img.width * img.height);
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let p = y * w + box.x; p < y * w + box.x + box.width; p++) {
      // Luma is rounded to float32 first, as a gray plane would hold it.
      if (mask.data[p]) out[p] = Math.max(FLOOR, 1 - Math.fround(lumaAt(data, p * 4)));
    }
  }
  return out;
}

/** Scales so the maximum is 1 (Fashion-MNIST images all peak at full intensity), by at most maxGain. */
export function normalizePeak(v: Float32Array, maxGain = 2): Float32Array {
  let max = 0;
  for (let i = 0; i < v.length; i++) if (v[i] > max) max = v[i];
  if (max <= 0) return v;
  const gain = Math.min(maxGain, 1 / max);
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = Math.min(1, v[i] * gain);
  return out;
}
