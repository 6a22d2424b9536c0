/** Trains (or times a few batches) off the page's main thread, so the page keeps drawing; the page cancels by terminating it. */
import { fineTune } from '../../lib/finetune/fine-tune';
import { measureSpeed } from '../../lib/finetune/measure-speed';
import { useWasmBackend } from '../../lib/tf/backend';
import type { WorkerEvent, WorkerRequest } from './worker-protocol';

const post = (event: WorkerEvent) => postMessage(event);

onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
  try {
    await useWasmBackend({ wasmPaths: data.wasmPaths });
    const readModel = async (name: string) => data.modelFiles[name];
    if (data.type === 'measure') {
      post({ type: 'speed', speed: await measureSpeed(readModel, data.train, data.test, data.batchSize) });
      return;
    }
    const result = await fineTune(
      { settings: data.settings, readModel, train: data.train, test: data.test, corrections: data.corrections },
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
