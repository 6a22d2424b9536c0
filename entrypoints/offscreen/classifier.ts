/**
 * The part of the classifier page that needs TF.js, which is most of the page's script: main.ts loads
 * it lazily, so a cold page takes its first request, and reads the picture, while TF.js is parsed.
 */
import * as tf from '@tensorflow/tfjs-core';

export { modelInUse, reloadModel } from './model';
export { classifyInBatch } from './model-batch';
export { enqueue } from './model-queue';

export const tensorCount = () => tf.memory().numTensors;
