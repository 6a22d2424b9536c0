import { describe, expect, it } from 'vitest';
import { expectedCalibrationError, fitTemperature, nll, softmaxRows } from './calibration';
import { evaluateOutputs } from './metrics';
import { createRng } from './rng';
import { oneCycleLr } from './schedule';

/** Logits whose calibrated temperature is `t`: labels drawn from softmax(base), logits = base * t. */
function synthetic(count: number, t: number) {
  const rng = createRng(11);
  const logits = new Float32Array(count * 10);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const base = Float32Array.from({ length: 10 }, () => 2 * rng.normal());
    const p = softmaxRows(base);
    let u = rng.next();
    let k = 0;
    while (k < 9 && (u -= p[k]) > 0) k++;
    labels[i] = k;
    base.forEach((v, j) => (logits[i * 10 + j] = v * t));
  }
  return { logits, labels };
}

describe('calibration', () => {
  it('recovers the temperature of over-confident logits and lowers NLL and ECE', () => {
    const { logits, labels } = synthetic(4000, 2.5);
    const t = fitTemperature(logits, labels);
    expect(t).toBeGreaterThan(2.2);
    expect(t).toBeLessThan(2.8);
    expect(nll(logits, labels, t)).toBeLessThan(nll(logits, labels, 1));
    expect(expectedCalibrationError(softmaxRows(logits, t), labels)).toBeLessThan(
      expectedCalibrationError(softmaxRows(logits), labels),
    );
  });

  it('ECE is 0 for confident correct answers and large for confident wrong ones', () => {
    const probs = new Float32Array(20);
    probs[0] = 1;
    probs[11] = 1;
    expect(expectedCalibrationError(probs, Uint8Array.from([0, 1]))).toBeCloseTo(0, 6);
    expect(expectedCalibrationError(probs, Uint8Array.from([3, 4]))).toBeCloseTo(1, 6);
  });

  it('evaluates accuracy, per-class accuracy and the confusion matrix', () => {
    const out = new Float32Array(30);
    out[0] = 1; // predicts 0
    out[10 + 1] = 1; // predicts 1
    out[20 + 1] = 1; // predicts 1
    const e = evaluateOutputs(out, Uint8Array.from([0, 1, 2]));
    expect(e.accuracy).toBeCloseTo(2 / 3, 6);
    expect(e.confusion[2][1]).toBe(1);
    expect(e.perClass['Pullover']).toEqual({ accuracy: 0, count: 1 });
  });

  it('one-cycle rises to the peak then decays', () => {
    const s = { maxLr: 1, warmup: 0.25, startDiv: 20, endDiv: 500 };
    expect(oneCycleLr(0, 101, s)).toBeCloseTo(0.05, 6);
    expect(oneCycleLr(25, 101, s)).toBeCloseTo(1, 6);
    expect(oneCycleLr(100, 101, s)).toBeCloseTo(0.002, 6);
  });
});
