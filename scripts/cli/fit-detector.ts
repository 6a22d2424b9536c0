/**
 * Fits the out-of-scope threshold of a saved model again, without touching its weights, and rewrites
 * its metadata.json: for when the way the detector is fitted changes. Uses the validation split that
 * `npm run train` held out (same --val and --seed).
 *
 *   npm run fit-detector -- [--model DIR] [--val N] [--seed N]
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSplit } from '../../lib/data/shards';
import { METADATA_FILE } from '../../lib/model/contract';
import { holdOut } from '../../lib/model/dataset';
import { disposeModel } from '../../lib/model/predict';
import { fitModelDetector } from '../../lib/ood/fit-model-detector';
import { useWasmBackend } from '../../lib/tf/backend';
import { readFromDir, SHARD_DIR } from '../../lib/node/fashion-mnist';
import { BUNDLED_MODEL_DIR, loadModelFrom } from '../support/model-folder';
import { numberOption, runCli } from '../support/run-cli';

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      model: { type: 'string', default: BUNDLED_MODEL_DIR },
      val: { type: 'string', default: '5000' },
      seed: { type: 'string', default: '42' },
    },
  });

  const validationCount = numberOption('val', args.val, { whole: true, min: 1 });
  const seed = numberOption('seed', args.seed, { whole: true });

  await useWasmBackend();
  const { model, metadata } = await loadModelFrom(args.model);
  const split = holdOut(await loadSplit(readFromDir(SHARD_DIR), 'train'), validationCount, seed);
  const outOfScope = fitModelDetector(model, split.validation, split.train);
  disposeModel(model);
  await writeFile(join(args.model, METADATA_FILE), JSON.stringify({ ...metadata, outOfScope }, null, 1));
  const pct = (v: number) => `${(100 * v).toFixed(2)}%`;
  console.log(`${metadata.version}: threshold ${metadata.outOfScope.threshold.toFixed(4)} -> ${outOfScope.threshold.toFixed(4)}; ` +
    `calls ${pct(outOfScope.fit.inScopeFlagged)} of ${outOfScope.fit.inScopeCount} photo-augmented validation images and ` +
    `${pct(outOfScope.fit.outliersFlagged)} of ${outOfScope.fit.outlierCount} outliers out of scope (AUROC ${outOfScope.fit.auroc.toFixed(3)})`);
}

await runCli(main);
