/**
 * Procedurally drawn pictures of things that are none of the 10 kinds, made the way preprocessing
 * makes a photo into the model's input (light object on black, long side fitted to 28 px, centred):
 * rings with or without straps, pairs of lenses, strips and ties, domes with a brim, boxes, blobs,
 * triangles, text-like strokes, and full-frame gradients, noise and textures. The detector learns what
 * is *not* a garment from these and from pictures made out of Fashion-MNIST (outlier-set.ts);
 * no photo of any real object is involved. Pure and seeded: the same seed draws the same pictures.
 */
import { IMAGE_SIZE, PIXELS } from '../classes';
import { fitToSquare } from '../preprocess/resample';
import type { Rng } from '../model/rng';

/** Side of the canvas shapes are drawn on before they are fitted to 28x28. */
const S = 64;

/** Signed distance to a shape: negative inside. */
type Sdf = (x: number, y: number) => number;

const ellipse = (cx: number, cy: number, rx: number, ry: number, angle = 0): Sdf => {
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  return (x, y) => {
    const u = ((x - cx) * c + (y - cy) * s) / rx;
    const v = (-(x - cx) * s + (y - cy) * c) / ry;
    return (Math.hypot(u, v) - 1) * Math.min(rx, ry);
  };
};

const box = (cx: number, cy: number, hw: number, hh: number, angle = 0, round = 0): Sdf => {
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  return (x, y) => {
    const u = Math.abs((x - cx) * c + (y - cy) * s) - hw + round;
    const v = Math.abs(-(x - cx) * s + (y - cy) * c) - hh + round;
    return Math.hypot(Math.max(u, 0), Math.max(v, 0)) + Math.min(Math.max(u, v), 0) - round;
  };
};

/** A segment from (ax, ay) to (bx, by) whose half-width goes from ra to rb. */
const stroke = (ax: number, ay: number, bx: number, by: number, ra: number, rb = ra): Sdf => (x, y) => {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy) - (ra + (rb - ra) * t);
};

const polygon = (points: [number, number][]): Sdf => (x, y) => {
  let d = Infinity;
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    d = Math.min(d, stroke(xi, yi, xj, yj, 0)(x, y));
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? -d : d;
};

const union = (...shapes: Sdf[]): Sdf => (x, y) => Math.min(...shapes.map((f) => f(x, y)));
const minus = (a: Sdf, b: Sdf): Sdf => (x, y) => Math.max(a(x, y), -b(x, y));
const clipBelow = (a: Sdf, yCut: number): Sdf => (x, y) => Math.max(a(x, y), y - yCut);

const C = S / 2;

/** The shape families, each drawn with random proportions around the canvas centre. */
const SHAPES: ((r: Rng) => Sdf)[] = [
  // a ring: watch face, bracelet, coiled belt; sometimes with straps
  (r) => {
    const R = r.uniform(10, 20);
    const ring = minus(ellipse(C, C, R, R * r.uniform(0.8, 1.2)), ellipse(C, C, R * r.uniform(0.55, 0.85), R * r.uniform(0.5, 0.85)));
    const face = r.chance(0.5) ? ellipse(C, C, R * 0.6, R * 0.6) : box(C, C, R * 0.7, R * 0.7, 0, 3);
    const body = r.chance(0.5) ? union(ring, face) : ring;
    if (!r.chance(0.6)) return body;
    const w = R * r.uniform(0.45, 0.8);
    return union(body, box(C, C - R - 10, w, 12, r.uniform(-0.1, 0.1)), box(C, C + R + 10, w, 12, r.uniform(-0.1, 0.1)));
  },
  // two lenses and a bridge
  (r) => {
    const rx = r.uniform(8, 13);
    const ry = rx * r.uniform(0.6, 1);
    const gap = r.uniform(2, 8);
    const lens = (cx: number) => (r.chance(0.5) ? ellipse(cx, C, rx, ry) : box(cx, C, rx, ry, 0, r.uniform(2, 6)));
    const lenses = union(lens(C - rx - gap / 2), lens(C + rx + gap / 2), stroke(C - gap, C - ry * 0.5, C + gap, C - ry * 0.5, 1.2));
    if (!r.chance(0.5)) return lenses;
    const arm = r.uniform(-0.3, 0.3);
    return union(lenses, stroke(C - 2 * rx - gap / 2, C - ry * 0.4, C - 2 * rx - 14, C - ry * 0.4 + 14 * arm, 1.2));
  },
  // a strip: belt, strap, lanyard; straight, tilted or bent
  (r) => {
    const a = r.uniform(0, Math.PI);
    const len = r.uniform(20, 30);
    const w = r.uniform(1.5, 5);
    const [dx, dy] = [Math.cos(a) * len, Math.sin(a) * len];
    const strip = stroke(C - dx, C - dy, C + dx, C + dy, w);
    if (r.chance(0.4)) return union(strip, box(C - dx * 0.7, C - dy * 0.7, w * 1.6, w * 1.6, a, 1)); // a buckle
    if (r.chance(0.4)) return union(strip, stroke(C + dx, C + dy, C + dx + r.uniform(-15, 15), C + dy + r.uniform(5, 20), w));
    return strip;
  },
  // a tie or a tapered band
  (r) => {
    const w0 = r.uniform(2, 4);
    const w1 = r.uniform(5, 10);
    const tilt = r.uniform(-8, 8);
    const body = stroke(C - tilt, C - 26, C + tilt, C + 22, w0, w1);
    return r.chance(0.5) ? union(body, box(C - tilt, C - 26, w0 * 1.8, w0 * 1.5, 0, 1)) : body;
  },
  // a dome, with or without a brim or a peak
  (r) => {
    const rx = r.uniform(14, 24);
    const ry = rx * r.uniform(0.5, 1.1);
    const base = C + ry * 0.4;
    const dome = clipBelow(ellipse(C, base, rx, ry), base);
    const roll = r.uniform(0, 1);
    if (roll < 0.35) return union(dome, ellipse(C, base, rx * r.uniform(1.2, 1.6), r.uniform(2, 5)));
    if (roll < 0.65) return union(dome, ellipse(C + rx * r.uniform(0.6, 1.1), base, rx * r.uniform(0.5, 0.9), r.uniform(2, 5), r.uniform(-0.2, 0.2)));
    if (roll < 0.8) return union(dome, ellipse(C, base - ry - 1, 3, 3)); // a pompom
    return dome;
  },
  // a box, a bottle, a slab
  (r) => {
    const hw = r.uniform(6, 20);
    const hh = r.uniform(6, 22);
    const body = box(C, C, hw, hh, r.uniform(-0.3, 0.3), r.uniform(0, 5));
    return r.chance(0.4) ? union(body, box(C, C - hh - 3, hw * r.uniform(0.2, 0.5), 4, 0, 1)) : body;
  },
  // an irregular blob or star
  (r) => {
    const n = 5 + r.int(8);
    const spikes = r.chance(0.5);
    const points: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n + r.uniform(-0.2, 0.2);
      const rad = (spikes && i % 2 ? 0.5 : 1) * r.uniform(12, 26);
      points.push([C + Math.cos(a) * rad, C + Math.sin(a) * rad]);
    }
    return polygon(points);
  },
  // a triangle or a V
  (r) => {
    const w = r.uniform(14, 26);
    const h = r.uniform(10, 24);
    const tri = polygon([[C - w, C - h / 2], [C + w, C - h / 2], [C + r.uniform(-4, 4), C + h / 2]]);
    return r.chance(0.5) ? minus(tri, polygon([[C - w * 0.5, C - h / 2 - 1], [C + w * 0.5, C - h / 2 - 1], [C, C]])) : tri;
  },
  // a row or two of text-like strokes
  (r) => {
    const lines = 1 + r.int(2);
    const glyphs = 3 + r.int(5);
    const gw = 44 / glyphs;
    const strokes: Sdf[] = [];
    for (let l = 0; l < lines; l++) {
      const y0 = C - 8 * lines + l * 16;
      for (let g = 0; g < glyphs; g++) {
        const x0 = C - 22 + g * gw;
        for (let k = 1 + r.int(3); k > 0; k--) {
          strokes.push(stroke(x0 + r.uniform(0, gw * 0.8), y0 + r.uniform(0, 12), x0 + r.uniform(0, gw * 0.8), y0 + r.uniform(0, 12), r.uniform(1, 2)));
        }
      }
    }
    return union(...strokes);
  },
];

/** How the inside of a shape is shaded: flat, gradient, stripes, checks, noise or details. */
function shade(r: Rng): (x: number, y: number) => number {
  const base = r.uniform(0.35, 1);
  const kind = r.int(5);
  const a = r.uniform(0, Math.PI);
  const period = r.uniform(3, 10);
  const [c, s] = [Math.cos(a), Math.sin(a)];
  switch (kind) {
    case 0:
      return () => base;
    case 1:
      return (x, y) => base * (0.5 + 0.5 * ((x * c + y * s) / S + 0.5));
    case 2:
      return (x, y) => base * (Math.sin(((x * c + y * s) * 2 * Math.PI) / period) > 0 ? 1 : 0.5);
    case 3:
      return (x, y) => base * ((Math.floor(x / period) + Math.floor(y / period)) % 2 ? 1 : 0.6);
    default: {
      const seed = r.next() * 1000;
      return (x, y) => base * (0.6 + 0.4 * Math.abs(Math.sin(x * 12.9898 + y * 78.233 + seed) * 43758.5453 % 1));
    }
  }
}

/** A full-frame picture with no object: a gradient, noise or a texture (a banner, a landscape). */
function fullFrame(r: Rng, out: Float32Array): void {
  const shading = shade(r);
  const wave = r.uniform(0, 1) < 0.5 ? 0 : r.uniform(0.05, 0.3);
  for (let y = 0; y < IMAGE_SIZE; y++) {
    for (let x = 0; x < IMAGE_SIZE; x++) {
      out[y * IMAGE_SIZE + x] = Math.min(1, Math.max(0, shading(x * 2.3, y * 2.3) + wave * Math.sin(x * 0.7 + y * 0.3 + r.next() * 0.3)));
    }
  }
}

/** Shading of a shape's inside: x, y on the 64x64 canvas to a value in [0, 1]. */
export type Fill = (x: number, y: number) => number;

/** Renders a shape (with its shading) at 64x64, then fits its bounding box to 28x28 as preprocessing does. */
function render(sdf: Sdf, r: Rng, out: Float32Array, fill?: Fill): void {
  const shading = fill ?? shade(r);
  const canvas = new Float32Array(S * S);
  let [x0, y0, x1, y1] = [S, S, -1, -1];
  for (let y = 0; y < S; y++) {
    for (let x = 0; x < S; x++) {
      const cover = Math.max(0, Math.min(1, 0.5 - sdf(x + 0.5, y + 0.5)));
      if (cover <= 0) continue;
      canvas[y * S + x] = cover * shading(x, y);
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  if (x1 < 0) return fullFrame(r, out);
  out.set(fitToSquare(canvas, S, { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 }, IMAGE_SIZE));
  let peak = 0;
  for (let p = 0; p < PIXELS; p++) peak = Math.max(peak, out[p]);
  for (let p = 0; p < PIXELS; p++) out[p] = Math.min(1, out[p] / (peak || 1));
}

/**
 * Draws one outlier into `out` (784 floats in [0, 1]). About 1 in 12 is a full-frame picture. A
 * `fill` (the inside of a garment, say) shades the shape instead of a drawn texture, so that what sets
 * the outlier apart is its shape, not its surface.
 */
export function drawOutlier(r: Rng, out: Float32Array, fill?: Fill): void {
  out.fill(0);
  if (r.chance(1 / 12)) return fullFrame(r, out);
  render(SHAPES[r.int(SHAPES.length)](r), r, out, fill);
}
