/**
 * Runs the model on every prepared picture waiting for it at once: one batched run costs far less per
 * picture than one run each (`npm run bench:scan`). A picture joins the next batch the model queue
 * reaches; answers go back to each asker as soon as their batch is done.
 */
import { classify } from '../../lib/model/predict';
import { modelInUse, type ModelInUse } from './model';
import { enqueue } from './model-queue';

/** Bounds one run's memory and keeps a right-click's run from waiting behind a long one. */
const MAX_BATCH = 32;

interface Waiting {
  input: Float32Array;
  resolve(result: { probabilities: Float32Array; model: ModelInUse }): void;
  reject(err: unknown): void;
}

const waiting: Waiting[] = [];
let scheduled = false;

async function runBatch(): Promise<void> {
  const batch = waiting.splice(0, MAX_BATCH);
  scheduled = false;
  if (waiting.length) schedule();
  try {
    const model = await modelInUse();
    const outputs = classify(model.model, batch.map((w) => w.input));
    batch.forEach((w, i) => w.resolve({ probabilities: outputs[i], model }));
  } catch (err) {
    batch.forEach((w) => w.reject(err));
  }
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  void enqueue(runBatch);
}

/** The class probabilities of one prepared 28x28 input, run in a batch with whatever else waits. */
export function classifyInBatch(input: Float32Array): Promise<{ probabilities: Float32Array; model: ModelInUse }> {
  return new Promise((resolve, reject) => {
    waiting.push({ input, resolve, reject });
    schedule();
  });
}
