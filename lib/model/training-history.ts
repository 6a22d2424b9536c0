/**
 * The bundled model's own training curves, from what scripts/train.ts wrote in metadata.json: each
 * session's per-epoch history, and the session it continued from under `continuedFromTraining`.
 * Sessions are put end to end, oldest first, with epochs counted across them.
 */
import type { EpochStats } from './fit';

interface TrainingRecord {
  history?: EpochStats[];
  continuedFromTraining?: TrainingRecord;
}

export interface TrainingHistory {
  epochs: (EpochStats & { session: number })[];
  sessions: number;
}

export function trainingHistory(training: TrainingRecord | undefined): TrainingHistory {
  const sessions: EpochStats[][] = [];
  for (let t = training; t; t = t.continuedFromTraining) if (t.history?.length) sessions.unshift(t.history);
  let done = 0;
  const epochs = sessions.flatMap((history, session) =>
    history.map((e) => {
      // A session cut short by its time budget trained only `fraction` of its last epoch.
      done += e.fraction ?? 1;
      return { ...e, epoch: done, session: session + 1 };
    }),
  );
  return { epochs, sessions: sessions.length };
}
