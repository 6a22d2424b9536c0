/**
 * The augmentation's settings (augment-image.ts says what each change does), and the presets that
 * training, fine-tuning and the out-of-scope fit use.
 */

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
  /** Probability of drawing what preprocessing leaves of a person around a worn garment (../worn-residue.ts). */
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
 * change of viewpoint at POSE_AUGMENT's rate, and a person's residue at WORN_AUGMENT's. The out-of-scope
 * threshold is fitted on validation images augmented so (lib/ood/fit-model-detector.ts): a perspective
 * warp gives Fashion-MNIST items the in-scope scores of real garment photos, where the other changes
 * alone leave them surer; a person's residue does the same for a shop's photos of worn garments.
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
