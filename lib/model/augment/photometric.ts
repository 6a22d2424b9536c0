/**
 * Changes of value, pixel by pixel, as photos differ from Fashion-MNIST's scans: other exposure, what is
 * left of a background preprocessing did not fully remove, and sensor noise.
 */
import { PIXELS } from '../../classes';
import type { Rng } from '../rng';
import { CENTRE, SIDE } from './square-image';

export function scaleContrast(img: Float32Array, factor: number): void {
  for (let i = 0; i < PIXELS; i++) img[i] *= factor;
}

export function applyGamma(img: Float32Array, gamma: number): void {
  for (let i = 0; i < PIXELS; i++) img[i] = Math.pow(Math.min(1, img[i]), gamma);
}

/** A faint, slightly uneven level where the background was not fully removed. */
export function addBackgroundLevel(img: Float32Array, rng: Rng): void {
  const base = rng.uniform(0.02, 0.12);
  const gx = rng.uniform(-0.04, 0.04);
  const gy = rng.uniform(-0.04, 0.04);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      const level = Math.max(0, base + (gx * (x - CENTRE) + gy * (y - CENTRE)) / CENTRE);
      img[y * SIDE + x] = Math.max(img[y * SIDE + x], level);
    }
  }
}

/** Specks of leftover background: one to six small dots, only where the image is dark. */
export function addSpecks(img: Float32Array, rng: Rng): void {
  for (let k = 1 + rng.int(6); k > 0; k--) {
    const y = rng.int(SIDE - 1);
    const x = rng.int(SIDE - 1);
    const v = rng.uniform(0.1, 0.5);
    const size = rng.chance(0.5) ? 2 : 1;
    for (let j = 0; j < size; j++) {
      for (let i = 0; i < size; i++) {
        const p = (y + j) * SIDE + x + i;
        if (img[p] < 0.05) img[p] = v;
      }
    }
  }
}

/** Gaussian sensor noise of standard deviation `sigma`. */
export function addNoise(img: Float32Array, sigma: number, rng: Rng): void {
  for (let i = 0; i < PIXELS; i++) img[i] += sigma * rng.normal();
}

/** Back into [0, 1], where the changes above may have pushed a value out. */
export function clampToUnit(img: Float32Array): void {
  for (let i = 0; i < PIXELS; i++) img[i] = img[i] < 0 ? 0 : img[i] > 1 ? 1 : img[i];
}
