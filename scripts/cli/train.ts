/**
 * Trains the bundled garment classifier on Fashion-MNIST with the WASM backend, calibrates it,
 * tests it and writes it to public/model/ (model.json, weights.bin, metadata.json,
 * training-curves.png).
 *
 *   npm run train -- [--epochs N] [--batch N] [--lr X] [--limit N] [--out DIR] [--arch JSON]
 *                    [--val N] [--seed N] [--wd X] [--smooth X] [--augment default|light|pose|worn|photo|none] [--minutes M] [--from DIR]
 *                    [--outliers N] [--outlier-kinds all|drawn] [--workers N]
 *
 * --workers sets how many worker threads train replicas of the model side by side, each on its share
 * of every batch, their gradients averaged (data-parallel; lib/model/data-parallel.ts): by default one
 * per core, at most 4; 1 trains in this thread as before. The count changes the result a little:
 * batch-norm normalises each share on its own and each worker draws its own dropout masks. While
 * another job keeps a core busy, 1 is faster: every step waits for the slowest worker.
 * --minutes caps the training loop's wall time (the learning-rate schedule follows whichever of
 * steps and time is further along), for runs on a shared machine. --outliers adds N pictures of none
 * of the 10 kinds (lib/ood/outlier-set.ts) with the uniform distribution as their target: drawn ones
 * and ones made from Fashion-MNIST, or, with --outlier-kinds drawn, drawn ones only.
 */
import { parseArgs } from 'node:util';
import { loadSplit } from '../../lib/data/shards';
import { buildModel, countMacs, DEFAULT_ARCHITECTURE, type ArchitectureConfig } from '../../lib/model/architecture';
import { AUGMENT_PRESETS } from '../../lib/model/augment/presets';
import { concat, holdOut, subset } from '../../lib/model/dataset';
import { defaultFitOptions, fit, type FitOptions } from '../../lib/model/fit';
import { OUTLIER_KINDS, outlierSet, type OutlierKinds } from '../../lib/ood/outlier-set';
import { useWasmBackend } from '../../lib/tf/backend';
import { readFromDir, SHARD_DIR } from '../../lib/node/fashion-mnist';
import { finishModel } from '../support/finish-model';
import { BUNDLED_MODEL_DIR, loadModelFrom } from '../support/model-folder';
import { asUserError, numberOption, runCli, UserError } from '../support/run-cli';
import { defaultWorkerCount, startWorkerTrainer } from '../support/worker-replicas';

// cli-progress ships no types: load it untyped and describe the few calls used.
interface Bar {
  start(total: number, value: number, payload: object): void;
  update(value: number, payload: object): void;
  stop(): void;
}
const CLI_PROGRESS = 'cli-progress';
const progress = (await import(CLI_PROGRESS)).default as { SingleBar: new (o: object) => Bar };

/** The run the command line asks for, every value checked before any data is read. */
function readArgs() {
  const { values: args } = parseArgs({
    options: {
      epochs: { type: 'string', default: '10' },
      batch: { type: 'string', default: '64' },
      lr: { type: 'string', default: '0.003' },
      limit: { type: 'string' },
      out: { type: 'string', default: BUNDLED_MODEL_DIR },
      arch: { type: 'string' },
      val: { type: 'string', default: '5000' },
      seed: { type: 'string', default: '42' },
      wd: { type: 'string', default: '0.01' },
      smooth: { type: 'string', default: '0' },
      minutes: { type: 'string' },
      from: { type: 'string' },
      augment: { type: 'string', default: 'default' },
      outliers: { type: 'string', default: '0' },
      'outlier-kinds': { type: 'string', default: 'all' },
      workers: { type: 'string', default: String(defaultWorkerCount()) },
    },
  });
  const { augment, 'outlier-kinds': outlierKinds } = args;
  if (!(augment in AUGMENT_PRESETS)) throw new UserError(`--augment must be one of ${Object.keys(AUGMENT_PRESETS).join(', ')}`);
  if (!OUTLIER_KINDS.includes(outlierKinds as OutlierKinds)) throw new UserError(`--outlier-kinds must be one of ${OUTLIER_KINDS.join(', ')}`);
  return {
    epochs: numberOption('epochs', args.epochs, { whole: true, min: 1 }),
    batchSize: numberOption('batch', args.batch, { whole: true, min: 1 }),
    lr: numberOption('lr', args.lr, { min: 0 }),
    limit: args.limit === undefined ? undefined : numberOption('limit', args.limit, { whole: true, min: 1 }),
    out: args.out,
    architecture: { ...DEFAULT_ARCHITECTURE, ...(args.arch ? asUserError(() => JSON.parse(args.arch!), '--arch is not JSON') : {}) } as ArchitectureConfig,
    // Temperature scaling needs a validation split.
    validationCount: numberOption('val', args.val, { whole: true, min: 1 }),
    seed: numberOption('seed', args.seed, { whole: true }),
    weightDecay: numberOption('wd', args.wd, { min: 0 }),
    labelSmoothing: numberOption('smooth', args.smooth, { min: 0 }),
    minutes: args.minutes === undefined ? undefined : numberOption('minutes', args.minutes, { min: 1 / 60 }),
    from: args.from,
    augment: AUGMENT_PRESETS[augment as keyof typeof AUGMENT_PRESETS],
    outliers: numberOption('outliers', args.outliers, { whole: true, min: 0 }),
    outlierKinds: outlierKinds as OutlierKinds,
    workers: numberOption('workers', args.workers, { whole: true, min: 1 }),
  };
}

const pct = (v: number) => `${(100 * v).toFixed(2)}%`;
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const args = readArgs();
  const started = Date.now();
  await useWasmBackend();
  const read = readFromDir(SHARD_DIR);
  const all = await loadSplit(read, 'train');
  const test = await loadSplit(read, 'test');
  const { seed, outlierKinds } = args;
  const split = holdOut(all, args.validationCount, seed);
  const garments = args.limit ? subset(split.train, Array.from({ length: Math.min(args.limit, split.train.count) }, (_, i) => i)) : split.train;
  const outliers = outlierSet(args.outliers, garments, seed, outlierKinds);
  const train = concat(garments, outliers);
  const validation = split.validation;
  log(`Data: ${garments.count} training, ${outliers.count} outliers, ${validation.count} validation, ${test.count} test images`);

  const { architecture } = args;
  // --from DIR continues training a saved model (same validation split: same --seed) instead of a new one.
  const start = args.from ? await loadModelFrom(args.from) : undefined;
  const model = start?.model ?? buildModel(architecture);
  const macs = countMacs(model);
  log(`Model: ${JSON.stringify(architecture.stages)} ${architecture.head}, ${model.countParams()} parameters, ${(macs / 1e6).toFixed(2)} M MAC/image`);

  const options: FitOptions = {
    ...defaultFitOptions(args.lr),
    epochs: args.epochs,
    batchSize: args.batchSize,
    seed,
    weightDecay: args.weightDecay,
    labelSmoothing: args.labelSmoothing,
    augment: args.augment,
    budgetSeconds: args.minutes !== undefined ? args.minutes * 60 : undefined,
  };
  const { workers } = args;
  log(`Training on ${workers === 1 ? 'this thread' : `${workers} worker threads, each on its share of every batch of ${options.batchSize}`}`);
  const trainer = workers > 1 ? await startWorkerTrainer(model, options, workers) : undefined;
  const batches = Math.floor(train.count / options.batchSize);
  const bar = new progress.SingleBar({
    format: 'epoch {epoch} [{bar}] {percentage}% | ETA {eta_formatted} | loss {loss} | acc {acc} | {ips} img/s | lr {lr}',
    etaBuffer: 100,
    // Under nohup (no TTY), print a progress line every minute instead of redrawing.
    noTTYOutput: !process.stderr.isTTY,
    notTTYSchedule: 60_000,
  });
  // The bar counts thousandths of the run, which a time budget may end before the last epoch.
  let payload: object = { epoch: `1/${options.epochs}`, loss: '-', acc: '-', ips: '-', lr: '-' };
  bar.start(1000, 0, payload);
  const { history, validationLogits } = await fit(model, train, validation, {
    ...options,
    trainer,
    onBatch: (p) =>
      bar.update(Math.round(1000 * p.progress), (payload = {
        epoch: `${p.epoch + 1}/${options.epochs}`,
        loss: p.loss.toFixed(4),
        acc: pct(p.accuracy),
        ips: p.imagesPerSecond.toFixed(0),
        lr: p.lr.toExponential(2),
      })),
    onEpoch: (e) => {
      bar.stop();
      const part = e.fraction ? ` (${pct(e.fraction)} of it: time budget reached)` : '';
      log(`epoch ${e.epoch}/${options.epochs}${part}: loss ${e.loss.toFixed(4)} acc ${pct(e.accuracy)} | val loss ${e.valLoss.toFixed(4)} val acc ${pct(e.valAccuracy)} | ${e.seconds.toFixed(0)} s, ${e.imagesPerSecond.toFixed(0)} img/s`);
      if (e.epoch < options.epochs && !e.fraction) bar.start(1000, Math.round((1000 * e.epoch) / options.epochs), { ...payload, epoch: `${e.epoch + 1}/${options.epochs}` });
    },
  });
  const trainSeconds = (Date.now() - started) / 1000;

  if (!validationLogits) throw new Error('temperature scaling needs a validation split: set --val above 0');
  const metadata = await finishModel(model, {
    validation,
    validationLogits,
    garments,
    test,
    history,
    out: args.out,
    log,
    training: {
      data: 'Fashion-MNIST training split',
      trainImages: garments.count,
      outliers: outliers.count,
      ...(outliers.count > 0 ? { outlierKinds } : {}),
      validationImages: validation.count,
      architecture,
      ...(start ? { continuedFrom: start.metadata.version, continuedFromTraining: start.metadata.training } : {}),
      epochs: options.epochs,
      epochsTrained: history.length - 1 + (history.at(-1)?.fraction ?? 1),
      budgetMinutes: args.minutes,
      batchSize: options.batchSize,
      optimizer: 'Adam + decoupled weight decay',
      schedule: { kind: 'one-cycle', ...options.schedule },
      weightDecay: options.weightDecay,
      labelSmoothing: options.labelSmoothing,
      augment: options.augment,
      seed,
      backend: 'wasm',
      workers,
      seconds: Math.round(trainSeconds),
      history,
    },
  });
  log(`Wrote ${metadata.version} (${(metadata.weights.bytes / 1024).toFixed(0)} KiB of weights) to ${args.out} in ${((Date.now() - started) / 60000).toFixed(1)} min`);
}

await runCli(main);
