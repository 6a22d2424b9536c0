import type { BackgroundMode } from './background';
import { scratchF32 } from './scratch';

/**
 * Per pixel, the distance to the nearest background mode in units of that mode's spreads, over the four
 * features. In scratch memory (scratch.ts): valid until the next image.
 *
 * The exact definition divides each feature's offset by the spread; dividing is slow, so the offsets are
 * multiplied by the spreads' reciprocals instead. That changes the square root by a few double ulps at
 * most (under 2^-49 of it), which decides its float32 rounding unless the value lies that close to a
 * float32 rounding boundary: then (rarely) the pixel is computed the exact way.
 */
export function backgroundDistance(features: Float32Array[], modes: BackgroundMode[]): Float32Array {
  const [f0, f1, f2, f3] = features;
  const n = f0.length;
  const out = scratchF32('distance', n, false);
  // Centres and reciprocal spreads of the modes side by side, four numbers per mode.
  const m = Float64Array.from(modes.flatMap((mode) => mode.center.slice(0, 4)));
  const inv = Float64Array.from(modes.flatMap((mode) => mode.spread.slice(0, 4)), (s) => 1 / s);
  for (let p = 0; p < n; p++) {
    let best = Infinity;
    for (let k = 0; k < m.length; k += 4) {
      const z0 = (f0[p] - m[k]) * inv[k];
      const z1 = (f1[p] - m[k + 1]) * inv[k + 1];
      const z2 = (f2[p] - m[k + 2]) * inv[k + 2];
      const z3 = (f3[p] - m[k + 3]) * inv[k + 3];
      const d = z0 * z0 + z1 * z1 + z2 * z2 + z3 * z3;
      if (d < best) best = d;
    }
    const v = sureFloat32(Math.sqrt(best));
    out[p] = v === v ? v : distanceAt(features, modes, 4, p);
  }
  return out;
}

/** The float32 nearest v if every value within 2^-46 of v (relative) rounds to it too, else NaN. */
function sureFloat32(v: number): number {
  const lo = Math.fround(v * (1 - 2 ** -46));
  return lo === Math.fround(v * (1 + 2 ** -46)) ? lo : NaN;
}

/**
 * Pixel p's distance to the nearest mode over the first `channels` features, by the exact definition
 * (3 channels: by colour alone), as a float32.
 */
export function distanceAt(features: Float32Array[], modes: BackgroundMode[], channels: number, p: number): number {
  let best = Infinity;
  for (const { center, spread } of modes) {
    let d = 0;
    for (let c = 0; c < channels; c++) {
      const z = (features[c][p] - center[c]) / spread[c];
      d += z * z;
    }
    if (d < best) best = d;
  }
  return Math.fround(Math.sqrt(best));
}
