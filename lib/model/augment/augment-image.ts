/**
 * Per-sample augmentation of 28x28 training images (light garment on black, values in [0, 1]).
 * Besides the usual shifts, scale and flips it imitates what the extension's preprocessing makes of
 * real web photos: other exposure, softer edges, sensor noise, imperfect background removal (a faint
 * background level, leftover specks, eroded object edges) and what is left of a person around a worn
 * garment. Pure TS, so it runs in Node and
 * in a web worker alike; every draw comes from the caller's seeded RNG, in a fixed order, so a seed
 * gives the same images on every run.
 */
import type { Rng } from '../rng';
import { addWornResidue } from '../worn-residue';
import { drawAffine, mirror, resampleAffine } from './affine';
import { blur, erode } from './filters';
import { addBackgroundLevel, addNoise, addSpecks, applyGamma, clampToUnit, scaleContrast } from './photometric';
import { DEFAULT_AUGMENT, type AugmentOptions } from './presets';
import { changeViewpoint } from './viewpoint';

/** Augments one image in place (`img` holds 784 values in [0, 1]); `tmp` is scratch of the same size. */
export function augmentImage(img: Float32Array, tmp: Float32Array, rng: Rng, o: AugmentOptions = DEFAULT_AUGMENT): void {
  const flip = rng.chance(o.flip);
  // Drawn only when asked for, so the other presets draw the numbers they always did.
  if (o.pose && rng.chance(o.pose)) {
    changeViewpoint(img, flip, o.poseJitter ?? 0, rng);
  } else if (rng.chance(o.affine)) {
    const affine = drawAffine(rng, o, flip);
    tmp.set(img);
    resampleAffine(tmp, img, affine);
  } else if (flip) {
    mirror(img);
  }
  // Drawn only when asked for, so the other presets draw the numbers they always did.
  if (o.worn && rng.chance(o.worn)) addWornResidue(img, rng);
  if (rng.chance(o.erode)) erode(img, tmp, rng.uniform(0.4, 1));
  if (rng.chance(o.blur)) blur(img, tmp, rng.uniform(0.3, 0.8));
  if (rng.chance(o.contrast)) scaleContrast(img, rng.uniform(0.7, 1.2));
  if (rng.chance(o.gamma)) applyGamma(img, Math.exp(rng.uniform(Math.log(0.7), Math.log(1.4))));
  if (rng.chance(o.background)) addBackgroundLevel(img, rng);
  if (rng.chance(o.speckles)) addSpecks(img, rng);
  if (rng.chance(o.noise)) addNoise(img, rng.uniform(0.01, 0.05), rng);
  clampToUnit(img);
}
