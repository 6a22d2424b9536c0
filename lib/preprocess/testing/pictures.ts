/**
 * Synthetic pictures of the cases preprocessing used to get wrong (not used by the extension), drawn
 * with plain shapes so that a test knows the right answer.
 */
import { makeImage, rng } from './helpers';
import type { Painter, Rgba } from './helpers';
import type { RgbaImage } from '../types';

const WHITE: Painter = () => [255, 255, 255];

/** A shape given in its own unit square (u right, v down), drawn into the box (x0, y0, w, h). */
type Shape = (u: number, v: number) => Rgba | null;

function inBox(x0: number, y0: number, w: number, h: number, shape: Shape): Painter {
  return (x, y) => {
    const u = (x + 0.5 - x0) / w;
    const v = (y + 0.5 - y0) / h;
    return u < 0 || u >= 1 || v < 0 || v >= 1 ? null : shape(u, v);
  };
}

/** Whether (u, v) is inside the polygon (even-odd rule). */
function insidePolygon(points: [number, number][], u: number, v: number): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [ui, vi] = points[i];
    const [uj, vj] = points[j];
    if (vi > v !== vj > v && u < ((uj - ui) * (v - vi)) / (vj - vi) + ui) inside = !inside;
  }
  return inside;
}

/** The shape mirrored left to right. */
const mirrored = (shape: Shape): Shape => (u, v) => shape(1 - u, v);

const lerp = (a: number, b: number, t: number) => a + (b - a) * Math.min(1, Math.max(0, t));

/** The heel is drawn black, the rest light: the heel is where the result is bright. */
const HEEL: Rgba = [10, 10, 10];
const UPPER: Rgba = [170, 170, 175];
const SOLE: Rgba = [200, 200, 200];

/**
 * A low-top sneaker in profile, toe left (as Fashion-MNIST shows it): a tall, rounded toe box, laces
 * rising to the collar opening, which dips, and a heel counter hardly higher than the toe box.
 */
const sneaker: Shape = (u, v) => {
  if (v >= 0.82) return u > 0.03 || v < 0.95 ? SOLE : null; // the sole, rounded at the toe
  let top: number;
  if (u < 0.12) top = 0.82 - 0.42 * Math.sqrt(1 - ((0.12 - u) / 0.12) ** 2); // the rounded toe
  else if (u < 0.5) top = lerp(0.4, 0.22, (u - 0.12) / 0.38); // the laces
  else if (u < 0.8) top = 0.45; // the collar opening
  else top = 0.3; // the heel counter
  if (v < top) return null;
  return u >= 0.8 ? HEEL : UPPER;
};

/**
 * A flat sport sandal in profile, toe left: a sole thicker under the heel, a strap over the toes, a
 * taller one over the instep and a thin loop round the heel, no higher than the instep strap.
 */
const flatSandal: Shape = (u, v) => {
  const soleTop = lerp(0.84, 0.68, u / 0.9);
  if (v >= soleTop) return u > 0.03 || v > 0.9 ? (u > 0.78 ? HEEL : SOLE) : null;
  const band = (from: number, to: number, top: number) => u >= from && u < to && v >= top;
  if (band(0.12, 0.3, 0.45) || band(0.45, 0.6, 0.25)) return UPPER;
  const loop = Math.abs(Math.hypot((u - 0.86) / 0.1, (v - soleTop) / (soleTop - 0.45)) - 1) < 0.2;
  return u > 0.76 && loop ? HEEL : null;
};

/**
 * A sneaker seen from three quarters, toe left: the heel up and away, the toe down and near, the collar
 * the highest point; nearly as tall as it is wide.
 */
const OUTLINE_3_4: [number, number][] = [
  [0, 0.82], [0.1, 0.6], [0.55, 0.25], [0.7, 0.3], [0.93, 0], [1, 0.08], [0.98, 0.55], [0.2, 1], [0.05, 0.95],
];
const sneakerThreeQuarter: Shape = (u, v) => (insidePolygon(OUTLINE_3_4, u, v) ? (u > 0.82 ? HEEL : UPPER) : null);

export type ShoeKind = 'low-top sneaker' | 'flat sandal' | 'sneaker from three quarters';

const SHOES: Record<ShoeKind, { shape: Shape; w: number; h: number }> = {
  'low-top sneaker': { shape: sneaker, w: 300, h: 130 },
  'flat sandal': { shape: flatSandal, w: 300, h: 110 },
  'sneaker from three quarters': { shape: sneakerThreeQuarter, w: 220, h: 190 },
};

/** A shoe on white, its toe to the left or to the right. */
export function shoe(kind: ShoeKind, toe: 'left' | 'right'): RgbaImage {
  const { shape, w, h } = SHOES[kind];
  const drawn = toe === 'left' ? shape : mirrored(shape);
  return makeImage(w + 80, h + 80, WHITE, inBox(40, 40, w, h, drawn));
}


/**
 * A black pinstriped dress filling a phone photo, laid on a pink blanket: it touches the top and the
 * bottom, and the blanket shows only down the sides. The light falls off towards the top and bottom of
 * the frame, so the dress is darker where it meets the border than in the middle.
 */
export function darkDressFillingTheFrame(): RgbaImage {
  const w = 300;
  const h = 400;
  const light = (y: number) => 1.55 - 2.2 * ((y - h / 2) / h) ** 2;
  const shade = (c: Rgba, k: number): Rgba => [c[0] * k, c[1] * k, c[2] * k];
  const random = rng(5);
  const blanket: Painter = (_, y) => {
    const n = (random() * 2 - 1) * 12;
    return shade([150 + n, 120 + n, 117 + n], light(y));
  };
  const dress: Painter = (x, y) => {
    const sleeves = y >= 14 && y < 110 && x >= 25 && x < w - 25;
    const flare = (y / h) * 25; // the skirt widens a little
    const body = x >= 55 - flare && x < w - 55 + flare;
    if (!sleeves && !body) return null;
    return shade(x % 7 < 1 ? [90, 90, 90] : [16, 16, 19], light(y));
  };
  return makeImage(w, h, blanket, dress);
}

/** Skin tones drawn for the worn-garment tests, light to dark. */
export const SKIN_TONES: Rgba[] = [
  [236, 200, 178],
  [214, 160, 126],
  [168, 112, 80],
  [98, 62, 44],
];

/** What a drawn person wears on top: a T-shirt (short sleeves, bare arms) or nothing. */
export type Top = { kind: 'T-shirt'; colour: Rgba } | { kind: 'nothing' };

const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) =>
  ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

/**
 * A catalogue photo of a person, head to thighs, on white: dark hair, a face, a neck, arms hanging down
 * with their hands, a top (where `inTshirt` says) and, below it, jeans or bare legs.
 */
export function drawnPerson(top: Top, skin: Rgba, legs: 'jeans' | 'bare' = 'jeans'): RgbaImage {
  const hair: Rgba = [40, 30, 25];
  const jeans: Rgba = legs === 'jeans' ? [52, 74, 120] : skin;
  const shirt = top.kind === 'T-shirt' ? top.colour : skin;
  const person: Painter = (x, y) => {
    if (inEllipse(x, y, 150, 62, 26, 33)) return skin; // face
    if (inEllipse(x, y, 150, 48, 31, 28)) return hair;
    if (x >= 138 && x < 162 && y >= 88 && y < 112) return skin; // neck
    if (inTshirt(x, y)) return shirt;
    if (top.kind === 'nothing' && inEllipse(x, y, 150, 108, 16, 10)) return skin;
    if ((x >= 52 && x < 72) || (x >= 228 && x < 248)) {
      if (y >= 112 && y < 270) return skin; // arms
      if (y >= 270 && inEllipse(x, y, x < 150 ? 62 : 238, 282, 12, 16)) return skin; // hands
    }
    if (y >= 255 && x >= 100 && x < 200 && !(y >= 300 && x >= 140 && x < 160)) return jeans;
    return null;
  };
  return makeImage(300, 400, WHITE, person);
}

/** The T-shirt of `drawnPerson`: a body from the shoulders to the hips and short sleeves over the arms. */
export function inTshirt(x: number, y: number): boolean {
  const body = x >= 96 && x < 204 && y >= 108 && y < 262;
  const sleeves = y >= 108 && y < 160 && x >= 48 && x < 252;
  const neckline = inEllipse(x, y, 150, 108, 16, 10);
  return (body || sleeves) && !neckline;
}
