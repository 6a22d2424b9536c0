/**
 * What a bigger network would cost here: the shipped architecture beside the larger ones the field
 * uses to go past 94.5% on Fashion-MNIST, timed in turn in one run on WASM (one-image warm inference
 * as the product runs it, and a training step on a batch of 64 in one thread, as the options page
 * fine-tunes). The ratios to the shipped network carry over to the product's own benches
 * (`bench:train`, `bench:finetune`), whose absolute figures depend on the load of the machine.
 *
 *   npm run bench:architectures -- [--reps 7] [--json]
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { PIXELS } from '../../lib/classes';
import { type ArchitectureConfig, buildModel, countMacs, DEFAULT_ARCHITECTURE } from '../../lib/model/architecture';
import { classify } from '../../lib/model/predict';
import { createTrainer } from '../../lib/model/trainer';
import { useWasmBackend } from '../../lib/tf/backend';
import { loadBenchBatch } from '../support/bench-batch';
import { JSON_OPTION, printFigures, rounded } from '../support/bench-output';
import { numberOption, runCli } from '../support/run-cli';
import { interleavedMedians } from '../support/stats';

const B = 64;
const TRAINING_IMAGES = 60_000;
tf.env().set('PROD', true);

const times = (n: number, channels: number) => Array<number>(n).fill(channels);
/**
 * ResNet-20's convolutions are 19 3x3 convs of 16, 32 and 64 channels at the three resolutions; its
 * residual additions cost next to nothing beside them, so the plain stack of the same convs costs
 * what it costs.
 */
const CANDIDATES: [string, ArchitectureConfig][] = [
  ['shipped', DEFAULT_ARCHITECTURE],
  ['two convs per stage', { ...DEFAULT_ARCHITECTURE, stages: [[24, 24], [48, 48], [96, 96]] }],
  ['4/3 as wide', { ...DEFAULT_ARCHITECTURE, stages: [[32], [64, 64], [128]] }],
  ['twice as wide', { ...DEFAULT_ARCHITECTURE, stages: [[48], [96, 96], [192]] }],
  ["ResNet-20's convs", { ...DEFAULT_ARCHITECTURE, stages: [times(7, 16), times(6, 32), times(6, 64)], head: 'gap' }],
];

async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: { reps: { type: 'string', default: '7' }, ...JSON_OPTION } });
  const reps = numberOption('reps', args.reps, { whole: true, min: 1 });
  const { pixels, labels } = await loadBenchBatch(B);
  const oneImage = pixels.subarray(0, PIXELS);

  await useWasmBackend();
  const networks = CANDIDATES.map(([name, config]) => {
    const model = buildModel(config);
    const trainer = createTrainer(model, { weightDecay: 0.01, labelSmoothing: 0 });
    return { name, model, infer: () => classify(model, oneImage), step: () => trainer.step(pixels, labels, B, 1e-4) };
  });
  // Warm means steady state: tfjs's JS takes some hundred calls to be fully optimised.
  const inferMs = await interleavedMedians('one-image inference', networks.map((n) => n.infer), 100, 200);
  const stepMs = await interleavedMedians('training steps', networks.map((n) => n.step), reps);

  const figures = Object.fromEntries(
    networks.map((n, i) => [
      n.name,
      {
        params: n.model.countParams(),
        megaMacs: rounded(countMacs(n.model) / 1e6, 1),
        oneImageMs: rounded(inferMs[i], 2),
        trainingStepMs: rounded(stepMs[i]),
        epochSeconds: rounded(((TRAINING_IMAGES / B) * stepMs[i]) / 1000),
      },
    ]),
  );
  printFigures(args.json, figures, (f) => {
    console.log(`Batch ${B} for training, one thread; medians, each network timed in turn with the others`);
    console.log('network               params  float32 KiB  M MAC  one image, ms (x shipped)  training step, ms (x shipped)  epoch of 60,000, s');
    const shipped = f[networks[0].name];
    for (const [name, n] of Object.entries(f)) {
      const x = (ratio: number) => `(${ratio.toFixed(2)}x)`;
      console.log(
        `${name.padEnd(20)} ${String(n.params).padStart(7)} ${((n.params * 4) / 1024).toFixed(0).padStart(12)} ${n.megaMacs.toFixed(1).padStart(6)}` +
          `  ${n.oneImageMs.toFixed(2).padStart(13)} ${x(n.oneImageMs / shipped.oneImageMs).padStart(11)}` +
          `  ${String(n.trainingStepMs).padStart(17)} ${x(n.trainingStepMs / shipped.trainingStepMs).padStart(12)}` +
          `  ${String(n.epochSeconds).padStart(18)}`,
      );
    }
  });
}

await runCli(main);
