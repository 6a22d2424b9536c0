import { useRef, useState } from 'preact/hooks';
import type { TrainingState } from '../../lib/finetune/run-state';
import type { EpochStats } from '../../lib/model/fit';
import { startWorkers, type RunningWorkers } from './start-workers';
import type { StartTraining, WorkerEvent } from './worker-protocol';

const IDLE: TrainingState = { status: 'idle', curve: [] };
const CURVE_EVERY = 10; // batches between two points of the training curves

/** Runs one fine-tuning in workers; cancelling, or any worker failing, terminates them all, so they stop at once. */
export function useTraining() {
  const [state, setState] = useState<TrainingState>(IDLE);
  const workers = useRef<RunningWorkers>();

  const stop = () => {
    workers.current?.stop();
    workers.current = undefined;
  };

  const onEvent = (event: WorkerEvent) =>
    setState((s) => {
      switch (event.type) {
        case 'batch': {
          const p = event.progress;
          const point = { at: p.epoch + p.batch / p.batches, loss: p.loss, accuracy: p.accuracy, valLoss: null, valAccuracy: null };
          const curve = p.batch % CURVE_EVERY === 0 ? [...s.curve, point] : s.curve;
          return { ...s, progress: p, curve };
        }
        case 'epoch': {
          const e: EpochStats = event.stats;
          return { ...s, curve: [...s.curve, { at: e.epoch, loss: e.loss, accuracy: e.accuracy, valLoss: e.valLoss, valAccuracy: e.valAccuracy }] };
        }
        case 'phase':
          return { ...s, phase: event.phase };
        case 'evaluated':
          return { ...s, [event.which]: event.evaluation };
        case 'done':
          stop();
          return { ...s, status: 'finished', result: event.result, finishedAt: performance.now() };
        case 'failed':
          stop();
          return { ...s, status: 'failed', error: event.message };
        default:
          return s;
      }
    });

  const start = (request: Omit<StartTraining, 'replicaPorts'>) => {
    stop();
    setState({ ...IDLE, status: 'running', startedAt: performance.now() });
    workers.current = startWorkers(request, onEvent);
  };

  const cancel = () => {
    stop();
    setState((s) => ({ ...s, status: 'cancelled' }));
  };

  const reset = () => setState(IDLE);

  return { state, start, cancel, reset };
}

export type Training = ReturnType<typeof useTraining>;
