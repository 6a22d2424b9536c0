// The messages between a coordinator and its replicas, over real MessageChannels (structured
// clones, moved buffers), as the options page's workers and Node's worker threads send them.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type * as tfl from '@tensorflow/tfjs-layers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OUTLIER, PIXELS } from '../classes';
import { useWasmBackend } from '../tf/backend';
import { logitsModel } from './architecture';
import { deserializeModel } from './io';
import { predictAll } from './predict';
import { replicaCaller, serveReplica, startReplicas, type ReplicaSetup } from './replica-calls';
import { createReplicaHost, type ReplicaHost } from './replica-host';
import { createRng } from './rng';
import { plainModel } from './testing/plain-model';
import { createTrainer, type TrainerOptions } from './trainer';

const OPTIONS: TrainerOptions = { weightDecay: 0.01, labelSmoothing: 0.1, seed: 7 };
const B = 12;
const LR = 1e-3;
const rng = createRng(3);
const pixels = Float32Array.from({ length: B * PIXELS }, () => rng.next());
const labels = Uint8Array.from({ length: B }, () => (rng.chance(0.2) ? OUTLIER : rng.int(10)));

const values = (model: tfl.LayersModel) => model.weights.map((w) => Array.from(w.read().dataSync()));
const maxDifference = (a: number[][], b: number[][]) => Math.max(...a.flatMap((w, i) => w.map((v, j) => Math.abs(v - b[i][j]))));

const open: MessagePort[] = [];
type Build = (setup: ReplicaSetup) => Promise<ReplicaHost>;
const realHost: Build = async ({ model, options, index }) => createReplicaHost(await deserializeModel(model), options, index);

/** `count` replicas of `model`, each behind its own MessageChannel, built by `build`. */
function overChannels(model: tfl.LayersModel, count: number, build: Build = realHost) {
  const ends = Array.from({ length: count }, (_, index) => {
    const { port1, port2 } = new MessageChannel();
    open.push(port1, port2);
    port2.on('message', serveReplica(build, (message, transfer) => port2.postMessage(message, transfer as ArrayBuffer[])));
    const caller = replicaCaller(index, (message, transfer) => port1.postMessage(message, transfer as ArrayBuffer[]));
    port1.on('message', caller.receive);
    return { port: port1, caller };
  });
  return startReplicas(model, OPTIONS, ends.map((e) => e.caller), (index, setup) => ends[index].port.postMessage(setup));
}

beforeAll(async () => {
  await useWasmBackend();
});
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

describe('replicas over messages', () => {
  it('one replica and three train to the same weights as one trainer, from the same start on the same batches', async () => {
    const [here, one, three] = [plainModel(), plainModel(), plainModel()];
    const start = values(here);
    const trainer = createTrainer(here, OPTIONS);
    const onOne = await overChannels(one, 1);
    const onThree = await overChannels(three, 3); // shares of 4 images each, weighted equally
    for (let step = 0; step < 3; step++) {
      const expected = trainer.step(pixels, labels, B, LR);
      for (const dp of [onOne, onThree]) {
        const got = await dp.step(pixels, labels, B, LR);
        expect(got.loss).toBeCloseTo(expected.loss, 5);
        expect([got.correct, got.scored]).toEqual([expected.correct, expected.scored]);
      }
    }
    await Promise.all([onOne.syncModel(), onThree.syncModel()]);
    // Three Adam steps move a weight by up to 3 * LR; one and three replicas agree far closer than that.
    expect(maxDifference(values(here), start)).toBeGreaterThan(LR);
    expect(maxDifference(values(one), values(here))).toBeLessThan(LR / 1000);
    expect(maxDifference(values(three), values(here))).toBeLessThan(LR / 1000);
    expect(maxDifference(values(three), values(one))).toBeLessThan(LR / 1000);
    trainer.dispose();
    await Promise.all([onOne.dispose(), onThree.dispose()]);
    for (const m of [here, one, three]) m.dispose();
  });

  it('predict as this thread does, each replica taking a share of the images', async () => {
    const model = plainModel();
    const images = Uint8Array.from({ length: 7 * PIXELS }, () => rng.int(256));
    const replicas = await overChannels(model, 3);
    expect(await replicas.predict(images, 7, 'probabilities')).toEqual(predictAll(model, images, 7));
    expect(await replicas.predict(images, 7, 'logits')).toEqual(predictAll(logitsModel(model), images, 7));
    expect(await replicas.predict(images, 2, 'logits')).toEqual(predictAll(logitsModel(model), images, 2)); // fewer images than replicas
    await replicas.dispose();
    model.dispose();
  });

  it("ends the step with a replica's error, naming the replica", async () => {
    const model = plainModel();
    const failing: Build = async (setup) => {
      const host = await realHost(setup);
      if (setup.index !== 1) return host;
      return { ...host, gradients: () => { throw new Error('out of memory'); } };
    };
    const dp = await overChannels(model, 2, failing);
    await expect(dp.step(pixels, labels, B, LR)).rejects.toThrow('replica 1: out of memory');
    await dp.dispose();
    model.dispose();
  });

  it('a replica that cannot start fails the start with its reason, and the others are closed', async () => {
    const model = plainModel();
    const disposed: number[] = [];
    const build: Build = async (setup) => {
      if (setup.index === 1) throw new Error('no WebAssembly here');
      const host = await realHost(setup);
      return { ...host, dispose: () => (disposed.push(setup.index), host.dispose()) };
    };
    await expect(overChannels(model, 2, build)).rejects.toThrow('replica 1 could not start: no WebAssembly here');
    expect(disposed).toEqual([0]);
    model.dispose();
  });
});
