/**
 * A model soup (Wortsman et al. 2022): the element-wise mean of the weights of several runs
 * fine-tuned from one model. Such runs stay in one basin of the loss, so their mean is a model as
 * good as each and often better (here: a better out-of-scope detector), at the cost of one model.
 * Runs trained from scratch, or from different models, share no basin: their mean is noise.
 */

/** Each run's weights in the same order (`model.weights`): the mean, tensor by tensor. */
export function averageWeights(runs: Float32Array[][]): Float32Array[] {
  if (runs.length === 0) throw new Error('a soup needs at least one model');
  const [first, ...rest] = runs;
  for (const [r, run] of rest.entries()) {
    if (run.length !== first.length) throw new Error(`model ${r + 2} has ${run.length} weight tensors, model 1 has ${first.length}`);
    run.forEach((w, i) => {
      if (w.length !== first[i].length) throw new Error(`weight tensor ${i + 1} of model ${r + 2} has ${w.length} values, model 1's has ${first[i].length}`);
    });
  }
  return first.map((_, i) => {
    const mean = new Float32Array(first[i].length);
    for (const run of runs) for (let j = 0; j < mean.length; j++) mean[j] += run[i][j];
    for (let j = 0; j < mean.length; j++) mean[j] /= runs.length;
    return mean;
  });
}

/** The model the runs were all fine-tuned from (their `continuedFrom`), or an error naming the odd one out. */
export function commonStart(runs: { version: string; continuedFrom?: unknown }[]): string {
  const start = runs[0]?.continuedFrom;
  if (typeof start !== 'string') throw new Error(`${runs[0]?.version ?? 'the first model'} was not fine-tuned from another model (trained with --from)`);
  const odd = runs.find((r) => r.continuedFrom !== start);
  if (odd) throw new Error(`${odd.version} was fine-tuned from ${String(odd.continuedFrom ?? 'nothing')}, not from ${start}: only runs from one model can be averaged`);
  return start;
}
