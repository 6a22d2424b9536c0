/** Accuracy figures from model outputs (count x 10, probabilities or logits) and true labels. */
import { CLASS_NAMES } from '../classes';
import type { ClassAccuracy } from './contract';

const K = CLASS_NAMES.length;

export function argmaxRows(outputs: Float32Array, count: number): Uint8Array {
  const pred = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (outputs[i * K + k] > outputs[i * K + best]) best = k;
    pred[i] = best;
  }
  return pred;
}

/** confusion[true][predicted] counts. */
export function confusionMatrix(predicted: Uint8Array, labels: Uint8Array): number[][] {
  const m = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  for (let i = 0; i < labels.length; i++) m[labels[i]][predicted[i]]++;
  return m;
}

export interface Evaluation {
  count: number;
  accuracy: number;
  perClass: Record<string, ClassAccuracy>;
  confusion: number[][];
}

export function evaluateOutputs(outputs: Float32Array, labels: Uint8Array): Evaluation {
  const predicted = argmaxRows(outputs, labels.length);
  const confusion = confusionMatrix(predicted, labels);
  const perClass: Record<string, ClassAccuracy> = {};
  let correct = 0;
  CLASS_NAMES.forEach((name, k) => {
    const count = confusion[k].reduce((a, b) => a + b, 0);
    correct += confusion[k][k];
    perClass[name] = { accuracy: count ? confusion[k][k] / count : 0, count };
  });
  return { count: labels.length, accuracy: labels.length ? correct / labels.length : 0, perClass, confusion };
}
