/**
 * Fashion-MNIST shows footwear in profile with the toe to the left: the heel and the collar are on the
 * right. A shoe whose heel end is on the left is mirrored to match; upright objects (garments) are left
 * as they are.
 *
 * The heel end is told from two cues, each in object heights: it is the higher end of the top outline
 * (a collar, a heel counter, a boot's shaft; the toe stays low even where it looks bulky), and the fuller
 * end at the very tip (a toe tapers; a heel ends square, on a thicker sole). Either alone misleads on
 * some shoes: a low-top sneaker's collar dips below its laces, a flat sandal's straps are as high at the
 * toe as at the heel.
 */

/**
 * Wider than this (width / height), an object is a shoe in profile: it is turned when the cues lean a
 * little. (Less would also turn flip-flops whose two ends look alike and garments with spread sleeves.)
 */
const PROFILE = 1.2;
const PROFILE_MARGIN = 0.1;
/**
 * From this up to PROFILE, it may be a shoe seen from three quarters (heel up and away, toe down and
 * near) or an upright garment. Garments are about symmetric; such a shoe leans clearly.
 */
const THREE_QUARTER = 0.7;
const THREE_QUARTER_MARGIN = 0.4;
/** The share of the length at each end whose fullness is compared. */
const TIP = 0.15;

/** Whether a side x side coverage map (0..1) shows a shoe with its heel end on the left. */
export function heavierOnLeft(coverage: Float32Array, side: number): boolean {
  const top: number[] = [];
  const mass: number[] = [];
  let x0 = side;
  let x1 = -1;
  let y0 = side;
  let y1 = -1;
  for (let x = 0; x < side; x++) {
    let first = -1;
    let count = 0;
    for (let y = 0; y < side; y++) {
      if (coverage[y * side + x] <= 0.3) continue;
      if (first < 0) first = y;
      count++;
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
    if (first < 0) continue;
    x0 = Math.min(x0, x);
    x1 = x;
    top.push(first);
    mass.push(count);
  }
  const n = top.length;
  if (n === 0) return false;
  const height = y1 - y0 + 1;
  const aspect = (x1 - x0 + 1) / height;
  if (aspect < THREE_QUARTER) return false; // upright: garments are not turned
  const mean = (v: number[]) => v.reduce((s, t) => s + t, 0) / Math.max(1, v.length);
  const third = Math.max(1, Math.floor(n / 3));
  const tip = Math.max(1, Math.round(TIP * n));
  // Top rows grow downwards: a higher top on the left is a smaller mean there.
  const higherLeft = (mean(top.slice(n - third)) - mean(top.slice(0, third))) / height;
  const fullerLeft = (mean(mass.slice(0, tip)) - mean(mass.slice(n - tip))) / height;
  return higherLeft + fullerLeft > (aspect >= PROFILE ? PROFILE_MARGIN : THREE_QUARTER_MARGIN);
}

/** Mirror image left to right. */
export function mirror(values: Float32Array, side: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) out[y * side + x] = values[y * side + side - 1 - x];
  }
  return out;
}
