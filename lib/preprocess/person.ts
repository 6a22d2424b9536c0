import { label } from './components';
import { findFace } from './face';
import { findHem } from './hem';
import { hasFaceColour, matchesSkin, skinModel, ycc } from './skin';
import type { SkinModel, Ycc } from './skin';
import { keepObject } from './select';
import { countSet, open } from './morphology';
import type { Box, Mask, RgbaImage } from './types';

/**
 * Worn garments. A shop shows a top, a dress or a jacket on a person, head to thighs; Fashion-MNIST shows
 * the garment alone. When the object is a person (a face at the top centre of a tall object), the garment
 * is what they wear below the chin, without their skin (neck, arms, hands, legs, whose colour is learnt
 * from the face) and without the other garment (the trousers below a top, told by their colours).
 * Without a face the object is left as it is: a garment laid flat, hung or shot alone, or trousers, which
 * a shop frames from the waist or the chest down.
 */

/** A skin region whose centre is this near the middle (in object widths), from the chin, is the neckline. */
const NECKLINE_REACH = 0.12;
/** A skin region covering this share of the torso's middle is a skin-coloured garment (a beige T-shirt). */
const GARMENT_SHARE = 0.4;

/** The mean colour of each labelled region (indexed by label), over the pixels from `from` on. */
function meanColours(img: RgbaImage, labels: Int32Array, count: number, from: number): Ycc[] {
  const sums = Array.from({ length: count + 1 }, () => ({ luma: 0, cb: 0, cr: 0, n: 0 }));
  for (let p = from; p < labels.length; p++) {
    if (!labels[p]) continue;
    const i = p * 4;
    const { luma, cb, cr } = ycc(img.data[i], img.data[i + 1], img.data[i + 2]);
    const s = sums[labels[p]];
    s.luma += luma;
    s.cb += cb;
    s.cr += cr;
    s.n++;
  }
  return sums.map((s) => ({ luma: s.luma / (s.n || 1), cb: s.cb / (s.n || 1), cr: s.cr / (s.n || 1) }));
}

/**
 * Removes the person's skin from `mask` (rows from `chin` down), in place: arms, hands and legs. Two kinds
 * of skin-coloured region stay: the neckline (the neck and a V-neck below the chin, in the middle; cut
 * out, it reads as a shirt's open collar) and a region covering the middle of the torso, which is the
 * garment itself, unless it has the face's own colour (a bare torso).
 */
function removeSkin(img: RgbaImage, mask: Mask, box: Box, chin: number, model: SkinModel): void {
  const { width: w } = img;
  const bottom = box.y + box.height;
  const skin = new Uint8Array(mask.data.length);
  for (let y = chin; y < bottom; y++) {
    for (let p = y * w + box.x; p < y * w + box.x + box.width; p++) {
      const i = p * 4;
      if (mask.data[p] && matchesSkin(model, img.data[i], img.data[i + 1], img.data[i + 2])) skin[p] = 1;
    }
  }
  const { labels, components } = label({ width: mask.width, height: mask.height, data: skin });
  // The torso's middle: the central fifth of the object's width, over the top third below the chin.
  const middle = { x: Math.ceil(box.x + box.width * 0.4), y: chin, width: 0, height: Math.ceil((bottom - chin) / 3) };
  middle.width = Math.ceil(box.x + box.width * 0.6) - middle.x;
  const inMiddle = new Float64Array(components.length + 1);
  for (let y = middle.y; y < middle.y + middle.height; y++) {
    for (let x = middle.x; x < middle.x + middle.width; x++) inMiddle[labels[y * w + x]]++;
  }
  const colours = meanColours(img, labels, components.length, chin * w);
  const keep = new Uint8Array(components.length + 1);
  const centre = box.x + box.width / 2;
  for (const c of components) {
    const neckline = c.box.y <= chin + 2 && Math.abs(c.cx - centre) < box.width * NECKLINE_REACH && c.cy < middle.y + middle.height;
    const garment = inMiddle[c.label] > GARMENT_SHARE * middle.width * middle.height && !hasFaceColour(model, colours[c.label]);
    keep[c.label] = +(neckline || garment);
  }
  for (let p = chin * w; p < mask.data.length; p++) if (labels[p] && !keep[labels[p]]) mask.data[p] = 0;
}

/** Last row of `mask` with a set pixel, plus one (or `from` if none is set below it). */
function bottomOf(mask: Mask, from: number): number {
  for (let y = mask.height - 1; y >= from; y--) {
    if (mask.data.subarray(y * mask.width, (y + 1) * mask.width).some((v) => v)) return y + 1;
  }
  return from;
}

/** Opening the garment's mask may take away at most this share of it... */
const KEPT_BY_OPENING = 0.75;
/** ...unless what is left is this small a share of the person's box: the fringe of a body wearing nothing. */
const FRINGE_SHARE = 0.03;

/** The garment's part of `mask` (whose bounding box is `box`): `mask` itself unless a person was found. */
export function focusOnGarment(img: RgbaImage, mask: Mask, box: Box | null): Mask {
  if (!box || box.height < box.width * 1.2 || box.height < 20) return mask;
  const face = findFace(img, mask, box);
  if (!face) return mask;
  const chin = face.box.y + face.box.height;
  const out = new Uint8Array(mask.data.length);
  out.set(mask.data.subarray(chin * mask.width), chin * mask.width);
  const garment = { width: mask.width, height: mask.height, data: out };
  const model = skinModel(img.data, face.pixels);
  if (model) removeSkin(img, garment, box, chin, model);
  const bottom = bottomOf(garment, chin);
  const hem = findHem(img, garment, box.x, box.x + box.width, chin, bottom);
  if (hem >= 0) out.fill(0, hem * mask.width);
  // Opened, so the fringe that segmentation leaves along the removed skin goes too; unless the garment
  // is so broken up (a light print partly taken for skin) that opening would take much of it.
  const opened = keepObject(open(garment, 1));
  const whole = keepObject(garment);
  const [openedArea, wholeArea] = [countSet(opened), countSet(whole)];
  const fringeOnly = wholeArea < FRINGE_SHARE * box.width * box.height;
  return fringeOnly || openedArea >= KEPT_BY_OPENING * wholeArea ? opened : whole;
}
