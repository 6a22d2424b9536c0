// Real worker threads: the plumbing (shared buffers, calls, weights copied back) on top of what
// lib/model/data-parallel.test.ts checks of the arithmetic in one thread.
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTLIER, PIXELS } from '../../lib/classes';
import { buildModel } from '../../lib/model/architecture';
import { createRng } from '../../lib/model/rng';
import { createTrainer, type TrainerOptions } from '../../lib/model/trainer';
import { useWasmBackend } from '../../lib/tf/backend';
import { startWorkerTrainer } from './worker-replicas';

const OPTIONS: TrainerOptions = { weightDecay: 0.01, labelSmoothing: 0.1, seed: 7 };
const ARCHITECTURE = { stages: [[4], [6]], head: 'flatten' as const, hidden: 0, dropout: 0.25, seed: 3 };
const B = 8;
const rng = createRng(2);
const pixels = Float32Array.from({ length: B * PIXELS }, () => rng.next());
const labels = Uint8Array.from({ length: B }, () => (rng.chance(0.2) ? OUTLIER : rng.int(10)));
const values = (model: ReturnType<typeof buildModel>) => model.weights.map((w) => Array.from(w.read().dataSync()));

beforeAll(async () => {
  await useWasmBackend();
});

describe('worker replicas', () => {
  it('with one worker, train exactly as the trainer in this thread, batch-norm and dropout included', async () => {
    const here = buildModel(ARCHITECTURE);
    const there = buildModel(ARCHITECTURE);
    const trainer = createTrainer(here, OPTIONS);
    const workers = await startWorkerTrainer(there, OPTIONS, 1);
    for (let step = 0; step < 3; step++) expect((await workers.step(pixels, labels, B, 1e-3)).loss).toBe(trainer.step(pixels, labels, B, 1e-3).loss);
    await workers.syncModel();
    expect(values(there)).toEqual(values(here));
    await workers.dispose();
    trainer.dispose();
    here.dispose();
    there.dispose();
  });

  it('with two workers, learn the batch', async () => {
    const model = buildModel(ARCHITECTURE);
    const workers = await startWorkerTrainer(model, OPTIONS, 2);
    const losses: number[] = [];
    for (let step = 0; step < 5; step++) losses.push((await workers.step(pixels, labels, B, 1e-2)).loss);
    expect(losses[4]).toBeLessThan(losses[0]);
    const before = values(model);
    await workers.syncModel();
    expect(values(model)).not.toEqual(before);
    await workers.dispose();
    model.dispose();
  });
});
