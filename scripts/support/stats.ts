/** Small statistics for the benchmarks: medians, quoted as the brief asks. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median milliseconds of `n` runs of each of `fs` after `warm` untimed ones, the functions timed in
 * turn within each round (so all see the same load on the machine); notes its progress on stderr.
 */
export async function interleavedMedians(label: string, fs: (() => unknown)[], n: number, warm = 2): Promise<number[]> {
  process.stderr.write(`timing ${label}...\n`);
  const times: number[][] = fs.map(() => []);
  for (let round = 0; round < warm + n; round++) {
    for (const [i, f] of fs.entries()) {
      const t = performance.now();
      await f();
      if (round >= warm) times[i].push(performance.now() - t);
    }
  }
  return times.map(median);
}

/** The same for one function. */
export async function timedMedian(label: string, f: () => unknown, n: number, warm = 2): Promise<number> {
  return (await interleavedMedians(label, [f], n, warm))[0];
}
