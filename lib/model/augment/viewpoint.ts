/**
 * A change of viewpoint: the picture warped as if photographed from another angle (a garment from
 * above, a shoe from three quarters), then cropped to the object and fitted to the square, as
 * preprocessing crops a photo.
 */
import { bilinear, CANVAS, CANVAS_OFFSET, fitObject } from '../framing';
import type { Rng } from '../rng';
import { SIDE } from './square-image';

/**
 * The projective map that takes the unit square's corners (0,0), (1,0), (1,1), (0,1) to `corners`
 * (the closed form for a square to a quadrilateral).
 */
export function squareToQuad(corners: [number, number][]): (u: number, v: number) => [number, number] {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = corners;
  const [dx1, dx2, dx3] = [x1 - x2, x3 - x2, x0 - x1 + x2 - x3];
  const [dy1, dy2, dy3] = [y1 - y2, y3 - y2, y0 - y1 + y2 - y3];
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (dx3 * dy2 - dx2 * dy3) / den;
  const h = (dx1 * dy3 - dx3 * dy1) / den;
  const [a, b, d, e] = [x1 - x0 + g * x1, x3 - x0 + h * x3, y1 - y0 + g * y1, y3 - y0 + h * y3];
  return (u, v) => {
    const w = g * u + h * v + 1;
    return [(a * u + b * v + x0) / w, (d * u + e * v + y0) / w];
  };
}

const canvas = new Float32Array(CANVAS * CANVAS);

/**
 * A new viewpoint: `img` warped by a random projective map (each corner moved by up to `jitter` of the
 * side), then cropped to the object and its long side fitted to SIDE px, centred.
 */
export function changeViewpoint(img: Float32Array, flip: boolean, jitter: number, rng: Rng): void {
  const j = () => rng.uniform(-jitter, jitter);
  const warp = squareToQuad([[j(), j()], [1 + j(), j()], [1 + j(), 1 + j()], [j(), 1 + j()]]);
  for (let y = 0; y < CANVAS; y++) {
    for (let x = 0; x < CANVAS; x++) {
      const [u, v] = warp((x + 0.5 - CANVAS_OFFSET) / SIDE, (y + 0.5 - CANVAS_OFFSET) / SIDE);
      const sx = u * SIDE - 0.5;
      canvas[y * CANVAS + x] = bilinear(img, SIDE, flip ? SIDE - 1 - sx : sx, v * SIDE - 0.5);
    }
  }
  fitObject(canvas, img);
}
