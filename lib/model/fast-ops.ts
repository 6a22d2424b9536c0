/**
 * Training-time batch-norm(+ReLU) and 2x2 max-pool with hand-written gradients.
 * tfjs's own gradients for these are slow on the WASM backend: batch-norm's spreads per-channel
 * values over the whole activation in many separate passes, and MaxPoolGrad is a generic loop
 * (~45 ms for 64x28x28x32, more than the convolution before it). Plain loops over the NHWC data
 * (channel innermost) do each in a few passes, on any backend that can read and write tensor data
 * synchronously (cpu, wasm). The loops avoid data-dependent branches (ReLU signs are random and
 * mispredicted branches cost more than the arithmetic) and live in module-level functions, so the
 * JS engine optimises them once.
 */
import * as tf from '@tensorflow/tfjs-core';

/** tf.customGrad's parameter type; its declared signature is looser than what it calls. */
type CustomGradFn = Parameters<typeof tf.customGrad>[0];

export interface BatchStats {
  mean: Float32Array;
  variance: Float32Array;
}

/** Reusable output buffers: only where the backend copies data on tensor creation (wasm does). */
const buffers = new Map<string, Float32Array>();
function output(slot: string, n: number): Float32Array {
  if (tf.getBackend() !== 'wasm') return new Float32Array(n);
  let b = buffers.get(slot);
  if (!b || b.length < n) buffers.set(slot, (b = new Float32Array(n)));
  return b.subarray(0, n);
}

interface BnState {
  C: number;
  M: number;
  mean: Float64Array;
  variance: Float64Array;
  rstd: Float64Array;
  scale: Float64Array;
  /** 1 where the fused ReLU passed the value, else 0 (null without ReLU). */
  mask: Uint8Array | null;
}

// Each loop is its own small function: a function holding several long loops gets compiled
// mid-loop (on-stack replacement) before the code after the loop has run, and then keeps
// deoptimising; measured 3-5x slower.

function sumsPass(xs: Float32Array, C: number, sum: Float64Array, sumSq: Float64Array): void {
  for (let i = 0, c = 0, n = xs.length; i < n; i++) {
    const v = xs[i];
    sum[c] += v;
    sumSq[c] += v * v;
    if (++c === C) c = 0;
  }
}

function affinePass(xs: Float32Array, y: Float32Array, C: number, scale: Float64Array, shift: Float64Array): void {
  for (let i = 0, c = 0, n = xs.length; i < n; i++) {
    y[i] = xs[i] * scale[c] + shift[c];
    if (++c === C) c = 0;
  }
}

function affineReluPass(xs: Float32Array, y: Float32Array, mask: Uint8Array, C: number, scale: Float64Array, shift: Float64Array): void {
  const bits = new Int32Array(y.buffer, y.byteOffset, y.length);
  for (let i = 0, c = 0, n = xs.length; i < n; i++) {
    const v = xs[i] * scale[c] + shift[c];
    y[i] = 0.5 * (v + Math.abs(v)); // max(v, 0) without a branch
    mask[i] = -bits[i] >>> 31; // 1 iff y > 0 (y is never negative)
    if (++c === C) c = 0;
  }
}

export function bnForward(xs: Float32Array, y: Float32Array, C: number, g: ArrayLike<number>, b: ArrayLike<number>, eps: number, relu: boolean): BnState {
  const M = xs.length / C;
  const sum = new Float64Array(C);
  const sumSq = new Float64Array(C);
  sumsPass(xs, C, sum, sumSq);
  const mean = new Float64Array(C);
  const variance = new Float64Array(C);
  const rstd = new Float64Array(C);
  const scale = new Float64Array(C);
  const shift = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    mean[c] = sum[c] / M;
    variance[c] = Math.max(0, sumSq[c] / M - mean[c] * mean[c]); // float64 sums: no cancellation worry
    rstd[c] = 1 / Math.sqrt(variance[c] + eps);
    scale[c] = g[c] * rstd[c];
    shift[c] = b[c] - mean[c] * scale[c];
  }
  const mask = relu ? new Uint8Array(xs.length) : null;
  if (mask) affineReluPass(xs, y, mask, C, scale, shift);
  else affinePass(xs, y, C, scale, shift);
  return { C, M, mean, variance, rstd, scale, mask };
}

function gradSumsPass(xs: Float32Array, d: ArrayLike<number>, mask: Uint8Array | null, C: number, sdy: Float64Array, sdyx: Float64Array): void {
  for (let i = 0, c = 0, n = xs.length; i < n; i++) {
    const v = mask ? d[i] * mask[i] : d[i];
    sdy[c] += v;
    sdyx[c] += v * xs[i];
    if (++c === C) c = 0;
  }
}

function gradPass(xs: Float32Array, d: ArrayLike<number>, mask: Uint8Array | null, dx: Float32Array, C: number, a: Float64Array, bx: Float64Array, e: Float64Array): void {
  for (let i = 0, c = 0, n = xs.length; i < n; i++) {
    const v = mask ? d[i] * mask[i] : d[i];
    dx[i] = a[c] * v + bx[c] * xs[i] + e[c];
    if (++c === C) c = 0;
  }
}

/** dgamma and dbeta from dy (masked where the fused ReLU output 0); writes dx. */
function bnBackward(xs: Float32Array, d: ArrayLike<number>, dx: Float32Array, s: BnState): [Float32Array, Float32Array] {
  const { C, M, mean, rstd, scale, mask } = s;
  const sdy = new Float64Array(C);
  const sdyx = new Float64Array(C);
  gradSumsPass(xs, d, mask, C, sdy, sdyx);
  // dgamma = sum(dy * xhat); dx = scale * (dy - (sum(dy) + xhat * dgamma) / M) = a*dy + b*x + e.
  const dgamma = new Float32Array(C);
  const bx = new Float64Array(C);
  const e = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    const sdxhat = rstd[c] * (sdyx[c] - mean[c] * sdy[c]);
    dgamma[c] = sdxhat;
    bx[c] = (-scale[c] * rstd[c] * sdxhat) / M;
    e[c] = (-scale[c] * (sdy[c] - mean[c] * rstd[c] * sdxhat)) / M;
  }
  gradPass(xs, d, mask, dx, C, scale, bx, e);
  return [dgamma, Float32Array.from(sdy)];
}

/**
 * y = relu?(gamma * (x - mean) / sqrt(var + eps) + beta) with the batch's own mean and (biased)
 * variance per channel (last axis). Reports those statistics for the moving averages.
 */
export function batchNormTrain(
  x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, epsilon: number, relu: boolean, report: (s: BatchStats) => void,
): tf.Tensor {
  const op = tf.customGrad(((xt: tf.Tensor, gt: tf.Tensor, bt: tf.Tensor) => {
    const xs = xt.dataSync() as Float32Array;
    const y = output('bn-y', xs.length);
    const state = bnForward(xs, y, xt.shape[xt.rank - 1], gt.dataSync(), bt.dataSync(), epsilon, relu);
    report({ mean: Float32Array.from(state.mean), variance: Float32Array.from(state.variance) });
    return {
      value: tf.tensor(y, xt.shape),
      gradFunc: (dy: tf.Tensor) => {
        const dx = output('bn-dx', xs.length);
        const [dgamma, dbeta] = bnBackward(xs, dy.dataSync(), dx, state);
        return [tf.tensor(dx, xt.shape), tf.tensor1d(dgamma), tf.tensor1d(dbeta)];
      },
    };
  }) as unknown as CustomGradFn);
  return op(x, gamma, beta);
}

/**
 * Routes each window's gradient to the inputs equal to its maximum. Ties only happen in practice
 * between zeros after a ReLU, whose gradient that ReLU blocks anyway.
 */
function poolBackward(xs: ArrayLike<number>, y: ArrayLike<number>, d: ArrayLike<number>, dx: Float32Array, N: number, H: number, W: number, C: number): void {
  const Ho = H >> 1;
  const Wo = W >> 1;
  dx.fill(0); // odd edges get no gradient
  let o = 0;
  for (let b = 0; b < N; b++) {
    for (let i = 0; i < Ho; i++) {
      for (let j = 0; j < Wo; j++) {
        const p00 = ((b * H + 2 * i) * W + 2 * j) * C;
        const p01 = p00 + C;
        const p10 = p00 + W * C;
        const p11 = p10 + C;
        for (let c = 0; c < C; c++, o++) {
          const m = y[o];
          const g = d[o];
          dx[p00 + c] = g * +(xs[p00 + c] === m);
          dx[p01 + c] = g * +(xs[p01 + c] === m);
          dx[p10 + c] = g * +(xs[p10 + c] === m);
          dx[p11 + c] = g * +(xs[p11 + c] === m);
        }
      }
    }
  }
}

/** 2x2 max-pool, stride 2, 'valid' padding, on NHWC: tfjs's forward, a loop for the gradient. */
export function maxPool2x2Train(x: tf.Tensor4D): tf.Tensor4D {
  const op = tf.customGrad(((xt: tf.Tensor, save: (t: tf.Tensor[]) => void) => {
    const y = tf.maxPool(xt as tf.Tensor4D, 2, 2, 'valid');
    save([xt, y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, [xSaved, ySaved]: tf.Tensor[]) => {
        const [N, H, W, C] = xSaved.shape as [number, number, number, number];
        const dx = output('pool-dx', xSaved.size);
        poolBackward(xSaved.dataSync(), ySaved.dataSync(), dy.dataSync(), dx, N, H, W, C);
        return [tf.tensor4d(dx, [N, H, W, C])];
      },
    };
  }) as unknown as CustomGradFn);
  return op(x) as tf.Tensor4D;
}
