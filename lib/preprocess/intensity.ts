import type { Mask } from './types';

/** Every object pixel is at least this bright, so a white garment still shows as a garment. */
const FLOOR = 0.2;

/**
 * Fashion-MNIST's look: the object's luminance negated (dark garment -> bright), background exactly 0.
 * `gray` is luma in 0..1. Values are floored at FLOOR.
 */
export function objectIntensity(gray: Float32Array, mask: Mask): Float32Array {
  const out = new Float32Array(gray.length);
  for (let p = 0; p < gray.length; p++) if (mask.data[p]) out[p] = Math.max(FLOOR, 1 - gray[p]);
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
