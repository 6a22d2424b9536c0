import { backgroundDistance, borderIndices, dropObjectModes, fitBackground } from './background';
import { opaqueMask } from './color';
import { features } from './features';
import type { Features } from './features';
import { otsu } from './filters';
import { close, countSet, open } from './morphology';
import { objectLogOdds } from './refine';
import { fillHoles, hysteresis, keepObject } from './select';
import type { Mask, RgbaImage } from './types';

export interface Segmentation {
  mask: Mask;
  /** Distance of each pixel from the background model, in background spreads. */
  distance: Float32Array;
  threshold: number;
  /** The mask before refinement (for debugging). */
  initial: Mask;
}

/** Share of border pixels that must be transparent for alpha alone to separate the object. */
const TRANSPARENT_BORDER = 0.5;
/** Thresholds on the distance map (in background spreads): no object is ever fainter than MIN_T. */
const MIN_T = 4;
const MAX_T = 20;
const REFINE_STEPS = 3;
/** A pixel this close to the background model (in spreads) is background-coloured for sure. */
const BACKGROUND_MATCH = 2;

/** Distance from the background by colour and texture, and by colour alone. */
function distanceMaps(f: Features | null, opaque: Uint8Array, border: Int32Array): [Float32Array, Float32Array] {
  const n = opaque.length;
  if (!f) {
    const d = new Float32Array(n);
    for (let p = 0; p < n; p++) d[p] = opaque[p] ? MAX_T * 2 : 0;
    return [d, d];
  }
  const fitted = fitBackground(f.planes, f.floors, border.filter((p) => opaque[p] === 1));
  const modes = dropObjectModes(f.planes, fitted, f.width, f.height);
  const all = backgroundDistance(f.planes, modes);
  const colour = backgroundDistance(f.planes, modes, 3);
  for (let p = 0; p < n; p++) {
    if (!opaque[p]) {
      all[p] = 0;
      colour[p] = 0;
    }
  }
  return [all, colour];
}

/**
 * Peels off up to `steps` layers of outline pixels whose colour matches the background: texture and
 * smoothing make the mask spill a little beyond the object's edge.
 */
function peel(mask: Mask, colourDistance: Float32Array, t: number, steps: number): Mask {
  const { width: w, height: h } = mask;
  const m = new Uint8Array(mask.data);
  for (let s = 0; s < steps; s++) {
    const drop: number[] = [];
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const p = y * w + x;
        if (!m[p] || colourDistance[p] >= t) continue;
        const edge =
          (x > 0 && !m[p - 1]) || (x < w - 1 && !m[p + 1]) || (y > 0 && !m[p - w]) || (y < h - 1 && !m[p + w]);
        if (edge) drop.push(p);
      }
    }
    if (drop.length === 0) break;
    for (const p of drop) m[p] = 0;
  }
  return { width: w, height: h, data: m };
}

/** Open (unless that erases everything), close, keep the main piece(s), fill holes. */
function clean(mask: Mask, bgLike: Uint8Array): Mask {
  const r = Math.max(1, Math.round(Math.min(mask.width, mask.height) / 120));
  const opened = open(mask, r);
  // A very thin object would vanish under opening: then keep it as it is.
  let m = countSet(opened) > 0 ? opened : mask;
  m = close(m, r);
  m = keepObject(m);
  return fillHoles(m, bgLike);
}

/** Separates the object from the background: a mask of the object's pixels, or null if none stands out. */
export function segment(img: RgbaImage): Segmentation | null {
  const { width: w, height: h } = img;
  const n = w * h;
  const opaque = opaqueMask(img);
  const border = borderIndices(w, h);
  const transparent = border.reduce((s, p) => s + (opaque[p] ? 0 : 1), 0);
  const alphaMode = border.length > 0 && transparent >= TRANSPARENT_BORDER * border.length;
  const f = alphaMode ? null : features(img);
  const [distance, colourDistance] = distanceMaps(f, opaque, border);

  const tHigh = Math.min(MAX_T, Math.max(MIN_T, otsu(distance, 0, 3 * MAX_T)));
  const tLow = Math.max(MIN_T, Math.min(6, tHigh * 0.5));
  const strong = new Uint8Array(n);
  const weak = new Uint8Array(n);
  const bgLike = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    strong[p] = distance[p] >= tHigh ? 1 : 0;
    weak[p] = distance[p] >= tLow ? 1 : 0;
    bgLike[p] = distance[p] < BACKGROUND_MATCH ? 1 : 0;
  }
  const seeded = hysteresis({ width: w, height: h, data: weak }, strong);
  if (countSet(seeded) === 0) return null;
  const initial = clean(seeded, bgLike);
  let mask = initial;
  if (f) {
    const cache = {};
    for (let step = 0; step < REFINE_STEPS; step++) {
      const logit = objectLogOdds({ features: f, distance }, mask, cache);
      const next = new Uint8Array(n);
      for (let p = 0; p < n; p++) next[p] = logit[p] > 0 && opaque[p] ? 1 : 0;
      if (countSet({ width: w, height: h, data: next }) === 0) break;
      // Cheap clean-up between steps, the full one at the end.
      const last = step === REFINE_STEPS - 1;
      mask = last ? clean({ width: w, height: h, data: next }, bgLike) : keepObject({ width: w, height: h, data: next });
    }
  }
  const peeled = peel(mask, colourDistance, tLow, Math.max(1, Math.round(Math.min(w, h) / 60)));
  if (countSet(peeled) > 0) mask = peeled;
  return { mask, distance, threshold: tHigh, initial };
}
