/**
 * Evaluates a saved model (default public/model/): on the 10,000 Fashion-MNIST test images, or with
 * `--images DIR` on a folder of labelled photos through the extension's preprocessing. Prints
 * accuracy, per-class accuracy and the confusion matrix; `--json` prints one object for programs.
 * `--out-of-scope DIR2` (with --images) adds photos of none of the 10 kinds and prints how well the
 * out-of-scope verdict tells the two folders apart.
 *
 *   npm run evaluate -- [--model DIR] [--images DIR [--out-of-scope DIR2]] [--json]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { CLASS_NAMES } from '../../lib/classes';
import { loadSplit } from '../../lib/data/shards';
import { expectedCalibrationError } from '../../lib/model/calibration';
import type { LoadedModel } from '../../lib/model/io';
import { argmaxRows, evaluateOutputs } from '../../lib/model/metrics';
import { classify, disposeModel, predictAll } from '../../lib/model/predict';
import { confusionTable, perClassTable } from '../../lib/model/report';
import { useWasmBackend } from '../../lib/tf/backend';
import { inScopeScore, inScopeScores } from '../../lib/ood/detector';
import { auroc, flaggedShare, fprAt95 } from '../../lib/ood/metrics';
import { readFromDir, SHARD_DIR } from '../../lib/node/fashion-mnist';
import { BUNDLED_MODEL_DIR, loadModelFrom } from '../support/model-folder';
import { evaluatePhotos } from '../support/photo-metrics';
import { labelledPhotos, outOfScopePhotos } from '../support/photo-set';
import { runCli, UserError } from '../support/run-cli';

const pct = (v: number) => `${(100 * v).toFixed(2)}%`;

/** Each photo's probabilities, from one pass of the model; undefined where no garment was found. */
const photoOutputs = (model: LayersModel, photos: { input?: Float32Array }[]) =>
  photos.map((p) => (p.input ? classify(model, p.input)[0] : undefined));
/** The in-scope score of each photo; 0 (the lowest there is) where no garment was found. */
const scoresOf = (outputs: (Float32Array | undefined)[]) => outputs.map((o) => (o ? inScopeScore(o) : 0));

/** The model on a folder of labelled photos, and with `outOfScopeDir`, how well it tells them from photos of other things. */
async function evaluateOnPhotos({ model, metadata }: LoadedModel, imagesDir: string, outOfScopeDir: string | undefined, json: boolean): Promise<void> {
  const photos = await labelledPhotos(imagesDir);
  const threshold = metadata.outOfScope.threshold;
  const outputs = photoOutputs(model, photos);
  const scores = scoresOf(outputs);
  const predicted = outputs.map((o) => (o ? argmaxRows(o, 1)[0] : -1));
  const result = evaluatePhotos(photos.map((p) => p.label), predicted);
  // The same, with an out-of-scope verdict counted wrong (as "no garment found" is).
  const judged = evaluatePhotos(photos.map((p) => p.label), predicted.map((k, i) => (scores[i] >= threshold ? k : -1)));
  const outside = outOfScopeDir ? await outOfScopePhotos(outOfScopeDir) : undefined;
  const outsideScores = outside ? scoresOf(photoOutputs(model, outside)) : undefined;
  const outOfScope = {
    threshold,
    inScopeCalledOut: flaggedShare(scores, threshold),
    macroAccuracyCountingOutOfScopeWrong: judged.macroAccuracy,
    ...(outsideScores && {
      outOfScopeDataset: outOfScopeDir,
      outOfScopeCount: outsideScores.length,
      auroc: auroc(scores, outsideScores),
      fprAt95Tpr: fprAt95(scores, outsideScores),
      outOfScopeCalledOut: flaggedShare(outsideScores, threshold),
    }),
  };
  if (json) {
    process.stdout.write(`${JSON.stringify({ model: metadata.version, dataset: imagesDir, ...result, outOfScope })}\n`);
  } else {
    console.log(`Model ${metadata.version} on ${result.count} photos in ${imagesDir}`);
    console.log(`Accuracy ${pct(result.accuracy)}, macro accuracy (mean of the classes present) ${pct(result.macroAccuracy)}`);
    console.log(`No garment found in ${result.noObject} photos (counted wrong)\n`);
    console.log('Per class:');
    for (const [name, c] of Object.entries(result.perClass)) if (c.count) console.log(`  ${name.padEnd(12)} ${pct(c.accuracy).padStart(7)}  (${c.count})`);
    console.log('\nConfusion matrix (rows: true class, columns: predicted, last: no garment found):');
    console.log(`     ${CLASS_NAMES.map((_, i) => String(i).padStart(4)).join('')}   none`);
    result.confusion.forEach((row, t) => console.log(`  ${t}  ${row.map((n) => String(n).padStart(4)).join('')}`));
    console.log(`\nOut of scope (threshold ${threshold.toFixed(4)} on the in-scope score):`);
    console.log(`  in-scope photos called out of scope      ${pct(outOfScope.inScopeCalledOut)}`);
    console.log(`  macro accuracy, out of scope counted wrong ${pct(outOfScope.macroAccuracyCountingOutOfScopeWrong)}`);
    if (outsideScores) {
      console.log(`  on ${outsideScores.length} photos in ${outOfScopeDir}:`);
      console.log(`  AUROC in-scope vs out-of-scope            ${outOfScope.auroc!.toFixed(3)}`);
      console.log(`  false-positive rate at 95% true positives ${pct(outOfScope.fprAt95Tpr!)}`);
      console.log(`  out-of-scope photos called out of scope  ${pct(outOfScope.outOfScopeCalledOut!)}`);
    }
  }
}

/** The model on the 10,000 Fashion-MNIST test images. */
async function evaluateOnTestSplit({ model, metadata }: LoadedModel, modelDir: string, json: boolean): Promise<void> {
  const data = await loadSplit(readFromDir(SHARD_DIR), 'test');
  const started = performance.now();
  const probs = predictAll(model, data.images, data.count);
  const seconds = (performance.now() - started) / 1000;
  const result = evaluateOutputs(probs, data.labels);
  const ece = expectedCalibrationError(probs, data.labels);
  const calledOutOfScope = flaggedShare(inScopeScores(probs, CLASS_NAMES.length), metadata.outOfScope.threshold);
  const name = 'Fashion-MNIST test split';
  if (json) {
    process.stdout.write(`${JSON.stringify({ model: metadata.version, dataset: name, ...result, ece, calledOutOfScope, imagesPerSecond: data.count / seconds })}\n`);
  } else {
    console.log(`Model ${metadata.version} from ${join(modelDir, 'model.json')}`);
    console.log(`${name}: ${data.count} images, ${(data.count / seconds).toFixed(0)} images/s`);
    console.log(`Accuracy ${pct(result.accuracy)}, expected calibration error (15 bins) ${pct(ece)}`);
    console.log(`Called out of scope: ${pct(calledOutOfScope)} of the test images\n`);
    console.log(`Per class:\n${perClassTable(result)}\n`);
    console.log(`Confusion matrix (rows: true class, columns: predicted):\n${confusionTable(result)}`);
  }
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      model: { type: 'string', default: BUNDLED_MODEL_DIR },
      images: { type: 'string' },
      'out-of-scope': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (args['out-of-scope'] && !args.images) throw new UserError('--out-of-scope DIR2 goes with --images DIR (the in-scope photos)');

  await useWasmBackend();
  const loaded = await loadModelFrom(args.model);
  if (args.images) await evaluateOnPhotos(loaded, args.images, args['out-of-scope'], args.json);
  else await evaluateOnTestSplit(loaded, args.model, args.json);
  disposeModel(loaded.model);
}

await runCli(main);
