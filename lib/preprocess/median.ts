/** Buckets per round of median(): a few values each for the border samples (up to 3000). */
const BUCKETS = 1024;

/**
 * Median as a sort defines it: the element at index n >> 1 of the values in ascending order (the upper
 * middle for an even count), 0 for none. Found by bucket selection: the values are counted into equal-width
 * buckets between their minimum and maximum, only the bucket holding the median is kept, and so on until
 * few values are left to sort. A few linear passes instead of a sort (or quickselect, whose unpredictable
 * comparisons are slow). Bucketing never orders two values against their order, so the result is exact.
 */
export function median(values: Float64Array): number {
  if (values.length === 0) return 0;
  let a = values;
  let k = a.length >> 1;
  const counts = new Int32Array(BUCKETS);
  for (;;) {
    let lo = a[0];
    let hi = a[0];
    for (let i = 1; i < a.length; i++) {
      if (a[i] < lo) lo = a[i];
      if (a[i] > hi) hi = a[i];
    }
    if (lo === hi) return lo;
    const scale = BUCKETS / (hi - lo);
    if (a.length <= 48 || !Number.isFinite(scale)) return a.slice().sort()[k];
    counts.fill(0);
    for (let i = 0; i < a.length; i++) counts[Math.min(BUCKETS - 1, ((a[i] - lo) * scale) | 0)]++;
    let b = 0;
    while (k >= counts[b]) k -= counts[b++];
    const kept = new Float64Array(counts[b]);
    for (let i = 0, j = 0; i < a.length; i++) if (Math.min(BUCKETS - 1, ((a[i] - lo) * scale) | 0) === b) kept[j++] = a[i];
    a = kept;
  }
}
