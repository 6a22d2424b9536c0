/**
 * Bins by comparison instead of arithmetic. For a step function g of float32 values that never decreases,
 * g(x) is the number of thresholds at or below x, where threshold k is the least float32 at which g reaches
 * k. Comparisons are cheaper than the logarithms or divisions that g may take.
 */

const f32 = new Float32Array(1);
const bits = new Int32Array(f32.buffer);

/** Float32 values in order, as integers: ..., -0 -> 0, +0 -> 0, smallest positive -> 1, ... */
function fromOrdinal(o: number): number {
  bits[0] = o >= 0 ? o : -o | 0x80000000;
  return f32[0];
}

const INF = 0x7f800000;

/** The least float32 x with g(x) >= k, for k = 1..count; +Infinity if g never gets there. */
export function stepThresholds(g: (x: number) => number, count: number): Float32Array {
  const out = new Float32Array(count);
  for (let k = 1; k <= count; k++) {
    let lo = -INF;
    let hi = INF;
    if (g(fromOrdinal(hi)) < k) {
      out[k - 1] = Infinity;
      continue;
    }
    // Binary search over the float32 values in order; g(hi) >= k throughout.
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (g(fromOrdinal(mid)) >= k) hi = mid;
      else lo = mid;
    }
    out[k - 1] = g(fromOrdinal(lo)) >= k ? fromOrdinal(lo) : fromOrdinal(hi);
  }
  return out;
}

/**
 * Whether g really steps up only at the thresholds near them: g is checked at the `reach` float32 values
 * on either side of each threshold. (Elsewhere g is far from its next step, so rounding cannot make it
 * go back down.)
 */
export function checkThresholds(g: (x: number) => number, thresholds: Float32Array, reach = 16): boolean {
  for (let k = 1; k <= thresholds.length; k++) {
    const t = thresholds[k - 1];
    if (!Number.isFinite(t)) continue;
    f32[0] = t;
    const o = bits[0] >= 0 ? bits[0] : -(bits[0] & 0x7fffffff);
    for (let d = -reach; d <= reach; d++) {
      const x = fromOrdinal(o + d);
      if ((g(x) >= k) !== x >= t) return false;
    }
  }
  return true;
}
