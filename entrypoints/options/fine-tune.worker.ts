/** Trains off the page's main thread, so the page keeps drawing; the page cancels by terminating it. */
import { fineTune } from '../../lib/finetune/fine-tune';
import { useWasmBackend } from '../../lib/tf/backend';
import type { StartTraining, WorkerEvent } from './worker-protocol';

const post = (event: WorkerEvent) => postMessage(event);

onmessage = async ({ data }: MessageEvent<StartTraining>) => {
  try {
    await useWasmBackend({ wasmPaths: data.wasmPaths });
    const result = await fineTune(
      { settings: data.settings, readModel: async (name) => data.modelFiles[name], train: data.train, test: data.test, corrections: data.corrections },
      {
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
