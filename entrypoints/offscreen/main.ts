/**
 * The offscreen document: the one place the model runs. Reading runs side by side (a few at a time),
 * so a slow or stuck site delays only its own answer; a page scan's pictures are read in a lane of their
 * own, so a right-click during a scan is not queued behind them. Decoding runs one at a time, as it can
 * take hundreds of megabytes; the model runs on every prepared picture waiting at once (model-batch.ts),
 * and model runs and reloads take turns on one queue. A request can be cancelled at any step. The page
 * closes itself when idle (idle-close.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import pLimit from 'p-limit';
import { answerFrom } from '../../lib/answer';
import { CANCELLED, onMessageFrom, type Classification, type ClassifyRequest } from '../../lib/messages';
import { preprocess } from '../../lib/preprocess';
import { decodeImage } from './decode-image';
import { keepOpenWhile } from './idle-close';
import { modelInUse, reloadModel } from './model';
import { classifyInBatch } from './model-batch';
import { enqueue } from './model-queue';
import { readImage } from './read-image';
import { markOnce, timeline } from './timeline';

markOnce('script-run');

/** Pictures read at once: enough that one stuck site blocks nothing, few enough to bound memory. */
const reads = pLimit(4);
const scanReads = pLimit(4);
const decodes = pLimit(1);
/** The requests under way, by id, so that a closed card or tab can stop its own. */
const underWay = new Map<string, AbortController>();

async function classifySource({ source, crop, requestedBy, requestId, scan }: ClassifyRequest): Promise<Classification> {
  const controller = new AbortController();
  underWay.set(requestId, controller);
  const { signal } = controller;
  /** Between steps: a cancelled request goes no further. */
  const stillWanted = () => {
    if (signal.aborted) throw new Error(CANCELLED);
  };
  try {
    const started = performance.now();
    markOnce('request-received');
    void modelInUse(); // on a cold start, the model loads while the picture is read
    const bytes = await (scan ? scanReads : reads)(async () => (stillWanted(), readImage(source, { requestedBy, signal })));
    markOnce('picture-read');
    const { image, prepared } = await decodes(async () => {
      stillWanted();
      const image = await decodeImage(bytes, crop);
      markOnce('picture-decoded');
      return { image, prepared: preprocess(image.pixels) };
    });
    markOnce('picture-prepared');
    if (!prepared.ok) throw new Error(prepared.message);
    stillWanted();
    const { probabilities, model } = await classifyInBatch(prepared.input);
    markOnce('model-run');
    stillWanted();
    const answer = answerFrom(probabilities, model.metadata.outOfScope);
    return {
      answer,
      modelVersion: model.status.version,
      seen: Array.from(prepared.input, (v) => Math.round(v * 255)),
      thumbnail: image.thumbnail,
      millis: Math.round(performance.now() - started),
    };
  } finally {
    underWay.delete(requestId);
  }
}

function cancel(idPrefix: string): void {
  for (const [id, controller] of underWay) if (id.startsWith(idPrefix)) controller.abort();
}

// Every message keeps the page open until it is answered (idle-close.ts).
onMessageFrom('offscreen:classify', 'background', ({ data }) => keepOpenWhile(() => classifySource(data)));
onMessageFrom('offscreen:cancel', 'background', ({ data }) => keepOpenWhile(() => cancel(data.idPrefix)));
onMessageFrom('offscreen:reload-model', 'background', () => keepOpenWhile(() => enqueue(reloadModel)));
onMessageFrom('offscreen:model-status', 'background', () => keepOpenWhile(() => enqueue(async () => (await modelInUse()).status)));
// performance.memory is Chrome's alone; Firefox says nothing of the heap.
onMessageFrom('offscreen:memory', 'background', () =>
  keepOpenWhile(() => ({
    heapBytes: (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize,
    tensors: tf.memory().numTensors,
  })),
);
onMessageFrom('offscreen:timeline', 'background', () => keepOpenWhile(timeline));

void modelInUse(); // load and warm up before the first request arrives
