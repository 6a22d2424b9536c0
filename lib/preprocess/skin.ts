/**
 * Skin colour. Each classic rule misses some skin tones or lighting and takes in some cloth, and they err
 * in different places, so a pixel is skin when two of three colour spaces say so. Once a face is found,
 * the person's own skin is told by its likeness to the face's chroma (`SkinModel`), which keeps a beige
 * shirt apart from the arms of the person wearing it far better than any fixed box.
 */

/** Chroma (Cb, Cr) of an sRGB pixel, BT.601, 0..255. */
export function chroma(r: number, g: number, b: number): [number, number] {
  return [128 - 0.168736 * r - 0.331264 * g + 0.5 * b, 128 + 0.5 * r - 0.418688 * g - 0.081312 * b];
}

/** YCbCr: the box of Chai and Ngan (1999), with a floor on luma (deep shadow has no reliable chroma). */
function ycbcrSkin(r: number, g: number, b: number): boolean {
  const { luma, cb, cr } = ycc(r, g, b);
  return luma > 40 && cb >= 77 && cb <= 127 && cr >= 133 && cr <= 173;
}

/** HSV: a red-to-yellow hue, moderately saturated, not dark. */
function hsvSkin(r: number, g: number, b: number): boolean {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max < 60 || max === min) return false;
  const s = (max - min) / max;
  if (s < 0.1 || s > 0.7) return false;
  // Hue in degrees; skin lies between red (0) and yellow (60), never past it.
  const hue = max === r ? (60 * (g - b)) / (max - min) : max === g ? 120 + (60 * (b - r)) / (max - min) : 240;
  return hue >= -10 && hue <= 50;
}

/** RGB: the rule of Kovač, Peer and Solina (2003) for daylight. */
function rgbSkin(r: number, g: number, b: number): boolean {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  return r > 95 && g > 40 && b > 20 && max - min > 15 && Math.abs(r - g) > 15 && r > g && r > b;
}

/** Skin by the vote of the three colour spaces: at least two agree. */
export function isSkin(r: number, g: number, b: number): boolean {
  return +ycbcrSkin(r, g, b) + +hsvSkin(r, g, b) + +rgbSkin(r, g, b) >= 2;
}

/** A colour as luma and chroma, BT.601, 0..255. */
export interface Ycc {
  luma: number;
  cb: number;
  cr: number;
}

export function ycc(r: number, g: number, b: number): Ycc {
  const [cb, cr] = chroma(r, g, b);
  return { luma: 0.299 * r + 0.587 * g + 0.114 * b, cb, cr };
}

/** One person's skin: the mean colour of their face, and the spread of its chroma. */
export interface SkinModel extends Ycc {
  /** Spreads, floored so a face of a few flat pixels still allows for light and shade. */
  sdCb: number;
  sdCr: number;
}

/** Chroma spread below which a face's own spread is not trusted (JPEG flattens small faces). */
const MIN_SPREAD = 3;

/** The skin model of the pixels `indices` of `data` (RGBA), or null for none. */
export function skinModel(data: ArrayLike<number>, indices: ArrayLike<number>): SkinModel | null {
  const n = indices.length;
  if (n === 0) return null;
  const sum = { luma: 0, cb: 0, cr: 0, cb2: 0, cr2: 0 };
  for (let k = 0; k < n; k++) {
    const i = indices[k] * 4;
    const { luma, cb, cr } = ycc(data[i], data[i + 1], data[i + 2]);
    sum.luma += luma;
    sum.cb += cb;
    sum.cr += cr;
    sum.cb2 += cb * cb;
    sum.cr2 += cr * cr;
  }
  const [cb, cr] = [sum.cb / n, sum.cr / n];
  const spread = (sq: number, mean: number) => Math.max(MIN_SPREAD, Math.sqrt(Math.max(0, sq / n - mean * mean)));
  return { luma: sum.luma / n, cb, cr, sdCb: spread(sum.cb2, cb), sdCr: spread(sum.cr2, cr) };
}

/**
 * Whether a pixel is this person's skin: within `reach` spreads of the face's chroma (an ellipse), and not
 * so dark or so washed out that chroma says nothing.
 */
export function matchesSkin(model: SkinModel, r: number, g: number, b: number, reach = 2.5): boolean {
  const { luma, cb, cr } = ycc(r, g, b);
  if (luma < 35 || luma > 250) return false;
  return chromaDistance(model, cb, cr) <= reach;
}

/** Distance of a chroma from the face's, in the face's spreads. */
function chromaDistance(model: SkinModel, cb: number, cr: number): number {
  return Math.hypot((cb - model.cb) / model.sdCb, (cr - model.cr) / model.sdCr);
}

/**
 * A region whose mean colour is within this much luma (0..255) and one spread of chroma of the face's is
 * bare skin, even over the torso: the light shirts that the skin model takes in are all lighter or darker.
 */
const BARE_LUMA = 8;

/** Whether a region of mean colour `mean` has the face's own colour: bare skin rather than cloth. */
export function hasFaceColour(model: SkinModel, mean: Ycc): boolean {
  return Math.abs(mean.luma - model.luma) < BARE_LUMA && chromaDistance(model, mean.cb, mean.cr) < 1;
}
