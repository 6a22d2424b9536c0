/**
 * The offscreen document: the one place the model runs. Reading, decoding and preprocessing run side
 * by side (a few at a time), so a slow or stuck site delays only its own answer; the model steps and
 * model reloads run one at a time, in the order they came, on a promise chain that a failed request
 * does not break.
 */
import pLimit from 'p-limit';
import { answerFrom } from '../../lib/answer';
import { onMessage, type Classification } from '../../lib/messages';
import { classify } from '../../lib/model/predict';
import { preprocess } from '../../lib/preprocess';
import { decodeImage } from './decode-image';
import { modelInUse, reloadModel } from './model';
import { readImage } from './read-image';

/** Pictures read and decoded at once: enough that one stuck site blocks nothing, few enough to bound memory. */
const PARALLEL_READS = 4;
const reads = pLimit(PARALLEL_READS);

let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

async function classifySource(source: string): Promise<Classification> {
  const timer = stageTimer();
  void modelInUse(); // on a cold start, the model loads while the picture is read
  const { image, prepared } = await reads(async () => {
    const blob = await readImage(source);
    timer.lap('read');
    const image = await decodeImage(blob);
    timer.lap('decode');
    const prepared = preprocess(image.pixels);
    timer.lap('preprocess');
    return { image, prepared };
  });
  if (!prepared.ok) throw new Error(prepared.message);
  const { answer, model } = await enqueue(async () => {
    const model = await modelInUse();
    return { answer: answerFrom(classify(model.model, prepared.input)[0], model.metadata.outOfScope), model };
  });
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

onMessage('offscreen:classify', ({ data }) => classifySource(data.source));
onMessage('offscreen:reload-model', () => enqueue(reloadModel));
onMessage('offscreen:model-status', () => enqueue(async () => (await modelInUse()).status));

void modelInUse(); // load and warm up before the first request arrives
