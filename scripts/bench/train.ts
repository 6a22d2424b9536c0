/**
 * Training and inference speed of the model on the same batches: on WASM with the training
 * kernels (our fast training graph, tfjs-layers' own training pass, and model.trainOnBatch as
 * model.fit would run it), inference as the product runs it (`classify`: batch-norm folded into
 * the convs) and as model.predict does, one-image latency, training in this thread against
 * data-parallel training in --workers worker threads (runs of a few steps taken in turn, so both
 * see the same load on the machine), and training on the stock cpu backend. Medians of several
 * timed runs after warm-up.
 *
 *   npm run bench:train -- [--batch 64] [--reps 7] [--cpu-reps 2] [--workers N] [--arch JSON] [--json]
 */
import { parseArgs } from 'node:util';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { IMAGE_SIZE, PIXELS } from '../../lib/classes';
import { buildModel, countMacs, DEFAULT_ARCHITECTURE } from '../../lib/model/architecture';
import { classify } from '../../lib/model/predict';
import { createTrainer } from '../../lib/model/trainer';
import { useWasmBackend } from '../../lib/tf/backend';
import { loadBenchBatch } from '../support/bench-batch';
import { JSON_OPTION, printFigures } from '../support/bench-output';
import { asUserError, numberOption, runCli } from '../support/run-cli';
import { interleavedMedians, timedMedian } from '../support/stats';
import { defaultWorkerCount, startWorkerTrainer } from '../support/worker-replicas';

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      batch: { type: 'string', default: '64' },
      reps: { type: 'string', default: '7' },
      'cpu-reps': { type: 'string', default: '2' },
      workers: { type: 'string', default: String(Math.max(2, defaultWorkerCount())) },
      arch: { type: 'string' },
      ...JSON_OPTION,
    },
  });
  const B = numberOption('batch', args.batch, { whole: true, min: 1 });
  const reps = numberOption('reps', args.reps, { whole: true, min: 1 });
  const cpuReps = numberOption('cpu-reps', args['cpu-reps'], { whole: true, min: 1 });
  const workers = numberOption('workers', args.workers, { whole: true, min: 1 });
  const arch = { ...DEFAULT_ARCHITECTURE, ...(args.arch ? asUserError(() => JSON.parse(args.arch!), '--arch is not JSON') : {}) };
  tf.env().set('PROD', true); // no debug checks or console banners in the timings

  const { pixels, labels } = await loadBenchBatch(B);

  await useWasmBackend();
  const model = buildModel(arch);
  const x = tf.tensor4d(pixels, [B, IMAGE_SIZE, IMAGE_SIZE, 1]);
  const x1 = tf.tensor4d(pixels.subarray(0, PIXELS), [1, IMAGE_SIZE, IMAGE_SIZE, 1]);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);
  const images = Array.from({ length: B }, (_, i) => pixels.subarray(i * PIXELS, (i + 1) * PIXELS));
  const predict = (input: tf.Tensor) => () => tf.tidy(() => void (model.predict(input) as tf.Tensor).dataSync());
  const stepper = (graph: 'fast' | 'layers') => {
    const trainer = createTrainer(model, { weightDecay: 0.01, labelSmoothing: 0, graph });
    return () => void trainer.step(pixels, labels, B, 1e-4);
  };

  const wasmInferMs = await timedMedian('wasm inference', () => classify(model, images), reps * 2);
  const predictMs = await timedMedian('wasm inference, model.predict', predict(x), reps * 2);
  // Warm means steady state: tfjs's JS takes some hundred calls to be fully optimised.
  const singleMs = await timedMedian('wasm one-image inference', () => classify(model, images[0]), 100, 200);
  const singlePredictMs = await timedMedian('wasm one-image inference, model.predict', predict(x1), 100, 200);
  const wasmTrainMs = await timedMedian('wasm training step', stepper('fast'), reps);

  // Data-parallel against this thread, on the same batch. A timed run is several steps and then
  // waiting for the workers' last update, since each step's update runs after the step returns.
  const STEPS_PER_RUN = 4;
  const oneThread = createTrainer(buildModel(arch), { weightDecay: 0.01, labelSmoothing: 0 });
  const parallel = await startWorkerTrainer(buildModel(arch), { weightDecay: 0.01, labelSmoothing: 0 }, workers);
  const [oneThreadMs, parallelMs] = (await interleavedMedians(`training in this thread and in ${workers} workers`, [
    async () => {
      for (let i = 0; i < STEPS_PER_RUN; i++) oneThread.step(pixels, labels, B, 1e-4);
    },
    async () => {
      for (let i = 0; i < STEPS_PER_RUN; i++) await parallel.step(pixels, labels, B, 1e-4);
      await parallel.syncModel();
    },
  ], reps)).map((ms) => ms / STEPS_PER_RUN);
  await parallel.dispose();
  const layersTrainMs = await timedMedian('wasm training step, tfjs-layers pass', stepper('layers'), Math.max(3, reps >> 1));
  const fitModel = buildModel(arch); // model.fit's path: compiled model, softmax output, trainOnBatch
  fitModel.compile({ optimizer: tf.train.adam(1e-4), loss: 'categoricalCrossentropy' });
  const fitMs = await timedMedian('wasm model.trainOnBatch', () => fitModel.trainOnBatch(x, ys), Math.max(3, reps >> 1));

  await tf.setBackend('cpu');
  const cpuTrainMs = await timedMedian('cpu training step', stepper('fast'), cpuReps, 1);

  const ips = (ms: number, n = B) => (n * 1000) / ms;
  const result = {
    batch: B,
    params: model.countParams(),
    macsPerImage: countMacs(model),
    wasm: {
      trainImagesPerSecond: ips(wasmTrainMs),
      inferImagesPerSecond: ips(wasmInferMs),
      trainToInferCost: wasmTrainMs / wasmInferMs,
      singleImageMs: singleMs,
      predictImagesPerSecond: ips(predictMs),
      predictSingleImageMs: singlePredictMs,
      layersTrainImagesPerSecond: ips(layersTrainMs),
      fitTrainImagesPerSecond: ips(fitMs),
    },
    dataParallel: {
      workers,
      oneThreadImagesPerSecond: ips(oneThreadMs),
      workersImagesPerSecond: ips(parallelMs),
      speedUp: oneThreadMs / parallelMs,
    },
    cpu: { trainImagesPerSecond: ips(cpuTrainMs) },
    wasmOverCpuTraining: cpuTrainMs / wasmTrainMs,
  };

  printFigures(args.json, result, () => {
    const f = (v: number) => v.toFixed(v < 10 ? 2 : 0);
    console.log(`Model ${JSON.stringify(arch.stages)} ${arch.head}: ${result.params} params, ${(result.macsPerImage / 1e6).toFixed(2)} M MAC/image; batch ${B}, medians`);
    console.log(`wasm  training step (fast graph)     ${f(result.wasm.trainImagesPerSecond).padStart(6)} images/s`);
    console.log(`wasm  inference                      ${f(result.wasm.inferImagesPerSecond).padStart(6)} images/s`);
    console.log(`wasm  train/inference cost ratio     ${f(result.wasm.trainToInferCost).padStart(6)} x`);
    console.log(`wasm  one-image inference            ${f(result.wasm.singleImageMs).padStart(6)} ms`);
    console.log(`wasm  inference, model.predict       ${f(result.wasm.predictImagesPerSecond).padStart(6)} images/s (classify: ${f(predictMs / wasmInferMs)}x faster)`);
    console.log(`wasm  one image, model.predict       ${f(result.wasm.predictSingleImageMs).padStart(6)} ms (classify: ${f(singlePredictMs / singleMs)}x faster)`);
    console.log(`wasm  training, tfjs-layers pass     ${f(result.wasm.layersTrainImagesPerSecond).padStart(6)} images/s`);
    console.log(`wasm  training, model.trainOnBatch   ${f(result.wasm.fitTrainImagesPerSecond).padStart(6)} images/s`);
    console.log(`wasm  training, this thread           ${f(result.dataParallel.oneThreadImagesPerSecond).padStart(6)} images/s (--workers 1)`);
    console.log(`wasm  training, ${workers} worker threads      ${f(result.dataParallel.workersImagesPerSecond).padStart(6)} images/s (${f(result.dataParallel.speedUp)}x this thread)`);
    console.log(`cpu   training step (fast graph)     ${f(result.cpu.trainImagesPerSecond).padStart(6)} images/s`);
    console.log(`wasm/cpu training speed-up           ${f(result.wasmOverCpuTraining).padStart(6)} x`);
  });
}

await runCli(main);
