/**
 * Trains (or times a few batches) off the page's main thread, so the page keeps drawing: by itself,
 * or coordinating the replica workers the page started beside it. The page cancels by terminating
 * them all.
 */
import { fineTune } from '../../lib/finetune/fine-tune';
import { measureSpeed } from '../../lib/finetune/measure-speed';
import { useWasmBackend } from '../../lib/tf/backend';
import { portTrainer } from './port-replicas';
import type { WorkerEvent, WorkerRequest } from './worker-protocol';

const post = (event: WorkerEvent) => postMessage(event);

onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
  try {
    await useWasmBackend({ wasmPaths: data.wasmPaths });
    const readModel = async (name: string) => data.modelFiles[name];
    const ports = data.replicaPorts;
    const parallel = ports.length > 1 ? { startTrainer: portTrainer(ports), workers: ports.length } : undefined;
    if (data.type === 'measure') {
      post({ type: 'speed', speed: await measureSpeed(readModel, data.train, data.test, data.batchSize, parallel) });
      return;
    }
    const { settings, train, test, corrections } = data;
    const result = await fineTune(
      { settings, readModel, train, test, corrections, startTrainer: parallel?.startTrainer },
      {
        onPhase: (phase) => post({ type: 'phase', phase }),
        onBatch: (progress) => post({ type: 'batch', progress }),
        onEpoch: (stats) => post({ type: 'epoch', stats }),
        onEvaluated: (which, evaluation) => post({ type: 'evaluated', which, evaluation }),
      },
    );
    post({ type: 'done', result });
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
  }
};
