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

export interface Segmentation {
  mask: Mask;
  /** Set pixels of the mask. */
  area: number;
  /** Distance of each pixel from the background model, in background spreads. */
  distance: Float32Array;
  threshold: number;
  /** The mask before refinement (for debugging), bit-packed. */
  initial: BitMask;
}

/** An object covering less of the image than this is treated as noise. */
export const MIN_AREA_SHARE = 0.005;
/** Share of border pixels that must be transparent for alpha alone to separate the object. */
const TRANSPARENT_BORDER = 0.5;
/** Thresholds on the distance map (in background spreads): no object is ever fainter than MIN_T. */
const MIN_T = 4;
const MAX_T = 20;
const REFINE_STEPS = 3;
/** A pixel this close to the background model (in spreads) is background-coloured for sure. */
const BACKGROUND_MATCH = 2;

/**
 * Distance from the background `modes` by colour and texture (every pixel), and by colour alone (asked
 * for a few object pixels only, so computed on demand). Transparent pixels are at distance 0. Without
 * features (alpha alone separates the object), every opaque pixel is far.
 */
function distanceMaps(
  f: Features | null,
  modes: BackgroundMode[],
  opaque: Uint8Array | null,
  n: number,
): [Float32Array, (p: number) => number] {
  if (!f) {
    const d = new Float32Array(n);
    for (let p = 0; p < n; p++) d[p] = !opaque || opaque[p] ? MAX_T * 2 : 0;
    return [d, (p) => d[p]];
  }
  const distance = backgroundDistance(f.planes, modes);
  for (let p = 0; opaque && p < n; p++) if (!opaque[p]) distance[p] = 0;
  return [distance, (p) => (opaque && !opaque[p] ? 0 : distanceAt(f.planes, modes, 3, p))];
}

/** Open (unless that erases everything), close, keep the main piece(s), fill holes. */
function clean(mask: BitMask, bgLike: (p: number) => boolean): BitMask {
  const r = Math.max(1, Math.round(Math.min(mask.width, mask.height) / 120));
  // A very thin object would vanish under opening: then it is only closed.
  const m = keepObject(openCloseBits(mask, r));
  return fillHoles(m, bgLike);
}

/**
 * Separates the object from the background: a mask of the object's pixels, or null if none stands out.
 * When the background model leaves too little to be a garment, it has taken the garment in: a dark
 * garment filling the frame is a border colour too, and its light, folds or print can vary so much over
 * its middle that dropObjectModes does not see it there. Then the mode most present in the centre is
 * taken for the garment, and the object is separated again from the other modes.
 */
export function segment(img: RgbaImage): Segmentation | null {
  const { width: w, height: h } = img;
  const n = w * h;
  const opaque = opaqueMask(img);
  const border = borderIndices(w, h);
  const transparent = opaque ? border.reduce((s, p) => s + (opaque[p] ? 0 : 1), 0) : 0;
  const alphaMode = border.length > 0 && transparent >= TRANSPARENT_BORDER * border.length;
  const f = alphaMode ? null : features(img);
  if (!f) return separate(img, null, [], opaque);
  const fitted = fitBackground(f.planes, f.floors, opaque ? border.filter((p) => opaque[p] === 1) : border);
  const modes = dropObjectModes(f.planes, fitted, w, h);
  const seg = separate(img, f, modes, opaque);
  if ((seg && seg.area >= MIN_AREA_SHARE * n) || modes.length < 2) return seg;
  return separate(img, f, dropMostCentral(f.planes, modes, w, h), opaque) ?? seg;
}

/** The object's mask given the background model (`modes`, or alpha alone when there are no features). */
function separate(img: RgbaImage, f: Features | null, modes: BackgroundMode[], opaque: Uint8Array | null): Segmentation | null {
  const { width: w, height: h } = img;
  const opaqueBits = opaque && pack({ width: w, height: h, data: opaque });
  const [distance, colourDistance] = distanceMaps(f, modes, opaque, w * h);

  const tHigh = Math.min(MAX_T, Math.max(MIN_T, otsu(distance, 0, 3 * MAX_T)));
  const tLow = Math.max(MIN_T, Math.min(6, tHigh * 0.5));
  const weak = atLeast(distance, tLow, w, h);
  const bgLike = (p: number) => distance[p] < BACKGROUND_MATCH;
  // Masks are bit-packed (bitmask.ts) until the end: morphology and regions are much cheaper so.
  const seeded = hysteresis(weak, (p) => distance[p] >= tHigh);
  if (!anySet(seeded)) return null;
  const initial = clean(seeded, bgLike);
  let bits = initial;
  if (f) {
    const cache = {};
    for (let step = 0; step < REFINE_STEPS; step++) {
      const logit = objectLogOdds({ features: f, distance }, bits, cache);
      // logit > 0: every positive float32 is at least the least positive double.
      let next = atLeast(logit, Number.MIN_VALUE, w, h);
      if (opaqueBits) next = and(next, opaqueBits);
      if (!anySet(next)) break;
      // Cheap clean-up between steps, the full one at the end.
      bits = step === REFINE_STEPS - 1 ? clean(next, bgLike) : keepObject(next);
    }
  }
  const [mask, area] = peel(bits, colourDistance, tLow, Math.max(1, Math.round(Math.min(w, h) / 60)));
  return { mask, area, distance, threshold: tHigh, initial };
}
