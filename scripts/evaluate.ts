/**
 * Evaluates a saved model (default public/model/) on the 10,000 Fashion-MNIST test images:
 * accuracy, per-class accuracy, calibration error and the confusion matrix.
 *
 *   npm run evaluate -- [--model DIR] [--json]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSplit, type Dataset } from '../lib/data/shards';
import { expectedCalibrationError } from '../lib/model/calibration';
import { loadModel } from '../lib/model/io';
import { evaluateOutputs, type Evaluation } from '../lib/model/metrics';
import { predictAll } from '../lib/model/predict';
import { confusionTable, perClassTable } from '../lib/model/report';
import { useWasmBackend } from '../lib/tf/backend';
import { readFromDir, SHARD_DIR } from './node/fashion-mnist';

const { values: args } = parseArgs({
  options: {
    model: { type: 'string', default: new URL('../public/model/', import.meta.url).pathname },
    json: { type: 'boolean', default: false },
    // Reserved: `--images DIR` will evaluate a folder of labelled photos through the preprocessing
    // pipeline; it only needs another `labelledImages(dir): Promise<Dataset>` source below.
  },
});

/** The labelled images to evaluate on; the place to add other sources (e.g. a photo folder). */
async function evaluationSet(): Promise<{ name: string; data: Dataset }> {
  return { name: 'Fashion-MNIST test split', data: await loadSplit(readFromDir(SHARD_DIR), 'test') };
}

await useWasmBackend();
const { model, metadata } = await loadModel(readFromDir(args.model));
const { name, data } = await evaluationSet();
const started = performance.now();
const probs = predictAll(model, data.images, data.count);
const seconds = (performance.now() - started) / 1000;
const result: Evaluation = evaluateOutputs(probs, data.labels);
const ece = expectedCalibrationError(probs, data.labels);

if (args.json) {
  process.stdout.write(
    `${JSON.stringify({ model: metadata.version, dataset: name, ...result, ece, imagesPerSecond: data.count / seconds })}\n`,
  );
} else {
  const pct = (v: number) => `${(100 * v).toFixed(2)}%`;
  console.log(`Model ${metadata.version} from ${join(args.model, 'model.json')}`);
  console.log(`${name}: ${data.count} images, ${(data.count / seconds).toFixed(0)} images/s`);
  console.log(`Accuracy ${pct(result.accuracy)}, expected calibration error (15 bins) ${pct(ece)}\n`);
  console.log(`Per class:\n${perClassTable(result)}\n`);
  console.log(`Confusion matrix (rows: true class, columns: predicted):\n${confusionTable(result)}`);
}
model.dispose();
