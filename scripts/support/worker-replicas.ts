/**
 * Data-parallel training on several cores in Node: one worker thread per replica of the model
 * (replica-worker.ts), sharing the batch and the gradients through SharedArrayBuffers, driven by
 * lib/model/data-parallel.ts. The workers run TypeScript through tsx's loader, registered in each
 * worker by a one-line bootstrap: on Node 20 a worker started on a .ts file fails ("Unknown file
 * extension") whether it inherits tsx's --import from the parent or is given `--import tsx`.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type * as tfl from '@tensorflow/tfjs-layers';
import { createDataParallelTrainer, type ParallelTrainer, type RemoteReplica } from '../../lib/model/data-parallel';
import { createExchangeBuffers } from '../../lib/model/gradient-exchange';
import { serializeModel } from '../../lib/model/io';
import type { ReplicaHost } from '../../lib/model/replica-host';
import type { TrainerOptions } from '../../lib/model/trainer';
import type { ReplicaAnswer, ReplicaCall, ReplicaWorkerData } from './replica-worker';

/** One worker per core, at most 4: beyond that the shares get small and batch-norm noisy. */
export const defaultWorkerCount = () => Math.min(4, availableParallelism());

// Dynamic imports only, so the bootstrap runs whether Node takes it for a script or a module.
const BOOTSTRAP = `import('node:worker_threads').then(({ workerData }) =>
  import(workerData.tsx).then(({ register }) => (register(), import(workerData.entry))));`;

/** Starts a worker with its replica and resolves once it is ready to take calls. */
function startReplica(data: ReplicaWorkerData): Promise<RemoteReplica> {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { ...data, tsx: import.meta.resolve('tsx/esm/api'), entry: new URL('./replica-worker.ts', import.meta.url).href },
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failure: Error | null = null;
  return new Promise((ready, fail) => {
    const failAll = (err: Error) => {
      failure = err;
      fail(err);
      for (const w of waiting.values()) w.reject(err);
      waiting.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`replica worker ${data.index} exited (code ${code})`)));
    worker.on('message', (message: ReplicaAnswer) => {
      if ('ready' in message) return ready(remote);
      const call = waiting.get(message.id)!;
      waiting.delete(message.id);
      if ('error' in message) call.reject(new Error(`replica worker ${data.index}: ${message.error}`));
      else call.resolve(message.value);
    });
    const call = (method: keyof ReplicaHost, ...args: unknown[]) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, method, args } satisfies ReplicaCall);
      });
    const remote: RemoteReplica = {
      gradients: (start, count) => call('gradients', start, count) as ReturnType<RemoteReplica['gradients']>,
      update: (lr, batchStats) => call('update', lr, batchStats) as Promise<void>,
      weights: () => call('weights') as Promise<Float32Array[]>,
      // Ending the thread frees its memory whatever state it is in.
      dispose: async () => void (await worker.terminate()),
    };
  });
}

/**
 * A trainer for fit() that trains `workers` replicas of `model`, which start from its weights, on
 * shares of batches of up to `batchSize` images.
 */
export async function startWorkerTrainer(model: tfl.LayersModel, options: TrainerOptions, workers: number, batchSize: number): Promise<ParallelTrainer> {
  const paramCount = model.trainableWeights.reduce((n, w) => n + w.read().size, 0);
  const buffers = createExchangeBuffers(batchSize, paramCount, workers);
  const serialized = await serializeModel(model);
  // Only what a replica reads: fit's options also hold callbacks, which cannot cross to a thread.
  const { weightDecay, labelSmoothing, graph, seed } = options;
  const replicaOptions = { weightDecay, labelSmoothing, graph, seed };
  const started = await Promise.allSettled(
    Array.from({ length: workers }, (_, index) => startReplica({ model: serialized, options: replicaOptions, buffers, index })),
  );
  const replicas = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(replicas.map((r) => r.dispose()));
    throw failed.reason;
  }
  return createDataParallelTrainer(model, replicas, buffers);
}
