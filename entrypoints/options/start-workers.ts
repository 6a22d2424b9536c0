import { replicasFor } from '../../lib/model/data-parallel';
import { t } from '../../lib/i18n';
import type { ReplicaStart, WorkerEvent, WorkerRequest } from './worker-protocol';

export interface RunningWorkers {
  /** Ends every worker of the request at once, wherever it is. */
  stop(): void;
}

/** Replica workers, one per core (up to MAX_REPLICAS), each with a port for the coordinator; none on a single core. */
function startReplicas(wasmPaths: string): { workers: Worker[]; ports: MessagePort[] } {
  const count = replicasFor(navigator.hardwareConcurrency);
  if (count < 2) return { workers: [], ports: [] };
  const workers: Worker[] = [];
  const ports: MessagePort[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const channel = new MessageChannel();
      const worker = new Worker(new URL('./replica.worker.ts', import.meta.url), { type: 'module' });
      workers.push(worker);
      worker.postMessage({ port: channel.port2, wasmPaths } satisfies ReplicaStart, [channel.port2]);
      ports.push(channel.port1);
    }
  } catch {
    // A browser that will not start more workers: the coordinator trains by itself.
    for (const w of workers) w.terminate();
    return { workers: [], ports: [] };
  }
  return { workers, ports };
}

/**
 * Fine-tuning workers given one request: the coordinator (fine-tune.worker.ts) and, on a computer
 * with several cores, a replica worker per core that it trains on. Its events, and any worker's
 * crash as a failure, go to `onEvent`.
 */
export function startWorkers(request: Omit<WorkerRequest, 'replicaPorts'>, onEvent: (event: WorkerEvent) => void): RunningWorkers {
  const coordinator = new Worker(new URL('./fine-tune.worker.ts', import.meta.url), { type: 'module' });
  const replicas = startReplicas(request.wasmPaths);
  coordinator.onmessage = (e: MessageEvent<WorkerEvent>) => onEvent(e.data);
  coordinator.onerror = (e) => onEvent({ type: 'failed', message: e.message || t('optionsWorkerStopped') });
  replicas.workers.forEach((worker, i) => {
    worker.onerror = (e) => onEvent({ type: 'failed', message: t('optionsReplicaStopped', { number: i + 1, count: replicas.workers.length, reason: e.message || '?' }) });
  });
  coordinator.postMessage({ ...request, replicaPorts: replicas.ports } as WorkerRequest, replicas.ports);
  return { stop: () => [coordinator, ...replicas.workers].forEach((w) => w.terminate()) };
}
