/**
 * Data-parallel training on several cores in Node: one worker thread per replica of the model
 * (replica-worker.ts), sent their shares of each batch and the mean gradients as messages
 * (lib/model/replica-calls.ts), driven by lib/model/data-parallel.ts. The workers run TypeScript through tsx's loader, registered in each
 * worker by a one-line bootstrap: on Node 20 a worker started on a .ts file fails ("Unknown file
 * extension") whether it inherits tsx's --import from the parent or is given `--import tsx`.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type * as tfl from '@tensorflow/tfjs-layers';
import { replicasFor, type ParallelTrainer } from '../../lib/model/data-parallel';
import { replicaCaller, startReplicas, type ReplicaCaller } from '../../lib/model/replica-calls';
import type { TrainerOptions } from '../../lib/model/trainer';

/** One worker per core, up to MAX_REPLICAS (lib/model/data-parallel.ts says why). */
export const defaultWorkerCount = () => replicasFor(availableParallelism());

// Dynamic imports only, so the bootstrap runs whether Node takes it for a script or a module.
const BOOTSTRAP = `import('node:worker_threads').then(({ workerData }) =>
  import(workerData.tsx).then(({ register }) => (register(), import(workerData.entry))));`;

/** Starts worker thread `index` for a replica; its answers and its end go to the caller. */
function startReplicaThread(index: number): { worker: Worker; caller: ReplicaCaller } {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { tsx: import.meta.resolve('tsx/esm/api'), entry: new URL('./replica-worker.ts', import.meta.url).href },
  });
  // Ending the thread frees its memory whatever state it is in.
  const caller = replicaCaller(index, (message, transfer) => worker.postMessage(message, transfer as ArrayBuffer[]), async () => void (await worker.terminate()));
  worker.on('message', caller.receive);
  worker.on('error', caller.fail);
  worker.on('exit', (code) => caller.fail(new Error(`replica worker ${index} exited (code ${code})`)));
  return { worker, caller };
}

/**
 * A trainer for fit() that trains `workers` replicas of `model`, which start from its weights, each
 * in its own worker thread.
 */
export async function startWorkerTrainer(model: tfl.LayersModel, options: TrainerOptions, workers: number): Promise<ParallelTrainer> {
  const threads = Array.from({ length: workers }, (_, index) => startReplicaThread(index));
  try {
    return await startReplicas(model, options, threads.map((t) => t.caller), (index, setup) => threads[index].worker.postMessage(setup));
  } catch (err) {
    await Promise.all(threads.map((t) => t.worker.terminate()));
    throw err;
  }
}
