import { t } from '../../lib/i18n';
import type { WorkerEvent, WorkerRequest } from './worker-protocol';

/** A fine-tuning worker given one request; its events, and its crash as a failure, go to `onEvent`. */
export function startWorker(request: WorkerRequest, onEvent: (event: WorkerEvent) => void): Worker {
  const worker = new Worker(new URL('./fine-tune.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<WorkerEvent>) => onEvent(e.data);
  worker.onerror = (e) => onEvent({ type: 'failed', message: e.message || t('optionsWorkerStopped') });
  worker.postMessage(request);
  return worker;
}
