/**
 * A replica's calls as messages, for whatever carries them (a Node worker thread, a Web Worker's
 * MessagePort): the coordinator's side turns each call into a message and its answer into a
 * settled promise; the replica's side answers them in the order they came. Big arrays are moved
 * (transferred), not copied, where the sender does not keep them.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { createDataParallelTrainer, type ParallelTrainer, type RemoteReplica } from './data-parallel';
import { serializeModel, type SerializedModel } from './io';
import type { ReplicaHost } from './replica-host';
import type { TrainerOptions } from './trainer';

/** What a replica is made from: sent to its thread before the first call. */
export interface ReplicaSetup {
  model: SerializedModel;
  options: TrainerOptions;
  index: number;
}

export interface ReplicaCall {
  id: number;
  method: keyof ReplicaHost;
  args: unknown[];
}

export type ReplicaAnswer = { id: number; value: unknown } | { id: number; error: string } | { ready: true } | { failed: string };

type Send<T> = (message: T, transfer: Transferable[]) => void;

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The replica's side: answers each call to `host` through `reply`, its gradients and outputs moved rather than copied. */
export function answerCalls(host: ReplicaHost, reply: Send<ReplicaAnswer>): (call: ReplicaCall) => void {
  return ({ id, method, args }) => {
    try {
      const value = (host[method] as (...a: unknown[]) => unknown)(...args);
      const moved = method === 'gradients' ? (value as ReturnType<ReplicaHost['gradients']>).grads : method === 'predict' ? (value as Float32Array) : null;
      reply({ id, value }, moved ? [moved.buffer as ArrayBuffer] : []);
    } catch (err) {
      reply({ id, error: messageOf(err) }, []);
    }
  };
}

export interface ReplicaCaller {
  /** Settles once the replica has answered that it is ready, or failed to start. */
  ready: Promise<RemoteReplica>;
  /** Feed it every message that comes back from the replica. */
  receive(answer: ReplicaAnswer): void;
  /** The channel is gone (the thread crashed or ended): every call waiting, and every later one, fails with `err`. */
  fail(err: Error): void;
}

/**
 * The coordinator's side of replica `index`: calls go out through `send`; `close` ends the replica
 * (by default, asks it to free its model, and leaves its thread to whoever started it).
 */
export function replicaCaller(index: number, send: Send<ReplicaCall>, close?: () => Promise<void>): ReplicaCaller {
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failure: Error | null = null;
  let settleReady!: { resolve: (r: RemoteReplica) => void; reject: (e: Error) => void };
  const ready = new Promise<RemoteReplica>((resolve, reject) => (settleReady = { resolve, reject }));
  ready.catch(() => {}); // also reported to every call

  const call = (method: keyof ReplicaHost, args: unknown[], transfer: Transferable[] = []) =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      send({ id, method, args }, transfer);
    });
  const remote: RemoteReplica = {
    gradients: (pixels, labels, n) =>
      call('gradients', [pixels, labels, n], [pixels.buffer as ArrayBuffer, labels.buffer as ArrayBuffer]) as ReturnType<RemoteReplica['gradients']>,
    predict: (images, count, output) => call('predict', [images, count, output], [images.buffer as ArrayBuffer]) as Promise<Float32Array>,
    update: (lr, meanGrads, batchStats) => call('update', [lr, meanGrads, batchStats]) as Promise<void>,
    weights: () => call('weights', []) as Promise<Float32Array[]>,
    dispose: close ?? (() => call('dispose', []) as Promise<void>),
  };
  const fail = (err: Error) => {
    failure ??= err;
    settleReady.reject(failure);
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  return {
    ready,
    receive(answer) {
      if ('ready' in answer) return settleReady.resolve(remote);
      if ('failed' in answer) return fail(new Error(`replica ${index} could not start: ${answer.failed}`));
      const pending = waiting.get(answer.id);
      if (!pending) return;
      waiting.delete(answer.id);
      if ('error' in answer) pending.reject(new Error(`replica ${index}: ${answer.error}`));
      else pending.resolve(answer.value);
    },
    fail,
  };
}

/**
 * A trainer for fit() on replicas of `model` (which start from its weights, trainable layers as
 * set), one per caller: sends each its setup, waits until all are ready, and closes them all if
 * one fails to start.
 */
export async function startReplicas(
  model: tfl.LayersModel,
  options: TrainerOptions,
  callers: ReplicaCaller[],
  send: (index: number, setup: { setup: ReplicaSetup }) => void,
): Promise<ParallelTrainer> {
  const serialized = await serializeModel(model);
  // Only what a replica reads: fit's options also hold callbacks, which cannot cross to a thread.
  const { weightDecay, labelSmoothing, graph, seed } = options;
  callers.forEach((_, index) => send(index, { setup: { model: serialized, options: { weightDecay, labelSmoothing, graph, seed }, index } }));
  const started = await Promise.allSettled(callers.map((c) => c.ready));
  const replicas = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(replicas.map((r) => r.dispose()));
    throw failed.reason;
  }
  return createDataParallelTrainer(model, replicas);
}

/** The replica's side of a channel: builds its host from the setup message, then answers calls. */
export function serveReplica(
  build: (setup: ReplicaSetup) => Promise<ReplicaHost>,
  reply: Send<ReplicaAnswer>,
): (message: ReplicaCall | { setup: ReplicaSetup }) => void {
  let answer: ((call: ReplicaCall) => void) | null = null;
  let host: ReplicaHost | null = null;
  // Calls that come while the host is being built wait for it, in order.
  let queue: Promise<void> = Promise.resolve();
  return (message) => {
    queue = queue.then(async () => {
      if ('setup' in message) {
        host?.dispose();
        try {
          host = await build(message.setup);
          answer = answerCalls(host, reply);
          reply({ ready: true }, []);
        } catch (err) {
          reply({ failed: messageOf(err) }, []);
        }
        return;
      }
      if (message.method === 'dispose') {
        host?.dispose();
        host = answer = null;
        return reply({ id: message.id, value: undefined }, []);
      }
      if (answer) answer(message);
      else reply({ id: message.id, error: 'no replica was set up' }, []);
    });
  };
}
