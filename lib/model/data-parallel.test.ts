import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTLIER, PIXELS } from '../classes';
import { useWasmBackend } from '../tf/backend';
import { buildModel } from './architecture';
import { createDataParallelTrainer, type RemoteReplica } from './data-parallel';
import { combineBatchStats, splitBatch } from './gradient-exchange';
import { deserializeModel, serializeModel } from './io';
import { createReplicaHost } from './replica-host';
import { createRng } from './rng';
import { plainModel } from './testing/plain-model';
import { createTrainer, type TrainerOptions } from './trainer';

const OPTIONS: TrainerOptions = { weightDecay: 0.01, labelSmoothing: 0.1, seed: 7 };
const LR = 1e-3;

function batch(n: number, seed: number) {
  const rng = createRng(seed);
  return {
    pixels: Float32Array.from({ length: n * PIXELS }, () => rng.next()),
    labels: Uint8Array.from({ length: n }, () => (rng.chance(0.2) ? OUTLIER : rng.int(10))),
  };
}

/** `count` replicas of `model` on this thread, behind the same calls as worker replicas. */
async function inProcessReplicas(model: tfl.LayersModel, count: number) {
  const serialized = await serializeModel(model);
  const hosts = await Promise.all(
    Array.from({ length: count }, async (_, i) => createReplicaHost(await deserializeModel(serialized), OPTIONS, i)),
  );
  const remotes = hosts.map((h): RemoteReplica => ({
    gradients: async (pixels, labels, n) => h.gradients(pixels, labels, n),
    update: async (lr, grads, stats) => h.update(lr, grads, stats),
    predict: async (images, count, output) => h.predict(images, count, output),
    weights: async () => h.weights(),
    dispose: async () => h.dispose(),
  }));
  return { hosts, trainer: createDataParallelTrainer(model, remotes) };
}

const values = (model: tfl.LayersModel) => model.weights.map((w) => Float32Array.from(w.read().dataSync()));

function maxDifference(a: Float32Array[], b: Float32Array[]): number {
  let d = 0;
  a.forEach((w, i) => w.forEach((v, j) => (d = Math.max(d, Math.abs(v - b[i][j])))));
  return d;
}

beforeAll(async () => {
  await useWasmBackend();
});

describe('data-parallel training', () => {
  it.each([2, 3])('with %i replicas, makes the same steps as one trainer on the whole batch', async (count) => {
    const { pixels, labels } = batch(8, 1); // 3 replicas: shares of 2, 3 and 3, weighted by size
    const single = plainModel();
    const parallel = plainModel();
    const start = values(single);
    const trainer = createTrainer(single, OPTIONS);
    const { trainer: dp } = await inProcessReplicas(parallel, count);
    for (let step = 0; step < 3; step++) {
      const a = trainer.step(pixels, labels, 8, LR);
      const b = await dp.step(pixels, labels, 8, LR);
      expect(b.loss).toBeCloseTo(a.loss, 5);
      expect([b.correct, b.scored]).toEqual([a.correct, a.scored]);
    }
    await dp.syncModel();
    // Three Adam steps move a weight by up to 3 * LR; the two must agree far closer than that.
    expect(maxDifference(values(single), start)).toBeGreaterThan(LR);
    expect(maxDifference(values(parallel), values(single))).toBeLessThan(LR / 100);
    trainer.dispose();
    await dp.dispose();
    single.dispose();
    parallel.dispose();
  });

  it('keeps the replicas identical, batch-norm statistics and dropout included, and copies them back', async () => {
    const model = buildModel({ stages: [[4], [6]], head: 'flatten', hidden: 0, dropout: 0.25, seed: 3 });
    const { hosts, trainer } = await inProcessReplicas(model, 2);
    for (let step = 0; step < 4; step++) await trainer.step(batch(8, 10 + step).pixels, batch(8, 10 + step).labels, 8, LR);
    await trainer.syncModel();
    const [first, second] = hosts.map((h) => h.weights());
    expect(maxDifference(first, second)).toBe(0);
    expect(maxDifference(values(model), first)).toBe(0);
    const movingMean = model.getLayer('bn1_1').getWeights()[2].dataSync();
    expect(Array.from(movingMean).some((v) => v !== 0)).toBe(true);
    await trainer.dispose();
    model.dispose();
  });
});

describe('gradient exchange', () => {
  it('cuts a batch into consecutive shares that differ by one image at most', () => {
    expect(splitBatch(8, 3)).toEqual([{ start: 0, count: 2 }, { start: 2, count: 3 }, { start: 5, count: 3 }]);
    expect(splitBatch(64, 2)).toEqual([{ start: 0, count: 32 }, { start: 32, count: 32 }]);
    expect(() => splitBatch(1, 2)).toThrow();
  });

  it("gives the whole batch's mean and variance from its shares'", () => {
    const rng = createRng(4);
    const data = Array.from({ length: 10 }, () => 3 + rng.normal());
    const stats = (xs: number[]) => {
      const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
      return Float32Array.of(mean, xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length);
    };
    const combined = combineBatchStats([stats(data.slice(0, 3)), stats(data.slice(3))], [0.3, 0.7]);
    const whole = stats(data);
    expect(combined[0]).toBeCloseTo(whole[0], 5);
    expect(combined[1]).toBeCloseTo(whole[1], 5);
  });
});
