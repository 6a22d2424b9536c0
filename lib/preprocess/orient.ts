/**
 * Fashion-MNIST shows footwear in profile with the toe to the left: the heel and the collar, the taller
 * end, are on the right. A wide object whose left end is clearly the taller is mirrored to match; upright
 * objects (garments) are left as they are.
 */

/**
 * Whether a side x side coverage map (0..1) of a wide object has its taller end on the left: the mean
 * height of the object's top edge over its left third is clearly above that over its right third. (The
 * top edge, not the mass: in a three-quarter view the toe looks bulky but stays low.)
 */
export function heavierOnLeft(coverage: Float32Array, side: number): boolean {
  const top = new Array<number>(side).fill(-1);
  let y0 = side;
  let y1 = -1;
  for (let x = 0; x < side; x++) {
    for (let y = 0; y < side; y++) {
      if (coverage[y * side + x] <= 0.3) continue;
      if (top[x] < 0) top[x] = y;
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  const cols = top.map((t, x) => (t >= 0 ? x : -1)).filter((x) => x >= 0);
  if (cols.length === 0) return false;
  const x0 = cols[0];
  const x1 = cols[cols.length - 1];
  const height = y1 - y0 + 1;
  if (x1 - x0 + 1 < height * 1.2) return false; // upright: garments are not turned
  const third = Math.max(1, Math.floor((x1 - x0 + 1) / 3));
  const meanTop = (from: number, to: number) => {
    const ts = top.slice(from, to).filter((t) => t >= 0);
    return ts.reduce((s, t) => s + t, 0) / Math.max(1, ts.length);
  };
  const left = meanTop(x0, x0 + third);
  const right = meanTop(x1 + 1 - third, x1 + 1);
  return right - left > 0.15 * height;
}

/** Mirror image left to right. */
export function mirror(values: Float32Array, side: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) out[y * side + x] = values[y * side + side - 1 - x];
  }
  return out;
}
