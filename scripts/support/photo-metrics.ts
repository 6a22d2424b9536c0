/** Accuracy on labelled photos, where "no garment found" (prediction -1) counts as wrong. */
import { CLASS_NAMES } from '../../lib/classes';

export interface PhotoEvaluation {
  count: number;
  accuracy: number;
  /** The mean of the per-class accuracies over the classes that have photos. */
  macroAccuracy: number;
  perClass: Record<string, { accuracy: number; count: number }>;
  /** confusion[true][predicted]; the last column counts photos where no garment was found. */
  confusion: number[][];
  noObject: number;
}

export function evaluatePhotos(labels: number[], predicted: number[]): PhotoEvaluation {
  const K = CLASS_NAMES.length;
  const confusion = Array.from({ length: K }, () => new Array<number>(K + 1).fill(0));
  labels.forEach((label, i) => confusion[label][predicted[i] < 0 ? K : predicted[i]]++);
  const perClass: PhotoEvaluation['perClass'] = {};
  const present: number[] = [];
  CLASS_NAMES.forEach((name, k) => {
    const count = confusion[k].reduce((a, b) => a + b, 0);
    perClass[name] = { accuracy: count ? confusion[k][k] / count : 0, count };
    if (count) present.push(perClass[name].accuracy);
  });
  const correct = confusion.reduce((n, row, k) => n + row[k], 0);
  return {
    count: labels.length,
    accuracy: labels.length ? correct / labels.length : 0,
    macroAccuracy: present.length ? present.reduce((a, b) => a + b, 0) / present.length : 0,
    perClass,
    confusion,
    noObject: predicted.filter((p) => p < 0).length,
  };
}
