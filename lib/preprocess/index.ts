import { maskBox } from './components';
import { boxDownscale, downscaledSize } from './downscale';
import { normalizePeak, objectIntensity } from './intensity';
import { heavierOnLeft, mirror } from './orient';
import { focusOnGarment } from './person';
import { fitToSquare, sharpen } from './resample';
import { scratchF32 } from './scratch';
import { MIN_AREA_SHARE, segment } from './segment';
import { SIDE } from './types';
import type { Box, Mask, Preprocessed, RgbaImage } from './types';

export type { Box, Preprocessed, RgbaImage } from './types';

/** Long side of the working copy: enough detail for a 28x28 result, cheap to segment. */
export const WORK_SIDE = 320;

/**
 * The size of the working copy of a `width` x `height` image. A caller that decodes the image itself
 * can decode it straight to this size (preprocessing then uses it as it is) and skip reading the
 * full-size pixels.
 */
export function workingSize(width: number, height: number): { width: number; height: number } {
  const { width: w, height: h } = downscaledSize(width, height, WORK_SIDE);
  return { width: w, height: h };
}
/**
 * A light unsharp mask, as Fashion-MNIST's images were sharpened. Not more along the outline: a bright
 * rim made every photographed object look like a Fashion-MNIST scan at its edges, hats and watches
 * included (removing it raised the out-of-scope AUROC on the development photos from 0.80 to 0.86).
 */
const SHARPEN = 1;

const NO_OBJECT_EMPTY =
  'No garment found: the image looks empty or is a single flat colour.';
const NO_GARMENT_WORN = 'No garment found: the picture shows a person wearing nothing the model knows.';
const NO_OBJECT_SEPARATE =
  'No garment could be separated from the background. Try an image where one item stands out from a plain background.';

function noObject(message: string): Preprocessed {
  return { ok: false, reason: 'no-object', message };
}

/** The 28x28 values as a gray, opaque RGBA image. */
export function toPreview(input: Float32Array, side = SIDE): RgbaImage {
  const data = new Uint8ClampedArray(side * side * 4);
  for (let p = 0; p < side * side; p++) {
    const v = Math.round(input[p] * 255);
    data[p * 4] = v;
    data[p * 4 + 1] = v;
    data[p * 4 + 2] = v;
    data[p * 4 + 3] = 255;
  }
  return { width: side, height: side, data };
}

/**
 * Turns any image into the model's input, made the way Fashion-MNIST items were:
 * 1. a cheap box-averaged working copy (long side <= WORK_SIDE);
 * 2. segmentation (segment.ts): background modes from the border's colour and texture, distance map,
 *    Otsu + hysteresis, clean-up, then a few GrabCut-like refinement steps;
 * 3. worn garments (person.ts): the head, the skin and the other garment cut off around the garment;
 * 4. the object's luma negated (dark garment -> bright), floored so white garments still show, background
 *    exactly 0; cropped to the object, long side fitted to 28 px by area averaging, centred;
 * 5. footwear turned toe-left (orient.ts), lightly sharpened, peak scaled to 1.
 * Pure and deterministic: no DOM, no Node APIs.
 */
export function preprocess(image: RgbaImage): Preprocessed {
  if (!(image.width >= 1 && image.height >= 1) || image.data.length < image.width * image.height * 4) {
    return noObject(NO_OBJECT_EMPTY);
  }
  const { image: work, factor } = boxDownscale(image, WORK_SIDE);
  const seg = segment(work);
  if (!seg) return noObject(NO_OBJECT_EMPTY);
  if (seg.area < MIN_AREA_SHARE * work.width * work.height) return noObject(NO_OBJECT_SEPARATE);
  const segBox = maskBox(seg.mask);
  const mask = focusOnGarment(work, seg.mask, segBox);
  const box = mask === seg.mask ? segBox : maskBox(mask);
  if (!box) return noObject(mask === seg.mask ? NO_OBJECT_SEPARATE : NO_GARMENT_WORN);

  let fitted = fitToSquare(objectIntensity(work, mask, box), work.width, box, SIDE);
  let coverage = fitToSquare(maskValues(mask, box), work.width, box, SIDE);
  if (heavierOnLeft(coverage, SIDE)) {
    fitted = mirror(fitted, SIDE);
    coverage = mirror(coverage, SIDE);
  }
  const input = normalizePeak(sharpen(fitted, SIDE, SIDE, SHARPEN));
  return { ok: true, input, preview: toPreview(input), box: toSource(box, factor, image) };
}

/** The mask as 0/1 floats, inside `box` only (fitToSquare reads nothing else). */
function maskValues(mask: Mask, box: Box): Float32Array {
  const out = scratchF32('mask values', mask.data.length);
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let p = y * mask.width + box.x; p < y * mask.width + box.x + box.width; p++) out[p] = mask.data[p];
  }
  return out;
}

function toSource(box: Box, factor: number, image: RgbaImage): Box {
  const x = box.x * factor;
  const y = box.y * factor;
  return {
    x,
    y,
    width: Math.min(image.width, (box.x + box.width) * factor) - x,
    height: Math.min(image.height, (box.y + box.height) * factor) - y,
  };
}
