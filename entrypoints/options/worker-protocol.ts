/** Messages between the options page and its fine-tuning workers. */
import type { Dataset } from '../../lib/data/shards';
import type { Speed } from '../../lib/finetune/estimate';
import type { FineTunePhase, FineTuneResult } from '../../lib/finetune/fine-tune';
import type { FineTuneSettings } from '../../lib/finetune/settings';
import type { BatchProgress, EpochStats } from '../../lib/model/fit';
import type { Evaluation } from '../../lib/model/metrics';

interface WorkerInput {
  wasmPaths: string;
  modelFiles: Record<string, Uint8Array>;
  train: Dataset;
  test: Dataset;
  /**
   * Ports to the replica workers the page started (replica.worker.ts), one per core: training runs
   * on them, this worker coordinating. None: this worker trains by itself.
   */
  replicaPorts: MessagePort[];
}

export interface StartTraining extends WorkerInput {
  type: 'train';
  settings: FineTuneSettings;
  corrections: Dataset;
}

/** Times a few batches, to say before Start how long a run takes. */
export interface MeasureSpeed extends WorkerInput {
  type: 'measure';
  batchSize: number;
}

export type WorkerRequest = StartTraining | MeasureSpeed;

export type WorkerEvent =
  | { type: 'phase'; phase: FineTunePhase }
  | { type: 'batch'; progress: BatchProgress }
  | { type: 'epoch'; stats: EpochStats }
  | { type: 'evaluated'; which: 'before' | 'after'; evaluation: Evaluation }
  | { type: 'done'; result: FineTuneResult }
  | { type: 'speed'; speed: Speed }
  | { type: 'failed'; message: string };

/** What the page sends a replica worker: its port to the coordinator, and where TF.js's WASM files are. */
export interface ReplicaStart {
  port: MessagePort;
  wasmPaths: string;
}
