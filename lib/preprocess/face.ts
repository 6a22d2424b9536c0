import { label } from './components';
import type { Component } from './components';
import { isSkin } from './skin';
import type { Box, Mask, RgbaImage } from './types';

/** Share of the object's height, from its top, searched for a face. */
const FACE_SEARCH = 0.3;

/** A face: its box (the head's skin down to the chin) and its pixels. */
export interface Face {
  box: Box;
  pixels: number[];
}

/**
 * The face part of a skin region at the top of a person: a face joins the neck and, above a V-neck, the
 * chest, so the face ends at the region's narrowest row below its widest one (the neck).
 */
function faceOf(labels: Int32Array, w: number, c: Component): Face {
  const top = c.box.y;
  const widths: number[] = [];
  for (let y = top; y < top + c.box.height; y++) {
    let n = 0;
    for (let p = y * w + c.box.x; p < y * w + c.box.x + c.box.width; p++) n += +(labels[p] === c.label);
    widths.push(n);
  }
  let widest = 0;
  for (let i = 1; i < Math.ceil(widths.length * 0.6); i++) if (widths[i] > widths[widest]) widest = i;
  let neck = widest;
  for (let i = widest + 1; i < widths.length; i++) if (widths[i] < widths[neck]) neck = i;
  // A face that ends without narrowing ends at the region's end.
  const rows = neck > widest ? neck : widths.length;
  const pixels: number[] = [];
  let x0 = w;
  let x1 = -1;
  for (let y = top; y < top + rows; y++) {
    for (let p = y * w + c.box.x; p < y * w + c.box.x + c.box.width; p++) {
      if (labels[p] !== c.label) continue;
      pixels.push(p);
      x0 = Math.min(x0, p - y * w);
      x1 = Math.max(x1, p - y * w);
    }
  }
  return { box: { x: x0, y: top, width: x1 - x0 + 1, height: rows }, pixels };
}

/** The face: the largest compact, upright skin region centred at the top of a tall object, or null. */
export function findFace(img: RgbaImage, mask: Mask, box: Box): Face | null {
  const { width: w } = img;
  const bottom = box.y + Math.round(box.height * FACE_SEARCH);
  const skin = new Uint8Array(mask.data.length);
  for (let y = box.y; y < bottom; y++) {
    for (let p = y * w + box.x; p < y * w + box.x + box.width; p++) {
      const i = p * 4;
      if (mask.data[p] && isSkin(img.data[i], img.data[i + 1], img.data[i + 2])) skin[p] = 1;
    }
  }
  const { labels, components } = label({ width: mask.width, height: mask.height, data: skin });
  const mid = box.x + box.width / 2;
  const rowWidth = (y: number) => {
    let n = 0;
    for (let x = box.x; x < box.x + box.width; x++) n += mask.data[y * w + x];
    return n;
  };
  const area = box.width * box.height;
  const faces = components
    .filter((c) => Math.abs(c.cx - mid) < box.width * 0.15 && c.box.y <= box.y + box.height * 0.15)
    .map((c) => faceOf(labels, w, c))
    .filter(({ box: f, pixels }) => {
      const shoulders = Math.min(box.y + box.height - 1, f.y + f.height + Math.round(box.height * 0.15));
      return (
        pixels.length >= 0.004 * area &&
        pixels.length <= 0.08 * area && // a head's size
        pixels.length >= 0.4 * f.width * f.height && // compact
        f.width <= box.width * 0.45 &&
        f.height >= f.width * 0.7 && // upright
        rowWidth(Math.round(f.y + f.height / 2)) <= box.width * 0.6 && // the head (and hair) is narrow...
        rowWidth(shoulders) >= 1.8 * f.width // ...the shoulders below it are wide
      );
    })
    .sort((a, b) => b.pixels.length - a.pixels.length);
  return faces[0] ?? null;
}
