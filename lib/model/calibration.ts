/**
 * Temperature scaling: one scalar T, fitted on held-out logits by minimising the negative
 * log-likelihood, makes softmax(logits / T) honest about its confidence. ECE measures how honest.
 */
import { CLASS_NAMES } from '../classes';

const K = CLASS_NAMES.length;

/** Softmax of each row of logits / T. */
export function softmaxRows(logits: Float32Array, temperature = 1): Float32Array {
  const out = new Float32Array(logits.length);
  for (let r = 0; r < logits.length; r += K) {
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, logits[r + k] / temperature);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += out[r + k] = Math.exp(logits[r + k] / temperature - max);
    for (let k = 0; k < K; k++) out[r + k] /= sum;
  }
  return out;
}

/** Mean negative log-likelihood of the true labels under softmax(logits / T). */
export function nll(logits: Float32Array, labels: Uint8Array, temperature = 1): number {
  const p = softmaxRows(logits, temperature);
  let total = 0;
  for (let i = 0; i < labels.length; i++) total -= Math.log(Math.max(p[i * K + labels[i]], 1e-12));
  return total / labels.length;
}

/** Expected calibration error: |accuracy - confidence| per confidence bin, weighted by bin size. */
export function expectedCalibrationError(probs: Float32Array, labels: Uint8Array, bins = 15): number {
  const count = new Float64Array(bins);
  const conf = new Float64Array(bins);
  const hits = new Float64Array(bins);
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (probs[i * K + k] > probs[i * K + best]) best = k;
    const c = probs[i * K + best];
    const b = Math.min(bins - 1, Math.floor(c * bins));
    count[b]++;
    conf[b] += c;
    hits[b] += best === labels[i] ? 1 : 0;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b]) ece += Math.abs(hits[b] - conf[b]) / labels.length;
  return ece;
}

/** The T in [0.05, 20] minimising NLL, by golden-section search on log T (NLL is unimodal in T). */
export function fitTemperature(logits: Float32Array, labels: Uint8Array): number {
  const f = (logT: number) => nll(logits, labels, Math.exp(logT));
  const g = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = f(a);
  let fb = f(b);
  while (hi - lo > 1e-4) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = f(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = f(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}
