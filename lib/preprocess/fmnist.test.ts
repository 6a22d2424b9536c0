/**
 * Round trip on real Fashion-MNIST items: an item scaled up 10x and turned back into a dark product on
 * white must come back as (nearly) the original 28x28. Needs the Fashion-MNIST files (Debian package
 * dataset-fashion-mnist); FASHION_MNIST_DIR overrides their location. Missing files fail the test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { preprocess } from './index';
import { correlation } from './testing/helpers';

const DIR = process.env.FASHION_MNIST_DIR ?? '/usr/share/datasets/fashion-mnist';

function readIdx(file: string, headerBytes: number): Uint8Array {
  const path = join(DIR, file);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: install the Debian package dataset-fashion-mnist or set FASHION_MNIST_DIR`);
  }
  return gunzipSync(readFileSync(path)).subarray(headerBytes);
}

/** The item scaled up `k` times (each pixel a k x k block) and negated: a dark product on white, RGBA. */
function asPhoto(item: Uint8Array, k: number) {
  const side = 28 * k;
  const data = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const v = 255 - item[Math.floor(y / k) * 28 + Math.floor(x / k)];
      data.set([v, v, v, 255], (y * side + x) * 4);
    }
  }
  return { width: side, height: side, data };
}

describe('Fashion-MNIST round trip', () => {
  it('gives back nearly the original 28x28 for 10 test items of each class', () => {
    const images = readIdx('t10k-images-idx3-ubyte.gz', 16);
    const labels = readIdx('t10k-labels-idx1-ubyte.gz', 8);
    const picked: number[] = [];
    const perClass = new Array(10).fill(0);
    for (let i = 0; i < labels.length && picked.length < 100; i++) {
      if (perClass[labels[i]] < 10) {
        perClass[labels[i]]++;
        picked.push(i);
      }
    }
    const corrs: number[] = [];
    const diffs: number[] = [];
    for (const i of picked) {
      const item = images.subarray(i * 784, (i + 1) * 784);
      const res = preprocess(asPhoto(item, 10));
      expect(res.ok, `item ${i}`).toBe(true);
      if (!res.ok) continue;
      const original = Array.from(item, (v) => v / 255);
      corrs.push(correlation(res.input, original));
      diffs.push(res.input.reduce((s, v, p) => s + Math.abs(v - original[p]), 0) / 784);
    }
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    const sorted = [...corrs].sort((a, b) => a - b);
    console.log(
      `round trip: mean correlation ${mean(corrs).toFixed(3)}, 10th percentile ${sorted[10].toFixed(3)}, ` +
        `min ${sorted[0].toFixed(3)}, mean abs difference ${mean(diffs).toFixed(3)}`,
    );
    expect(mean(corrs)).toBeGreaterThan(0.9);
    expect(sorted[10]).toBeGreaterThan(0.8);
    expect(mean(diffs)).toBeLessThan(0.1);
  });
});
