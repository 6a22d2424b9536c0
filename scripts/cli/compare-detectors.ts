/**
 * Compares out-of-scope detectors on the same split, for each model given: the score of each one on
 * real in-scope photos (--images) against real out-of-scope photos (--out-of-scope), and on the
 * Fashion-MNIST test set against drawn outliers. Prints a Markdown table.
 *
 *   npm run compare-detectors -- --images DIR --out-of-scope DIR2 [--model DIR]... [--bank N]
 *
 * Detectors: maximum softmax probability (Hendrycks & Gimpel 2017); energy, the log-sum-exp of the
 * logits (Liu et al. 2020); class-conditional Mahalanobis distance with a shared covariance (Lee et al.
 * 2018) and k-nearest-neighbour cosine similarity, k = 10 (Sun et al. 2022), both on the normalised
 * pooled features of the last conv layer, fitted on --bank training images; and the shipped score, the
 * probability mass of the three likeliest kinds.
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { CLASS_NAMES, PIXELS } from '../../lib/classes';
import { loadSplit } from '../../lib/data/shards';
import { logitsModel } from '../../lib/model/architecture';
import { softmaxRows } from '../../lib/model/calibration';
import { inScopeScore } from '../../lib/ood/detector';
import { auroc, fprAt95 } from '../../lib/ood/metrics';
import { outlierSet } from '../../lib/ood/outlier-set';
import { useWasmBackend } from '../../lib/tf/backend';
import { readFromDir, SHARD_DIR } from '../../lib/node/fashion-mnist';
import { BUNDLED_MODEL_DIR, loadModelFrom } from '../support/model-folder';
import { labelledPhotos, outOfScopePhotos } from '../support/photo-set';
import { numberOption, runCli, UserError } from '../support/run-cli';

const K = CLASS_NAMES.length;
const F = (n: number) => n.toFixed(3);

/** Images as one [n, 784] float array; a photo where no garment was found is all zeros (it scores low everywhere). */
function stack(inputs: (Float32Array | undefined)[]): Float32Array {
  const out = new Float32Array(inputs.length * PIXELS);
  inputs.forEach((x, i) => x && out.set(x, i * PIXELS));
  return out;
}

const bytesToFloats = (bytes: Uint8Array) => Float32Array.from(bytes, (v) => v / 255);

/** Logits, and the L2-normalised global average of the last ReLU's feature map, for n images. */
function outputs(model: tfl.LayersModel, x: Float32Array): { logits: Float32Array; features: Float32Array; width: number } {
  const lastRelu = model.layers.filter((l) => l.getClassName() === 'ReLU').at(-1)!;
  const net = tfl.model({ inputs: model.inputs, outputs: [logitsModel(model).outputs[0], lastRelu.output as tfl.SymbolicTensor] });
  const n = x.length / PIXELS;
  return tf.tidy(() => {
    const [logits, map] = net.predict(tf.tensor4d(x, [n, 28, 28, 1])) as tf.Tensor[];
    const pooled = tf.mean(map, [1, 2]);
    const features = tf.div(pooled, tf.add(tf.norm(pooled, 2, 1, true), 1e-6));
    return { logits: logits.dataSync() as Float32Array, features: features.dataSync() as Float32Array, width: pooled.shape[1]! };
  });
}

const rows = (v: Float32Array, width: number) => Array.from({ length: v.length / width }, (_, i) => v.subarray(i * width, (i + 1) * width));

/** Inverse of a symmetric positive definite matrix (Gauss-Jordan), after adding `ridge` times the mean diagonal. */
function inverse(m: Float64Array, d: number, ridge = 1e-4): Float64Array {
  const a = Float64Array.from(m);
  const trace = Array.from({ length: d }, (_, i) => a[i * d + i]).reduce((s, v) => s + v, 0);
  for (let i = 0; i < d; i++) a[i * d + i] += (ridge * trace) / d;
  const inv = new Float64Array(d * d);
  for (let i = 0; i < d; i++) inv[i * d + i] = 1;
  for (let c = 0; c < d; c++) {
    const p = a[c * d + c];
    for (let j = 0; j < d; j++) (a[c * d + j] /= p), (inv[c * d + j] /= p);
    for (let r = 0; r < d; r++) {
      if (r === c) continue;
      const f = a[r * d + c];
      for (let j = 0; j < d; j++) (a[r * d + j] -= f * a[c * d + j]), (inv[r * d + j] -= f * inv[c * d + j]);
    }
  }
  return inv;
}

/** Minus the smallest Mahalanobis distance to a class mean, with one covariance shared by the classes. */
function mahalanobis(bank: Float32Array[], labels: Uint8Array, d: number): (f: Float32Array) => number {
  const means = Array.from({ length: K }, () => new Float64Array(d));
  const counts = new Array<number>(K).fill(0);
  bank.forEach((f, i) => (counts[labels[i]]++, f.forEach((v, j) => (means[labels[i]][j] += v))));
  means.forEach((m, k) => m.forEach((_, j) => (m[j] /= counts[k] || 1)));
  const cov = new Float64Array(d * d);
  for (let i = 0; i < bank.length; i++) {
    const diff = bank[i].map((v, j) => v - means[labels[i]][j]);
    for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) cov[r * d + c] += (diff[r] * diff[c]) / bank.length;
  }
  const precision = inverse(cov, d);
  return (f) =>
    -Math.min(
      ...means.map((m) => {
        const diff = f.map((v, j) => v - m[j]);
        let q = 0;
        for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) q += diff[r] * precision[r * d + c] * diff[c];
        return q;
      }),
    );
}

/** The cosine similarity to the 10th nearest training image. */
function nearestNeighbour(bank: Float32Array[], k = 10): (f: Float32Array) => number {
  return (f) => {
    const sims = bank.map((b) => b.reduce((s, v, j) => s + v * f[j], 0)).sort((a, b) => b - a);
    return sims[k - 1];
  };
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      model: { type: 'string', multiple: true, default: [BUNDLED_MODEL_DIR] },
      images: { type: 'string' },
      'out-of-scope': { type: 'string' },
      bank: { type: 'string', default: '5000' },
    },
  });
  if (!args.images || !args['out-of-scope']) {
    throw new UserError('usage: npm run compare-detectors -- --images DIR --out-of-scope DIR2 [--model DIR]... [--bank N]');
  }
  const bankSize = numberOption('bank', args.bank, { whole: true, min: 10 });

  await useWasmBackend();
  const read = readFromDir(SHARD_DIR);
  const train = await loadSplit(read, 'train', { limit: bankSize });
  const test = await loadSplit(read, 'test', { limit: 2000 });
  const drawn = outlierSet(2000, train, 99);
  const sets = {
    inScope: stack((await labelledPhotos(args.images)).map((p) => p.input)),
    outOfScope: stack((await outOfScopePhotos(args['out-of-scope'])).map((p) => p.input)),
    test: bytesToFloats(test.images),
    drawn: bytesToFloats(drawn.images),
  };

  console.log('| model | detector | AUROC, real photos | FPR at 95% TPR, real photos | AUROC, Fashion-MNIST test vs drawn outliers |');
  console.log('|---|---|---|---|---|');
  for (const dir of args.model!) {
    const { model, metadata } = await loadModelFrom(dir);
    const bankOut = outputs(model, bytesToFloats(train.images));
    const bank = rows(bankOut.features, bankOut.width);
    const detectors: [string, (logits: Float32Array, features: Float32Array) => number][] = [
      ['max softmax', (l) => Math.max(...softmaxRows(l))],
      ['energy', (l) => Math.max(...l) + Math.log(l.reduce((s, v) => s + Math.exp(v - Math.max(...l)), 0))],
      ['Mahalanobis', (_, f) => maha(f)],
      ['kNN, k = 10', (_, f) => knn(f)],
      ['top-3 mass (shipped)', (l) => inScopeScore(softmaxRows(l))],
    ];
    const maha = mahalanobis(bank, train.labels, bankOut.width);
    const knn = nearestNeighbour(bank);
    const scored = Object.fromEntries(
      Object.entries(sets).map(([name, x]) => {
        const o = outputs(model, x);
        const [logits, features] = [rows(o.logits, K), rows(o.features, o.width)];
        return [name, detectors.map(([, score]) => logits.map((l, i) => score(l, features[i])))];
      }),
    ) as Record<keyof typeof sets, number[][]>;
    detectors.forEach(([name], d) => {
      const [a, b] = [scored.inScope[d], scored.outOfScope[d]];
      console.log(`| ${metadata.version} | ${name} | ${F(auroc(a, b))} | ${F(fprAt95(a, b))} | ${F(auroc(scored.test[d], scored.drawn[d]))} |`);
    });
    model.dispose();
  }
}

await runCli(main);
