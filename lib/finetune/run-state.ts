/**
 * One fine-tuning run as the options page shows it: where it is, its curves so far, and how it ended.
 * The options page's useTraining keeps it up to date from the worker's events; the training
 * components draw it.
 */
import type { BatchProgress } from '../model/fit';
import type { Evaluation } from '../model/metrics';
import type { FineTunePhase, FineTuneResult } from './fine-tune';

export interface CurvePoint {
  /** Epochs done, fractional between epoch ends. */
  at: number;
  loss: number | null;
  accuracy: number | null;
  valLoss: number | null;
  valAccuracy: number | null;
}

export interface TrainingState {
  status: 'idle' | 'running' | 'finished' | 'failed' | 'cancelled';
  phase?: FineTunePhase;
  progress?: BatchProgress;
  startedAt?: number;
  finishedAt?: number;
  curve: CurvePoint[];
  before?: Evaluation;
  after?: Evaluation;
  result?: FineTuneResult;
  error?: string;
}
