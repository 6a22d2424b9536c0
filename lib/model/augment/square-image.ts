/** The 28x28 image augmentation works on (light garment on black, values in [0, 1]), and reading it between pixels. */
import { IMAGE_SIZE } from '../../classes';

export const SIDE = IMAGE_SIZE;
/** The image's centre, in the coordinates of pixel centres. */
export const CENTRE = (SIDE - 1) / 2;

/** The pixel at (x, y) of a side x side image; outside is black. */
function texel(img: Float32Array, side: number, y: number, x: number): number {
  return y < 0 || y >= side || x < 0 || x >= side ? 0 : img[y * side + x];
}

/** Bilinear sample of a side x side image at (x, y) in pixel centres; outside is black. */
export function bilinear(img: Float32Array, side: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < -1 || y0 < -1 || x0 >= side || y0 >= side) return 0;
  const fx = x - x0;
  const fy = y - y0;
  return (
    (texel(img, side, y0, x0) * (1 - fx) + texel(img, side, y0, x0 + 1) * fx) * (1 - fy) +
    (texel(img, side, y0 + 1, x0) * (1 - fx) + texel(img, side, y0 + 1, x0 + 1) * fx) * fy
  );
}
