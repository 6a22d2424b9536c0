/**
 * A worker thread holding one replica of the model for data-parallel training (see
 * worker-replicas.ts): sets up tfjs wasm, rebuilds the model sent to it, then answers the
 * coordinator's calls to its ReplicaHost one at a time, in the order they came.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ExchangeBuffers } from '../../lib/model/gradient-exchange';
import { deserializeModel, type SerializedModel } from '../../lib/model/io';
import { createReplicaHost, type ReplicaHost } from '../../lib/model/replica-host';
import type { TrainerOptions } from '../../lib/model/trainer';
import { useWasmBackend } from '../../lib/tf/backend';

export interface ReplicaWorkerData {
  model: SerializedModel;
  options: TrainerOptions;
  buffers: ExchangeBuffers;
  index: number;
}

export interface ReplicaCall {
  id: number;
  method: keyof ReplicaHost;
  args: unknown[];
}

export type ReplicaAnswer = { id: number; value: unknown } | { id: number; error: string } | { ready: true };

const port = parentPort!;
const data = workerData as ReplicaWorkerData;
await useWasmBackend();
const host = createReplicaHost(await deserializeModel(data.model), data.options, data.buffers, data.index);
const answer = (message: ReplicaAnswer) => port.postMessage(message);

port.on('message', ({ id, method, args }: ReplicaCall) => {
  try {
    answer({ id, value: (host[method] as (...a: unknown[]) => unknown)(...args) });
  } catch (err) {
    answer({ id, error: (err as Error).stack ?? String(err) });
  }
});
answer({ ready: true });
