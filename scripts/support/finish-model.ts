/**
 * The steps every new bundled model takes after its weights are set, whether trained
 * (scripts/cli/train.ts) or averaged (scripts/cli/soup.ts): a temperature fitted on the validation
 * split and folded into the logits layer, the test set, the out-of-scope threshold, then model.json,
 * weights.bin and metadata.json, and training-curves.png when there is a history to draw.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as tfl from '@tensorflow/tfjs-layers';
import sharp from 'sharp';
import { CLASS_NAMES } from '../../lib/classes';
import type { Dataset } from '../../lib/data/shards';
import { countMacs, foldTemperature } from '../../lib/model/architecture';
import { expectedCalibrationError, fitTemperature, nll, softmaxRows } from '../../lib/model/calibration';
import { INPUT_DESCRIPTION, INPUT_SHAPE, type ModelMetadata } from '../../lib/model/contract';
import { trainingCurvesSvg } from '../../lib/model/curves';
import type { EpochStats } from '../../lib/model/fit';
import { saveModel } from '../../lib/model/io';
import { evaluateOutputs } from '../../lib/model/metrics';
import { predictAll } from '../../lib/model/predict';
import { perClassTable } from '../../lib/model/report';
import { fitModelDetector } from '../../lib/ood/fit-model-detector';

const CURVES_FILE = 'training-curves.png';
const pct = (v: number) => `${(100 * v).toFixed(2)}%`;

export interface FinishOptions {
  /** The held-out validation split, its uncalibrated logits, the training garments and the test split. */
  validation: Dataset;
  validationLogits: Float32Array;
  garments: Dataset;
  test: Dataset;
  /** Free-form record of how the weights were made (metadata.json's `training`). */
  training: Record<string, unknown>;
  /** This run's epochs, drawn as training-curves.png; without it, no curves are written. */
  history?: EpochStats[];
  out: string;
  log: (line: string) => void;
}

export async function finishModel(model: tfl.LayersModel, o: FinishOptions): Promise<ModelMetadata> {
  const labels = o.validation.labels;
  const temperature = fitTemperature(o.validationLogits, labels);
  const calibration = {
    split: 'validation',
    bins: 15,
    eceBefore: expectedCalibrationError(softmaxRows(o.validationLogits), labels),
    eceAfter: expectedCalibrationError(softmaxRows(o.validationLogits, temperature), labels),
    nllBefore: nll(o.validationLogits, labels),
    nllAfter: nll(o.validationLogits, labels, temperature),
  };
  foldTemperature(model, temperature);
  o.log(`Calibration: T = ${temperature.toFixed(3)}, validation ECE ${pct(calibration.eceBefore)} -> ${pct(calibration.eceAfter)}`);

  const testProbs = predictAll(model, o.test.images, o.test.count);
  const result = evaluateOutputs(testProbs, o.test.labels);
  const testEce = expectedCalibrationError(testProbs, o.test.labels);
  o.log(`Test accuracy: ${pct(result.accuracy)} (${o.test.count} images), test ECE ${pct(testEce)}\n${perClassTable(result)}`);
  const outOfScope = fitModelDetector(model, o.validation, o.garments);
  o.log(`Out of scope: threshold ${outOfScope.threshold.toFixed(4)}, calls ${pct(outOfScope.fit.outliersFlagged)} of the check outliers out of scope (AUROC ${outOfScope.fit.auroc.toFixed(3)})`);

  await mkdir(o.out, { recursive: true });
  const metadata = await saveModel(
    model,
    {
      format: 1,
      createdAt: new Date().toISOString(),
      classNames: [...CLASS_NAMES],
      inputShape: [...INPUT_SHAPE],
      input: INPUT_DESCRIPTION,
      params: model.countParams(),
      macsPerImage: countMacs(model),
      training: o.training,
      temperature,
      calibration: { ...calibration, testEce },
      test: { count: result.count, accuracy: result.accuracy, perClass: result.perClass },
      outOfScope,
    },
    (name, bytes) => writeFile(join(o.out, name), bytes),
  );
  const curves = join(o.out, CURVES_FILE);
  // A soup has no epochs of its own: an older picture left in the folder would describe other weights.
  if (o.history) await sharp(Buffer.from(trainingCurvesSvg(o.history, result.accuracy))).png().toFile(curves);
  else await rm(curves, { force: true });
  return metadata;
}
