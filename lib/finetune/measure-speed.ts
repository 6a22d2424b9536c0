/**
 * A quick timing of this computer: a few training steps with every layer learning and with only the
 * last one, and a batch of predictions, on the model in use. Takes a few seconds; the options page
 * runs it in its worker before the first Start to say how long a run will take.
 */
import type { ReadFile, Dataset } from '../data/shards';
import { LOGITS_LAYER } from '../model/architecture';
import { subset } from '../model/dataset';
import type { StartTrainer } from '../model/data-parallel';
import { defaultFitOptions, fit } from '../model/fit';
import { loadModel } from '../model/io';
import { predictAll } from '../model/predict';
import type { Speed } from './estimate';

/** Steps timed per kind of training; the first one of each is a warm-up and not counted. */
const STEPS = 4;
const PREDICTIONS = 1000;

const first = (data: Dataset, count: number) => subset(data, Array.from({ length: Math.min(count, data.count) }, (_, i) => i));

/** With `startTrainer`, times training on `workers` replicas elsewhere, as a run with it would train. */
export async function measureSpeed(
  readModel: ReadFile,
  train: Dataset,
  test: Dataset,
  batchSize: number,
  parallel?: { startTrainer: StartTrainer; workers: number },
): Promise<Speed> {
  const { model } = await loadModel(readModel);
  try {
    const sample = first(train, STEPS * batchSize);
    const trainSpeed = async (layers: 'all' | 'head') => {
      for (const layer of model.layers) layer.trainable = layers === 'all' || layer.name === LOGITS_LAYER;
      const times: number[] = [];
      const options = { ...defaultFitOptions(), epochs: 1, batchSize, seed: 1 };
      const trainer = await parallel?.startTrainer(model, options);
      await fit(model, sample, null, { ...options, trainer, onBatch: () => times.push(performance.now()) });
      return ((times.length - 1) * batchSize * 1000) / (times.at(-1)! - times[0]);
    };
    const trainAll = await trainSpeed('all');
    const trainHead = await trainSpeed('head');
    const images = first(test, PREDICTIONS);
    // Predictions too run on the replicas where there are any, each taking a share.
    const replicas = await parallel?.startTrainer(model, defaultFitOptions());
    const started = performance.now();
    if (replicas) await replicas.predict(images.images, images.count, 'probabilities');
    else predictAll(model, images.images, images.count);
    const predictSeconds = (performance.now() - started) / 1000;
    await replicas?.dispose();
    return { trainAll, trainHead, predict: images.count / predictSeconds, workers: parallel?.workers ?? 1 };
  } finally {
    model.dispose();
  }
}
