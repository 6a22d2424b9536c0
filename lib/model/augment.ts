/**
 * Per-sample augmentation of 28x28 training images (light garment on black, values in [0, 1]).
 * Besides the usual shifts, scale and flips it imitates what the extension's preprocessing makes of
 * real web photos: other exposure, softer edges, sensor noise and imperfect background removal
 * (a faint background level, leftover specks, eroded object edges). Pure TS, so it runs in Node and
 * in a web worker alike; every draw comes from the caller's seeded RNG.
 */
import { IMAGE_SIZE, PIXELS } from '../classes';
import { bilinear, CANVAS, CANVAS_OFFSET, fitObject } from './framing';
import type { Rng } from './rng';
import { addWornResidue } from './worn-residue';

export interface AugmentOptions {
  /** Probability of each augmentation; 0 turns one off. */
  flip: number;
  affine: number;
  erode: number;
  blur: number;
  contrast: number;
  gamma: number;
  background: number;
  speckles: number;
  noise: number;
  /** Largest shift in pixels, and the scale range. */
  maxShift: number;
  scale: [number, number];
  /**
   * Largest rotation in degrees, and largest change of aspect ratio as a log factor (0.2: up to
   * 1.22x wider or taller), with the affine change: a photo shows a garment at an angle, a shoe
   * from three quarters, a bag in perspective. 0 leaves them out.
   */
  rotate?: number;
  stretch?: number;
  /**
   * Probability of a change of viewpoint instead of the affine change: each corner of the picture moved
   * by up to `poseJitter` of its side (a perspective warp: a garment photographed from above or at an
   * angle, a shoe from three quarters), then the object cropped and its long side fitted to 28 px again,
   * as preprocessing crops a photo.
   */
  pose?: number;
  poseJitter?: number;
  /** Probability of drawing what preprocessing leaves of a person around a worn garment (worn-residue.ts). */
  worn?: number;
}

/** Geometric changes most of the time; each photometric one on about 1 image in 10. */
export const DEFAULT_AUGMENT: AugmentOptions = {
  flip: 0.5,
  affine: 0.6,
  erode: 0.08,
  blur: 0.08,
  contrast: 0.12,
  gamma: 0.1,
  background: 0.08,
  speckles: 0.08,
  noise: 0.1,
  maxShift: 2.5,
  scale: [0.85, 1.1],
};

export const NO_AUGMENT: AugmentOptions = {
  ...DEFAULT_AUGMENT,
  flip: 0, affine: 0, erode: 0, blur: 0, contrast: 0, gamma: 0, background: 0, speckles: 0, noise: 0,
};

/**
 * Half the photometric changes and milder geometry: for the last stage of training, where the
 * network, already robust, has to fit the clean images more closely.
 */
export const LIGHT_AUGMENT: AugmentOptions = {
  ...DEFAULT_AUGMENT,
  affine: 0.3,
  erode: 0.04,
  blur: 0.04,
  contrast: 0.06,
  gamma: 0.05,
  background: 0.04,
  speckles: 0.04,
  noise: 0.05,
  maxShift: 2,
  scale: [0.9, 1.1],
};

/**
 * The default, with a change of viewpoint on half the pictures. Garments and outliers get it alike, so
 * that a new view of one of the 10 kinds stays in scope and only a new kind reads as out of scope.
 */
export const POSE_AUGMENT: AugmentOptions = { ...DEFAULT_AUGMENT, pose: 0.5, poseJitter: 0.2 };

/**
 * The change of viewpoint, and on a third of the pictures what preprocessing leaves of a person around
 * a garment worn by a model (a shop's catalogue photo), garments and outliers alike.
 */
export const WORN_AUGMENT: AugmentOptions = { ...POSE_AUGMENT, worn: 1 / 3 };

/**
 * How photos differ from Fashion-MNIST's scans: the default, plus rotation, changes of aspect and the
 * change of viewpoint at POSE_AUGMENT's rate, and a person's residue at WORN_AUGMENT's. The out-of-scope threshold is fitted on validation images
 * augmented so (lib/ood/fit-model-detector.ts): a perspective warp gives Fashion-MNIST items the
 * in-scope scores of real garment photos, where the other changes alone leave them surer; a person's
 * residue does the same for a shop's photos of worn garments.
 */
export const PHOTO_AUGMENT: AugmentOptions = {
  ...DEFAULT_AUGMENT,
  rotate: 15,
  stretch: 0.2,
  pose: POSE_AUGMENT.pose,
  poseJitter: POSE_AUGMENT.poseJitter,
  worn: WORN_AUGMENT.worn,
};

export const AUGMENT_PRESETS = { default: DEFAULT_AUGMENT, light: LIGHT_AUGMENT, photo: PHOTO_AUGMENT, pose: POSE_AUGMENT, worn: WORN_AUGMENT, none: null } as const;

const N = IMAGE_SIZE;
const C = (N - 1) / 2;

interface Affine {
  flip: boolean;
  scale: number;
  dx: number;
  dy: number;
  /** Rotation in radians, and the log of the width-to-height change. */
  angle: number;
  aspect: number;
}

/** Bilinear resample with optional flip, rotation, scale and aspect about the centre, and shift; outside is black. */
function affine(src: Float32Array, dst: Float32Array, t: Affine): void {
  // Where each output pixel comes from: undo the shift, the scale per axis, then the rotation.
  const [cos, sin] = [Math.cos(t.angle), Math.sin(t.angle)];
  const [sxScale, syScale] = [t.scale * Math.exp(t.aspect / 2), t.scale * Math.exp(-t.aspect / 2)];
  for (let y = 0; y < N; y++) {
    const v = (y - C - t.dy) / syScale;
    for (let x = 0; x < N; x++) {
      const u = ((t.flip ? N - 1 - x : x) - C - t.dx) / sxScale;
      dst[y * N + x] = bilinear(src, N, cos * u + sin * v + C, -sin * u + cos * v + C);
    }
  }
}

/**
 * The projective map that takes the unit square's corners (0,0), (1,0), (1,1), (0,1) to `corners`
 * (the closed form for a square to a quadrilateral).
 */
export function squareToQuad(corners: [number, number][]): (u: number, v: number) => [number, number] {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = corners;
  const [dx1, dx2, dx3] = [x1 - x2, x3 - x2, x0 - x1 + x2 - x3];
  const [dy1, dy2, dy3] = [y1 - y2, y3 - y2, y0 - y1 + y2 - y3];
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (dx3 * dy2 - dx2 * dy3) / den;
  const h = (dx1 * dy3 - dx3 * dy1) / den;
  const [a, b, d, e] = [x1 - x0 + g * x1, x3 - x0 + h * x3, y1 - y0 + g * y1, y3 - y0 + h * y3];
  return (u, v) => {
    const w = g * u + h * v + 1;
    return [(a * u + b * v + x0) / w, (d * u + e * v + y0) / w];
  };
}

const poseCanvas = new Float32Array(CANVAS * CANVAS);

/**
 * A new viewpoint: `img` warped by a random projective map (each corner moved by up to `jitter` of the
 * side), then cropped to the object and its long side fitted to N px, centred.
 */
function pose(img: Float32Array, flip: boolean, jitter: number, rng: Rng): void {
  const j = () => rng.uniform(-jitter, jitter);
  const warp = squareToQuad([[j(), j()], [1 + j(), j()], [1 + j(), 1 + j()], [j(), 1 + j()]]);
  for (let y = 0; y < CANVAS; y++) {
    for (let x = 0; x < CANVAS; x++) {
      const [u, v] = warp((x + 0.5 - CANVAS_OFFSET) / N, (y + 0.5 - CANVAS_OFFSET) / N);
      const sx = u * N - 0.5;
      poseCanvas[y * CANVAS + x] = bilinear(img, N, flip ? N - 1 - sx : sx, v * N - 0.5);
    }
  }
  fitObject(poseCanvas, img);
}

/** 3x3 neighbourhood filter: `min` erodes the object's edges, `mean` blurs. */
function filter3(img: Float32Array, tmp: Float32Array, kind: 'min' | 'mean', mix: number): void {
  tmp.set(img);
  for (let y = 0; y < N; y++) {
    for (let x = 0; x < N; x++) {
      let acc = kind === 'min' ? Infinity : 0;
      let n = 0;
      for (let j = -1; j <= 1; j++) {
        for (let i = -1; i <= 1; i++) {
          const yy = y + j;
          const xx = x + i;
          if (kind === 'min' && i !== 0 && j !== 0) continue; // a cross erodes less than a square
          const v = yy < 0 || yy >= N || xx < 0 || xx >= N ? 0 : tmp[yy * N + xx];
          if (kind === 'min') acc = Math.min(acc, v);
          else acc += v;
          n++;
        }
      }
      const out = kind === 'min' ? acc : acc / n;
      img[y * N + x] = tmp[y * N + x] * (1 - mix) + out * mix;
    }
  }
}

/** Augments one image in place (`img` holds 784 values in [0, 1]); `tmp` is scratch of the same size. */
export function augmentImage(img: Float32Array, tmp: Float32Array, rng: Rng, o: AugmentOptions = DEFAULT_AUGMENT): void {
  const flip = rng.chance(o.flip);
  // Drawn only when asked for, so the other presets draw the numbers they always did.
  if (o.pose && rng.chance(o.pose)) {
    pose(img, flip, o.poseJitter ?? 0, rng);
  } else if (rng.chance(o.affine)) {
    const scale = rng.uniform(o.scale[0], o.scale[1]);
    const [dx, dy] = [rng.uniform(-o.maxShift, o.maxShift), rng.uniform(-o.maxShift, o.maxShift)];
    // Drawn only when asked for, so the other presets draw the numbers they always did.
    const angle = o.rotate ? (rng.uniform(-o.rotate, o.rotate) * Math.PI) / 180 : 0;
    const aspect = o.stretch ? rng.uniform(-o.stretch, o.stretch) : 0;
    tmp.set(img);
    affine(tmp, img, { flip, scale, dx, dy, angle, aspect });
  } else if (flip) {
    for (let y = 0; y < N; y++) img.subarray(y * N, y * N + N).reverse();
  }
  // Drawn only when asked for, so the other presets draw the numbers they always did.
  if (o.worn && rng.chance(o.worn)) addWornResidue(img, rng);
  if (rng.chance(o.erode)) filter3(img, tmp, 'min', rng.uniform(0.4, 1));
  if (rng.chance(o.blur)) filter3(img, tmp, 'mean', rng.uniform(0.3, 0.8));
  if (rng.chance(o.contrast)) {
    const c = rng.uniform(0.7, 1.2);
    for (let i = 0; i < PIXELS; i++) img[i] *= c;
  }
  if (rng.chance(o.gamma)) {
    const g = Math.exp(rng.uniform(Math.log(0.7), Math.log(1.4)));
    for (let i = 0; i < PIXELS; i++) img[i] = Math.pow(Math.min(1, img[i]), g);
  }
  if (rng.chance(o.background)) {
    // A faint, slightly uneven level where the background was not fully removed.
    const base = rng.uniform(0.02, 0.12);
    const gx = rng.uniform(-0.04, 0.04);
    const gy = rng.uniform(-0.04, 0.04);
    for (let y = 0; y < N; y++) {
      for (let x = 0; x < N; x++) {
        const level = Math.max(0, base + (gx * (x - C) + gy * (y - C)) / C);
        img[y * N + x] = Math.max(img[y * N + x], level);
      }
    }
  }
  if (rng.chance(o.speckles)) {
    // Specks of leftover background: small dots, only where the image is dark.
    for (let k = 1 + rng.int(6); k > 0; k--) {
      const y = rng.int(N - 1);
      const x = rng.int(N - 1);
      const v = rng.uniform(0.1, 0.5);
      const size = rng.chance(0.5) ? 2 : 1;
      for (let j = 0; j < size; j++) {
        for (let i = 0; i < size; i++) {
          const p = (y + j) * N + x + i;
          if (img[p] < 0.05) img[p] = v;
        }
      }
    }
  }
  if (rng.chance(o.noise)) {
    const sigma = rng.uniform(0.01, 0.05);
    for (let i = 0; i < PIXELS; i++) img[i] += sigma * rng.normal();
  }
  for (let i = 0; i < PIXELS; i++) img[i] = img[i] < 0 ? 0 : img[i] > 1 ? 1 : img[i];
}

/**
 * Fills `out` (batch x 784 floats) with the images at `indices` of a byte dataset, scaled to [0, 1]
 * and augmented unless `options` is null.
 */
export function makeBatch(
  images: Uint8Array,
  indices: ArrayLike<number>,
  out: Float32Array,
  rng: Rng,
  options: AugmentOptions | null = DEFAULT_AUGMENT,
): void {
  const tmp = new Float32Array(PIXELS);
  for (let b = 0; b < indices.length; b++) {
    const img = out.subarray(b * PIXELS, (b + 1) * PIXELS);
    const src = images.subarray(indices[b] * PIXELS, (indices[b] + 1) * PIXELS);
    for (let i = 0; i < PIXELS; i++) img[i] = src[i] / 255;
    if (options) augmentImage(img, tmp, rng, options);
  }
}
