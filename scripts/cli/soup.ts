/**
 * Averages the weights of runs fine-tuned from one model (a model soup, lib/model/soup.ts), then
 * calibrates, tests and fits the out-of-scope threshold of the mean as `npm run train` does for a
 * trained model, and writes it (by default over public/model/). Uses the validation split the runs
 * held out (same --val and --seed).
 *
 *   npm run soup -- [--out DIR] [--val N] [--seed N] RUN_DIR RUN_DIR...
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { loadSplit } from '../../lib/data/shards';
import { logitsModel } from '../../lib/model/architecture';
import { holdOut } from '../../lib/model/dataset';
import { predictAll } from '../../lib/model/predict';
import { averageWeights, commonStart } from '../../lib/model/soup';
import { useWasmBackend } from '../../lib/tf/backend';
import { readFromDir, SHARD_DIR } from '../../lib/node/fashion-mnist';
import { finishModel } from '../support/finish-model';
import { BUNDLED_MODEL_DIR, loadModelFrom } from '../support/model-folder';
import { asUserError, numberOption, runCli, UserError } from '../support/run-cli';

async function main(): Promise<void> {
  const { values: args, positionals: runDirs } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: BUNDLED_MODEL_DIR },
      val: { type: 'string', default: '5000' },
      seed: { type: 'string', default: '42' },
    },
  });
  const log = (line: string) => process.stdout.write(`${line}\n`);
  if (runDirs.length < 2) throw new UserError('name two or more model folders to average');
  const seed = numberOption('seed', args.seed, { whole: true });
  const validationCount = numberOption('val', args.val, { whole: true, min: 1 });

  await useWasmBackend();
  const runs = await Promise.all(runDirs.map((dir) => loadModelFrom(dir)));
  // Runs that cannot be averaged are the user's to choose again.
  const start = asUserError(() => commonStart(runs.map((r) => ({ version: r.metadata.version, continuedFrom: r.metadata.training.continuedFrom }))));
  const mean = asUserError(() => averageWeights(runs.map((r) => r.model.getWeights().map((w) => w.dataSync() as Float32Array))));
  // The soup takes the first run's layers; each run's own temperature, folded into its logits layer,
  // is averaged with the rest, and finishModel fits the soup's own on top of it.
  const model = runs[0].model;
  tf.tidy(() => model.setWeights(mean.map((values, i) => tf.tensor(values, model.weights[i].shape as number[]))));
  for (const run of runs.slice(1)) run.model.dispose();
  log(`Averaged ${runs.length} runs fine-tuned from ${start}: ${runs.map((r) => r.metadata.version).join(', ')}`);

  const read = readFromDir(SHARD_DIR);
  const split = holdOut(await loadSplit(read, 'train'), validationCount, seed);
  const validationLogits = predictAll(logitsModel(model), split.validation.images, split.validation.count);
  const first = runs[0].metadata.training;
  const metadata = await finishModel(model, {
    validation: split.validation,
    validationLogits,
    garments: split.train,
    test: await loadSplit(read, 'test'),
    out: args.out,
    log,
    training: {
      data: 'Fashion-MNIST training split',
      method: 'mean of the weights of runs fine-tuned from one model (model soup)',
      trainImages: split.train.count,
      validationImages: split.validation.count,
      architecture: first.architecture,
      soupOf: runs.map(({ metadata: m }) => ({
        version: m.version,
        test: m.test?.accuracy,
        ...Object.fromEntries(['outliers', 'outlierKinds', 'epochs', 'schedule', 'augment', 'seed', 'seconds'].map((k) => [k, m.training[k]])),
      })),
      continuedFrom: start,
      continuedFromTraining: first.continuedFromTraining,
      seed,
    },
  });
  log(`Wrote ${metadata.version} (${(metadata.weights.bytes / 1024).toFixed(0)} KiB of weights) to ${args.out}`);
}

await runCli(main);
