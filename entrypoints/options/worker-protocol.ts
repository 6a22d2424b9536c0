/** Messages between the options page and its fine-tuning worker. */
import type { Dataset } from '../../lib/data/shards';
import type { FineTuneResult } from '../../lib/finetune/fine-tune';
import type { FineTuneSettings } from '../../lib/finetune/settings';
import type { BatchProgress, EpochStats } from '../../lib/model/fit';
import type { Evaluation } from '../../lib/model/metrics';

export interface StartTraining {
  settings: FineTuneSettings;
  wasmPaths: string;
  modelFiles: Record<string, Uint8Array>;
  train: Dataset;
  test: Dataset;
  corrections: Dataset;
}

export type WorkerEvent =
  | { type: 'batch'; progress: BatchProgress }
  | { type: 'epoch'; stats: EpochStats }
  | { type: 'evaluated'; which: 'before' | 'after'; evaluation: Evaluation }
  | { type: 'done'; result: FineTuneResult }
  | { type: 'failed'; message: string };
