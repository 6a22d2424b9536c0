/**
 * One replica of the model for data-parallel fine-tuning: the page starts one per core and hands it
 * a port to the run's coordinator (fine-tune.worker.ts), which sets the replica up and sends it its
 * share of every batch (lib/model/replica-calls.ts).
 */
import { deserializeModel } from '../../lib/model/io';
import { serveReplica } from '../../lib/model/replica-calls';
import { createReplicaHost } from '../../lib/model/replica-host';
import { useWasmBackend } from '../../lib/tf/backend';
import type { ReplicaStart } from './worker-protocol';

onmessage = ({ data: { port, wasmPaths } }: MessageEvent<ReplicaStart>) => {
  const backend = useWasmBackend({ wasmPaths });
  backend.catch(() => {}); // reported by the setup that awaits it
  const serve = serveReplica(
    async ({ model, options, index }) => (await backend, createReplicaHost(await deserializeModel(model), options, index)),
    (message, transfer) => port.postMessage(message, transfer),
  );
  port.onmessage = (e) => serve(e.data);
};
