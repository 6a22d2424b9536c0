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
import { CLASS_NAMES } from '../../lib/classes';
import { loadSplit } from '../../lib/data/shards';
import { expectedCalibrationError } from '../../lib/model/calibration';
import { loadModel } from '../../lib/model/io';
import { argmaxRows, evaluateOutputs } from '../../lib/model/metrics';
import { classify, disposeModel, predictAll } from '../../lib/model/predict';
import { confusionTable, perClassTable } from '../../lib/model/report';
import { useWasmBackend } from '../../lib/tf/backend';
import { inScopeScore, inScopeScores } from '../../lib/ood/detector';
import { auroc, flaggedShare, fprAt95 } from '../../lib/ood/metrics';
import { readFromDir, SHARD_DIR } from '../../lib/node/fashion-mnist';
import { evaluatePhotos } from '../support/photo-metrics';
import { labelledPhotos, outOfScopePhotos } from '../support/photo-set';

const { values: args } = parseArgs({
  options: {
    model: { type: 'string', default: new URL('../../public/model/', import.meta.url).pathname },
    images: { type: 'string' },
    'out-of-scope': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

if (args['out-of-scope'] && !args.images) {
  console.error('--out-of-scope DIR2 goes with --images DIR (the in-scope photos)');
  process.exit(2);
}

const pct = (v: number) => `${(100 * v).toFixed(2)}%`;
await useWasmBackend();
const { model, metadata } = await loadModel(readFromDir(args.model));

/** Each photo's probabilities, from one pass of the model; undefined where no garment was found. */
const photoOutputs = (photos: { input?: Float32Array }[]) => photos.map((p) => (p.input ? classify(model, p.input)[0] : undefined));
/** The in-scope score of each photo; 0 (the lowest there is) where no garment was found. */
const scoresOf = (outputs: (Float32Array | undefined)[]) => outputs.map((o) => (o ? inScopeScore(o) : 0));

if (args.images) {
  const photos = await labelledPhotos(args.images);
  const threshold = metadata.outOfScope.threshold;
  const outputs = photoOutputs(photos);
  const scores = scoresOf(outputs);
  const predicted = outputs.map((o) => (o ? argmaxRows(o, 1)[0] : -1));
  const result = evaluatePhotos(photos.map((p) => p.label), predicted);
  // The same, with an out-of-scope verdict counted wrong (as "no garment found" is).
  const judged = evaluatePhotos(photos.map((p) => p.label), predicted.map((k, i) => (scores[i] >= threshold ? k : -1)));
  const outside = args['out-of-scope'] ? await outOfScopePhotos(args['out-of-scope']) : undefined;
  const outsideScores = outside ? scoresOf(photoOutputs(outside)) : undefined;
  const outOfScope = {
    threshold,
    inScopeCalledOut: flaggedShare(scores, threshold),
    macroAccuracyCountingOutOfScopeWrong: judged.macroAccuracy,
    ...(outsideScores && {
      outOfScopeDataset: args['out-of-scope'],
      outOfScopeCount: outsideScores.length,
      auroc: auroc(scores, outsideScores),
      fprAt95Tpr: fprAt95(scores, outsideScores),
      outOfScopeCalledOut: flaggedShare(outsideScores, threshold),
    }),
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ model: metadata.version, dataset: args.images, ...result, outOfScope })}\n`);
  } else {
    console.log(`Model ${metadata.version} on ${result.count} photos in ${args.images}`);
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
      console.log(`  on ${outsideScores.length} photos in ${args['out-of-scope']}:`);
      console.log(`  AUROC in-scope vs out-of-scope            ${outOfScope.auroc!.toFixed(3)}`);
      console.log(`  false-positive rate at 95% true positives ${pct(outOfScope.fprAt95Tpr!)}`);
      console.log(`  out-of-scope photos called out of scope  ${pct(outOfScope.outOfScopeCalledOut!)}`);
    }
  }
} else {
  const data = await loadSplit(readFromDir(SHARD_DIR), 'test');
  const started = performance.now();
  const probs = predictAll(model, data.images, data.count);
  const seconds = (performance.now() - started) / 1000;
  const result = evaluateOutputs(probs, data.labels);
  const ece = expectedCalibrationError(probs, data.labels);
  const calledOutOfScope = flaggedShare(inScopeScores(probs, CLASS_NAMES.length), metadata.outOfScope.threshold);
  const name = 'Fashion-MNIST test split';
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ model: metadata.version, dataset: name, ...result, ece, calledOutOfScope, imagesPerSecond: data.count / seconds })}\n`);
  } else {
    console.log(`Model ${metadata.version} from ${join(args.model, 'model.json')}`);
    console.log(`${name}: ${data.count} images, ${(data.count / seconds).toFixed(0)} images/s`);
    console.log(`Accuracy ${pct(result.accuracy)}, expected calibration error (15 bins) ${pct(ece)}`);
    console.log(`Called out of scope: ${pct(calledOutOfScope)} of the test images\n`);
    console.log(`Per class:\n${perClassTable(result)}\n`);
    console.log(`Confusion matrix (rows: true class, columns: predicted):\n${confusionTable(result)}`);
  }
}
disposeModel(model);
