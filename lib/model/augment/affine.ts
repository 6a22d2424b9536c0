/** The usual geometric changes: a mirror image, a shift, a scale, and for photos a turn and a change of aspect. */
import { bilinear } from '../framing';
import type { Rng } from '../rng';
import type { AugmentOptions } from './presets';
import { CENTRE, SIDE } from './square-image';

interface Affine {
  flip: boolean;
  scale: number;
  dx: number;
  dy: number;
  /** Rotation in radians, and the log of the width-to-height change. */
  angle: number;
  aspect: number;
}

/** Draws an affine change within the options' limits. */
export function drawAffine(rng: Rng, o: AugmentOptions, flip: boolean): Affine {
  const scale = rng.uniform(o.scale[0], o.scale[1]);
  const [dx, dy] = [rng.uniform(-o.maxShift, o.maxShift), rng.uniform(-o.maxShift, o.maxShift)];
  // Drawn only when asked for, so the other presets draw the numbers they always did.
  const angle = o.rotate ? (rng.uniform(-o.rotate, o.rotate) * Math.PI) / 180 : 0;
  const aspect = o.stretch ? rng.uniform(-o.stretch, o.stretch) : 0;
  return { flip, scale, dx, dy, angle, aspect };
}

/** Bilinear resample with optional flip, rotation, scale and aspect about the centre, and shift; outside is black. */
export function resampleAffine(src: Float32Array, dst: Float32Array, t: Affine): void {
  // Where each output pixel comes from: undo the shift, the scale per axis, then the rotation.
  const [cos, sin] = [Math.cos(t.angle), Math.sin(t.angle)];
  const [sxScale, syScale] = [t.scale * Math.exp(t.aspect / 2), t.scale * Math.exp(-t.aspect / 2)];
  for (let y = 0; y < SIDE; y++) {
    const v = (y - CENTRE - t.dy) / syScale;
    for (let x = 0; x < SIDE; x++) {
      const u = ((t.flip ? SIDE - 1 - x : x) - CENTRE - t.dx) / sxScale;
      dst[y * SIDE + x] = bilinear(src, SIDE, cos * u + sin * v + CENTRE, -sin * u + cos * v + CENTRE);
    }
  }
}

/** The mirror image, left for right, and nothing else. */
export function mirror(img: Float32Array): void {
  for (let y = 0; y < SIDE; y++) img.subarray(y * SIDE, y * SIDE + SIDE).reverse();
}
