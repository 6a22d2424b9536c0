import { borderIndices, dropMostCentral, dropObjectModes, fitBackground } from './background';
import type { BackgroundMode } from './background';
import { backgroundDistance, distanceAt } from './distance';
import { opaqueMask } from './color';
import { features } from './features';
import type { Features } from './features';
import { otsu } from './filters';
import { and, anySet, atLeast, pack } from './bitmask';
import type { BitMask } from './bitmask';
import { openCloseBits } from './morphology';
import { peel } from './peel';
import { objectLogOdds } from './refine';
import { fillHoles, hysteresis, keepObject } from './select';
import type { Mask, RgbaImage } from './types';

/**
 * Separating the garment from the background of a photo. Distances are in background spreads: how many
 * standard deviations of the background's colour and texture a pixel lies from the nearest background
 * mode (distance.ts).
 */

export interface Segmentation {
  mask: Mask;
  /** Set pixels of the mask. */
  area: number;
}

/** An object covering less of the image than this is treated as noise. */
export const MIN_AREA_SHARE = 0.005;
/** Share of border pixels that must be transparent for alpha alone to separate the object. */
const TRANSPARENT_BORDER = 0.5;
/**
 * The range of the threshold that seeds the object (Otsu's, clamped): nothing fainter than
 * FAINTEST_OBJECT spreads is ever an object, and past MOST_DISTINCT spreads every pixel is one for sure.
 */
const FAINTEST_OBJECT = 4;
const MOST_DISTINCT = 20;
/** Pixels of the object may be this much fainter than its seeds, down to 6 spreads at most. */
const GROW_SHARE = 0.5;
const GROW_FLOOR = 6;
/** Refinement steps: each re-reads the object's and the background's colours from the mask before it. */
const REFINE_STEPS = 3;
/** A pixel this close to the background model is background-coloured for sure. */
const BACKGROUND_MATCH = 2;
/**
 * The clean-up's radius is the image's short side over CLEANUP_DIVISOR (2 px at the 320 px working
 * size): enough to cut threads of shadow and JPEG noise, not a garment's strap. The outline is peeled
 * over twice that, the width texture smears it by.
 */
const CLEANUP_DIVISOR = 120;
const PEEL_DIVISOR = 60;

/**
 * Distance from the background `modes` by colour and texture (every pixel), and by colour alone (asked
 * for a few outline pixels only, so computed on demand). Transparent pixels are at distance 0. Without
 * features (alpha alone separates the object), every opaque pixel is far.
 */
function distanceMaps(
  imageFeatures: Features | null,
  modes: BackgroundMode[],
  opaque: Uint8Array | null,
  pixels: number,
): { distance: Float32Array; colourDistance: (p: number) => number } {
  if (!imageFeatures) {
    const distance = new Float32Array(pixels);
    for (let p = 0; p < pixels; p++) distance[p] = !opaque || opaque[p] ? MOST_DISTINCT * 2 : 0;
    return { distance, colourDistance: (p) => distance[p] };
  }
  const distance = backgroundDistance(imageFeatures.planes, modes);
  for (let p = 0; opaque && p < pixels; p++) if (!opaque[p]) distance[p] = 0;
  const colourDistance = (p: number) => (opaque && !opaque[p] ? 0 : distanceAt(imageFeatures.planes, modes, 3, p));
  return { distance, colourDistance };
}

/** Open (unless that erases everything), close, keep the main piece(s), fill holes. */
function clean(mask: BitMask, backgroundLike: (p: number) => boolean): BitMask {
  const radius = Math.max(1, Math.round(Math.min(mask.width, mask.height) / CLEANUP_DIVISOR));
  // A very thin object would vanish under opening: then it is only closed.
  return fillHoles(keepObject(openCloseBits(mask, radius)), backgroundLike);
}

/**
 * Separates the object from the background: a mask of the object's pixels, or null if none stands out.
 * When the background model leaves too little to be a garment, it has taken the garment in: a dark
 * garment filling the frame is a border colour too, and its light, folds or print can vary so much over
 * its middle that dropObjectModes does not see it there. Then the mode most present in the centre is
 * taken for the garment, and the object is separated again from the other modes.
 */
export function segment(img: RgbaImage): Segmentation | null {
  const { width, height } = img;
  const opaque = opaqueMask(img);
  const border = borderIndices(width, height);
  const transparent = opaque ? border.reduce((sum, p) => sum + (opaque[p] ? 0 : 1), 0) : 0;
  if (border.length > 0 && transparent >= TRANSPARENT_BORDER * border.length) return separate(img, null, [], opaque);

  const imageFeatures = features(img);
  const opaqueBorder = opaque ? border.filter((p) => opaque[p] === 1) : border;
  const fitted = fitBackground(imageFeatures.planes, imageFeatures.floors, opaqueBorder);
  const modes = dropObjectModes(imageFeatures.planes, fitted, width, height);
  const found = separate(img, imageFeatures, modes, opaque);
  if ((found && found.area >= MIN_AREA_SHARE * width * height) || modes.length < 2) return found;
  return separate(img, imageFeatures, dropMostCentral(imageFeatures.planes, modes, width, height), opaque) ?? found;
}

/**
 * The object's mask given the background model (`modes`, or alpha alone when there are no features):
 * seeds far from the background, grown through fainter pixels (hysteresis), cleaned, refined a few times
 * by the colours on either side of the mask, and peeled of an outline that still has the background's
 * colour.
 */
function separate(img: RgbaImage, imageFeatures: Features | null, modes: BackgroundMode[], opaque: Uint8Array | null): Segmentation | null {
  const { width, height } = img;
  const opaqueBits = opaque && pack({ width, height, data: opaque });
  const { distance, colourDistance } = distanceMaps(imageFeatures, modes, opaque, width * height);

  const seedThreshold = Math.min(MOST_DISTINCT, Math.max(FAINTEST_OBJECT, otsu(distance, 0, 3 * MOST_DISTINCT)));
  const growThreshold = Math.max(FAINTEST_OBJECT, Math.min(GROW_FLOOR, seedThreshold * GROW_SHARE));
  const backgroundLike = (p: number) => distance[p] < BACKGROUND_MATCH;
  // Masks are bit-packed (bitmask.ts) until the end: morphology and regions are much cheaper so.
  const grown = hysteresis(atLeast(distance, growThreshold, width, height), (p) => distance[p] >= seedThreshold);
  if (!anySet(grown)) return null;
  let bits = clean(grown, backgroundLike);
  if (imageFeatures) {
    const cache = {};
    for (let step = 0; step < REFINE_STEPS; step++) {
      const logOdds = objectLogOdds({ features: imageFeatures, distance }, bits, cache);
      // Log-odds > 0: every positive float32 is at least the least positive double.
      let next = atLeast(logOdds, Number.MIN_VALUE, width, height);
      if (opaqueBits) next = and(next, opaqueBits);
      if (!anySet(next)) break;
      // Cheap clean-up between steps, the full one at the end.
      bits = step === REFINE_STEPS - 1 ? clean(next, backgroundLike) : keepObject(next);
    }
  }
  const peelWidth = Math.max(1, Math.round(Math.min(width, height) / PEEL_DIVISOR));
  const [mask, area] = peel(bits, colourDistance, growThreshold, peelWidth);
  return { mask, area };
}
