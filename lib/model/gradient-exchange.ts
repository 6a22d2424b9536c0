/**
 * The arithmetic that merges data-parallel replicas' parts of a step: which images each replica
 * takes, the weighted mean of their gradients and the whole batch's batch-norm statistics from
 * theirs. The shares and gradients travel as messages (moved, not copied, where they can be): a
 * step's gradients are a few hundred kilobytes, copied in well under a millisecond, so no shared
 * memory is needed, and with it no cross-origin isolation of the extension's pages.
 */

export interface Share {
  start: number;
  count: number;
}

/** `n` images cut into `parts` consecutive shares whose sizes differ by one at most. */
export function splitBatch(n: number, parts: number): Share[] {
  if (n < parts) throw new Error(`a batch of ${n} cannot be shared by ${parts} replicas`);
  return Array.from({ length: parts }, (_, i) => {
    const start = Math.floor((i * n) / parts);
    return { start, count: Math.floor(((i + 1) * n) / parts) - start };
  });
}

/** out = sum of weights[i] * parts[i], in one fixed order so every run gives the same bits. */
export function weightedMeanInto(out: Float32Array, parts: Float32Array[], weights: number[]): void {
  for (let j = 0; j < out.length; j++) {
    let sum = 0;
    for (let i = 0; i < parts.length; i++) sum += weights[i] * parts[i][j];
    out[j] = sum;
  }
}

/**
 * The whole batch's statistics from its shares', in train-graph's (mean, variance) pairs: the
 * weighted mean of the means, and of each share's variance plus its mean's squared distance from
 * the whole mean (so the spread between shares counts, as it would in one batch).
 */
export function combineBatchStats(stats: Float32Array[], weights: number[]): Float32Array {
  const out = new Float32Array(stats[0].length);
  for (let at = 0; at < out.length; at += 2) {
    let mean = 0;
    for (let i = 0; i < stats.length; i++) mean += weights[i] * stats[i][at];
    let variance = 0;
    for (let i = 0; i < stats.length; i++) variance += weights[i] * (stats[i][at + 1] + (stats[i][at] - mean) ** 2);
    out[at] = mean;
    out[at + 1] = variance;
  }
  return out;
}
