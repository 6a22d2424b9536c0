/**
 * The bundled model's own training curves, from what scripts/cli/train.ts wrote in metadata.json: each
 * session's per-epoch history, and the session it continued from under `continuedFromTraining`.
 * Sessions are put end to end, oldest first, with epochs counted across them. A soup
 * (scripts/cli/soup.ts) has no epochs of its own: the curves are those of the model its runs started
 * from, and `soup` says how many runs of how many epochs were averaged after them.
 */
import type { EpochStats } from './fit';

interface TrainingRecord {
  history?: EpochStats[];
  continuedFromTraining?: TrainingRecord;
  soupOf?: { epochs?: number }[];
}

export interface TrainingHistory {
  epochs: (EpochStats & { session: number })[];
  sessions: number;
  soup?: { runs: number; epochs: number };
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
  const runs = training?.soupOf;
  const soup = runs?.length ? { runs: runs.length, epochs: Math.max(...runs.map((r) => r.epochs ?? 0)) } : undefined;
  return { epochs, sessions: sessions.length, ...(soup ? { soup } : {}) };
}
