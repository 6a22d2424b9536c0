/** How well a score tells in-scope pictures (higher scores) from out-of-scope ones. */

/** The probability that a random in-scope picture scores above a random out-of-scope one (ties count half). */
export function auroc(inScope: ArrayLike<number>, outOfScope: ArrayLike<number>): number {
  const all = [...Array.from(inScope, (v) => ({ v, inside: true })), ...Array.from(outOfScope, (v) => ({ v, inside: false }))]
    .sort((a, b) => a.v - b.v);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j].v === all[i].v) j++;
    const rank = (i + 1 + j) / 2; // mean rank of a run of ties
    for (let k = i; k < j; k++) if (all[k].inside) rankSum += rank;
    i = j;
  }
  const [n, m] = [inScope.length, outOfScope.length];
  return n && m ? (rankSum - (n * (n + 1)) / 2) / (n * m) : NaN;
}

/** The share of `scores` below `threshold`: what the detector calls out of scope. */
export function flaggedShare(scores: ArrayLike<number>, threshold: number): number {
  let n = 0;
  for (let i = 0; i < scores.length; i++) if (!(scores[i] >= threshold)) n++;
  return scores.length ? n / scores.length : 0;
}

/** The score below which a share `q` of `scores` lies (linear interpolation between order statistics). */
export function quantile(scores: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(scores).sort();
  if (sorted.length === 0) return NaN;
  const at = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
}

/** The share of out-of-scope pictures still called in scope at the threshold that keeps 95% of the in-scope ones. */
export function fprAt95(inScope: ArrayLike<number>, outOfScope: ArrayLike<number>): number {
  const threshold = quantile(inScope, 0.05);
  return 1 - flaggedShare(outOfScope, threshold);
}
