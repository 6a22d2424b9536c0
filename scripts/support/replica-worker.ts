/**
 * A worker thread holding one replica of the model for data-parallel training (see
 * worker-replicas.ts): sets up tfjs wasm, rebuilds the model sent to it, then answers the
 * coordinator's calls to its ReplicaHost one at a time, in the order they came.
 */
import { parentPort } from 'node:worker_threads';
import { deserializeModel } from '../../lib/model/io';
import { serveReplica } from '../../lib/model/replica-calls';
import { createReplicaHost } from '../../lib/model/replica-host';
import { useWasmBackend } from '../../lib/tf/backend';

const port = parentPort!;
const backend = useWasmBackend();
port.on(
  'message',
  serveReplica(
    async ({ model, options, index }) => (await backend, createReplicaHost(await deserializeModel(model), options, index)),
    (message, transfer) => port.postMessage(message, transfer as ArrayBuffer[]),
  ),
);
