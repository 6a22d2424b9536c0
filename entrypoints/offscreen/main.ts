/**
 * The offscreen document: the one place the model runs. Requests are answered one at a time, in the
 * order they came, on a promise chain that a failed request does not break.
 */
import { answerFrom } from '../../lib/answer';
import { onMessage, type Classification } from '../../lib/messages';
import { classify } from '../../lib/model/predict';
import { preprocess } from '../../lib/preprocess';
import { decodeImage } from './decode-image';
import { modelInUse, reloadModel } from './model';
import { readImage } from './read-image';

let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

async function classifySource(source: string): Promise<Classification> {
  const timer = stageTimer();
  const modelReady = modelInUse();
  const blob = await readImage(source);
  timer.lap('read');
  const image = await decodeImage(blob);
  timer.lap('decode');
  const prepared = preprocess(image.pixels);
  timer.lap('preprocess');
  if (!prepared.ok) throw new Error(prepared.message);
  const model = await modelReady;
  const answer = answerFrom(classify(model.model, prepared.input)[0], model.metadata.outOfScope);
  timer.lap('model');
  return {
    answer,
    modelVersion: model.status.version,
    seen: Array.from(prepared.input, (v) => Math.round(v * 255)),
    thumbnail: image.thumbnail,
    millis: timer.total(),
    stages: timer.stages,
  };
}

/** Where the time of one answer goes, for the end-to-end benchmark. */
function stageTimer() {
  const start = performance.now();
  let last = start;
  const stages: Record<string, number> = {};
  return {
    stages,
    lap(stage: string) {
      const now = performance.now();
      stages[stage] = Math.round((now - last) * 10) / 10;
      last = now;
    },
    total: () => Math.round(performance.now() - start),
  };
}

onMessage('offscreen:classify', ({ data }) => enqueue(() => classifySource(data.source)));
onMessage('offscreen:reload-model', () => enqueue(reloadModel));
onMessage('offscreen:model-status', () => enqueue(async () => (await modelInUse()).status));

void modelInUse(); // load and warm up before the first request arrives
