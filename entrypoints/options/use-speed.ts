import { useEffect, useRef, useState } from 'preact/hooks';
import type { Speed } from '../../lib/finetune/estimate';
import { startWorkers, type RunningWorkers } from './start-workers';
import type { MeasureSpeed } from './worker-protocol';

/**
 * This computer's training and prediction speed, timed once per visit in the workers a run uses as soon as the
 * data and the model are there (a few seconds). `stop` ends a timing still running, so it does not
 * slow down a run that starts meanwhile.
 */
export function useSpeed(request: Omit<MeasureSpeed, 'type' | 'replicaPorts'> | undefined) {
  const [speed, setSpeed] = useState<Speed>();
  const workers = useRef<RunningWorkers>();
  const stop = () => {
    workers.current?.stop();
    workers.current = undefined;
  };
  useEffect(() => {
    if (!request || speed) return;
    workers.current = startWorkers({ type: 'measure', ...request }, (event) => {
      // A timing that fails leaves the page without an estimate, nothing else.
      if (event.type === 'speed') setSpeed(event.speed);
      stop();
    });
    return stop;
  }, [request]);
  return { speed, stop };
}
