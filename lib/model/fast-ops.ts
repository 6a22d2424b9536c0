/**
 * Training-time batch-norm(+ReLU) and 2x2 max-pool with hand-written gradients.
 * tfjs's own gradients for these are slow on the WASM backend: batch-norm's spreads per-channel
 * values over the whole activation in many separate passes (Tile, Reshape, Sub...) and MaxPoolGrad
 * is a generic loop (~45 ms for 64x28x28x32, more than the convolution before it).
 * Batch-norm here is a few whole-tensor native ops each way: per-channel scale and shift (and the
 * ReLU) as one 1x1 depthwise conv, 4x faster than broadcasting Mul and Add on wasm; statistics
 * through the spatial Sum/Mean of lib/tf/reduce.ts. Measured 2x faster than plain JS loops before
 * those two changes. The pooling gradient is a JS loop: one pass.
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

/** x * scale[c] (+ shift[c]) per channel of NHWC x (then ReLU): a 1x1 depthwise conv, SIMD in XNNPACK. */
function channelAffine(x: tf.Tensor, scale: tf.Tensor, shift?: tf.Tensor, relu = false): tf.Tensor {
  const C = x.shape[3]!;
  return tf.fused.depthwiseConv2d({
    x: x as tf.Tensor4D, filter: tf.reshape(scale, [1, 1, C, 1]) as tf.Tensor4D, strides: 1, pad: 'valid',
    bias: shift, activation: relu ? 'relu' : 'linear',
  });
}

/**
 * y = relu?(gamma * (x - mean) / sqrt(var + eps) + beta) with the batch's own mean and (biased)
 * variance per channel of NHWC x. Reports those statistics for the moving averages.
 */
export function batchNormTrain(
  x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, epsilon: number, relu: boolean, report: (s: BatchStats) => void,
): tf.Tensor {
  // The architecture puts batch-norm after convolutions only.
  if (x.rank !== 4) throw new Error(`batch-norm in training takes NHWC activations, not rank ${x.rank}`);
  const axes = [0, 1, 2];
  const op = tf.customGrad(((xt: tf.Tensor, gt: tf.Tensor, bt: tf.Tensor, save: (t: tf.Tensor[]) => void) => {
    const mean = tf.mean(xt, axes);
    const centered = channelAffine(xt, tf.onesLike(mean), tf.neg(mean));
    // Centred before squaring: no cancellation in float32 when the mean is large.
    const variance = tf.mean(tf.square(centered), axes);
    const rstd = tf.rsqrt(tf.add(variance, epsilon));
    const scale = tf.mul(gt, rstd);
    const y = channelAffine(centered, scale, bt, relu);
    report({ mean: mean.dataSync() as Float32Array, variance: variance.dataSync() as Float32Array });
    save([centered, y, rstd, scale]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, [c, ys, r, k]: tf.Tensor[]) => {
        // dy through the ReLU; then with M values per channel and xhat = c * rstd:
        //   dbeta = sum(dy), dgamma = sum(dy * xhat),
        //   dx = scale * (dy - (dbeta + xhat * dgamma) / M) = dy * scale + (c * a + b).
        const M = c.size / c.shape[3]!;
        const d = relu ? tf.mul(dy, tf.step(ys)) : dy;
        const dbeta = tf.sum(d, axes);
        const dgamma = tf.mul(tf.sum(tf.mul(d, c), axes), r);
        const a = tf.mul(tf.mul(k, r), tf.div(dgamma, -M));
        const b = tf.mul(k, tf.div(dbeta, -M));
        return [tf.add(channelAffine(d, k), channelAffine(c, a, b)), dgamma, dbeta];
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
