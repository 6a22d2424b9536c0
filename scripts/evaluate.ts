/**
 * Evaluates a saved model (default public/model/): on the 10,000 Fashion-MNIST test images, or with
 * `--images DIR` on a folder of labelled photos through the extension's preprocessing. Prints
 * accuracy, per-class accuracy and the confusion matrix; `--json` prints one object for programs.
 *
 *   npm run evaluate -- [--model DIR] [--images DIR] [--json]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CLASS_NAMES } from '../lib/classes';
import { loadSplit } from '../lib/data/shards';
import { expectedCalibrationError } from '../lib/model/calibration';
import { loadModel } from '../lib/model/io';
import { argmaxRows, evaluateOutputs } from '../lib/model/metrics';
import { classify, disposeModel, predictAll } from '../lib/model/predict';
import { confusionTable, perClassTable } from '../lib/model/report';
import { useWasmBackend } from '../lib/tf/backend';
import { readFromDir, SHARD_DIR } from './node/fashion-mnist';
import { evaluatePhotos } from './node/photo-metrics';
import { labelledPhotos } from './node/photo-set';

const { values: args } = parseArgs({
  options: {
    model: { type: 'string', default: new URL('../public/model/', import.meta.url).pathname },
    images: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const pct = (v: number) => `${(100 * v).toFixed(2)}%`;
await useWasmBackend();
const { model, metadata } = await loadModel(readFromDir(args.model));

if (args.images) {
  const photos = await labelledPhotos(args.images);
  const predicted = photos.map((p) => (p.input ? argmaxRows(classify(model, p.input)[0], 1)[0] : -1));
  const result = evaluatePhotos(photos.map((p) => p.label), predicted);
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ model: metadata.version, dataset: args.images, ...result })}\n`);
  } else {
    console.log(`Model ${metadata.version} on ${result.count} photos in ${args.images}`);
    console.log(`Accuracy ${pct(result.accuracy)}, macro accuracy (mean of the classes present) ${pct(result.macroAccuracy)}`);
    console.log(`No garment found in ${result.noObject} photos (counted wrong)\n`);
    console.log('Per class:');
    for (const [name, c] of Object.entries(result.perClass)) if (c.count) console.log(`  ${name.padEnd(12)} ${pct(c.accuracy).padStart(7)}  (${c.count})`);
    console.log('\nConfusion matrix (rows: true class, columns: predicted, last: no garment found):');
    console.log(`     ${CLASS_NAMES.map((_, i) => String(i).padStart(4)).join('')}   none`);
    result.confusion.forEach((row, t) => console.log(`  ${t}  ${row.map((n) => String(n).padStart(4)).join('')}`));
  }
} else {
  const data = await loadSplit(readFromDir(SHARD_DIR), 'test');
  const started = performance.now();
  const probs = predictAll(model, data.images, data.count);
  const seconds = (performance.now() - started) / 1000;
  const result = evaluateOutputs(probs, data.labels);
  const ece = expectedCalibrationError(probs, data.labels);
  const name = 'Fashion-MNIST test split';
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ model: metadata.version, dataset: name, ...result, ece, imagesPerSecond: data.count / seconds })}\n`);
  } else {
    console.log(`Model ${metadata.version} from ${join(args.model, 'model.json')}`);
    console.log(`${name}: ${data.count} images, ${(data.count / seconds).toFixed(0)} images/s`);
    console.log(`Accuracy ${pct(result.accuracy)}, expected calibration error (15 bins) ${pct(ece)}\n`);
    console.log(`Per class:\n${perClassTable(result)}\n`);
    console.log(`Confusion matrix (rows: true class, columns: predicted):\n${confusionTable(result)}`);
  }
}
disposeModel(model);
