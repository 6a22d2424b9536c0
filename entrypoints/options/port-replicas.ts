import type { StartTrainer } from '../../lib/model/data-parallel';
import { replicaCaller, startReplicas } from '../../lib/model/replica-calls';

/**
 * The coordinator's side of the replica workers the page started: a StartTrainer that sets up one
 * replica behind each port. Each run (or timing) sets them up anew; the page ends their threads.
 */
export function portTrainer(ports: MessagePort[]): StartTrainer {
  return (model, options) => {
    const callers = ports.map((port, index) => {
      const caller = replicaCaller(index, (message, transfer) => port.postMessage(message, transfer));
      port.onmessage = (e) => caller.receive(e.data);
      return caller;
    });
    return startReplicas(model, options, callers, (index, setup) => ports[index].postMessage(setup));
  };
}
