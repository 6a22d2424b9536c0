/**
 * The forward pass used for training, read off the model's own layers and weights (so there is
 * still one model definition): conv, batch-norm(+ReLU), pooling, dense and dropout, with the fast
 * training ops of fast-ops.ts where tfjs's are slow. Stops at the logits layer. After each step,
 * `updateMovingStats` folds the batch statistics into the batch-norm layers' moving averages,
 * which is what inference (model.predict) uses. Data-parallel training reads each replica's
 * statistics with `batchStats` and folds the whole batch's into every replica instead.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { LOGITS_LAYER } from './architecture';
import { batchNormTrain, maxPool2x2Train, type BatchStats } from './fast-ops';
import { layerWeight as weight, pair, type Layer, type LayerConfig as Config } from './layer-weights';
import type { Rng } from './rng';

export interface TrainGraph {
  /** Logits for a batch, in training mode (batch statistics, dropout). */
  forward(x: tf.Tensor4D, rng: Rng): tf.Tensor2D;
  /** The last forward pass's batch statistics: (mean, variance) per channel, batch-norm layer after layer. */
  batchStats(): Float32Array;
  /** Folds batch statistics laid out as `batchStats` gives them (by default its own) into the moving averages. */
  updateMovingStats(stats?: Float32Array): void;
}

/**
 * A fresh inverted-dropout mask every step (0, or 1/(1-rate) to keep the expected sum), drawn
 * from the training RNG so runs repeat. tf.dropout's own generator is several times slower.
 */
export function dropoutMask(shape: number[], rate: number, rng: Rng): tf.Tensor {
  const mask = new Float32Array(shape.reduce((p, v) => p * v, 1));
  const kept = 1 / (1 - rate);
  for (let i = 0; i < mask.length; i++) mask[i] = kept * +(rng.next() >= rate);
  return tf.tensor(mask, shape);
}

export function createTrainGraph(model: tfl.LayersModel): TrainGraph {
  const pending: { layer: Layer; stats: BatchStats }[] = [];
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const end = layers.findIndex((l) => l.name === LOGITS_LAYER);
  if (end < 0) throw new Error(`the model has no ${LOGITS_LAYER} layer`);

  const forward = (input: tf.Tensor4D, rng: Rng): tf.Tensor2D => {
    let x: tf.Tensor = input;
    for (let i = 0; i <= end; i++) {
      const layer = layers[i];
      const cfg = layer.getConfig() as Config;
      switch (layer.getClassName()) {
        case 'Conv2D': {
          if (cfg.activation !== 'linear') throw new Error(`${layer.name}: fused activations are not supported here`);
          x = tf.conv2d(x as tf.Tensor4D, weight(layer, 'kernel') as tf.Tensor4D, pair(cfg.strides) as [number, number],
            cfg.padding as 'same' | 'valid', 'NHWC', pair(cfg.dilationRate) as [number, number]);
          if (cfg.useBias) x = tf.add(x, weight(layer, 'bias'));
          break;
        }
        case 'BatchNormalization': {
          // A following ReLU is fused in: one pass instead of two, and no separate mask.
          const relu = layers[i + 1]?.getClassName() === 'ReLU' && i + 1 <= end;
          if (!layer.trainable) {
            // A frozen layer (fine-tuning the head only) keeps its learned statistics, as in inference.
            x = tf.batchNorm(x, weight(layer, 'moving_mean'), weight(layer, 'moving_variance'), weight(layer, 'beta'),
              weight(layer, 'gamma'), cfg.epsilon as number);
            if (relu) (x = tf.relu(x)), i++;
            break;
          }
          x = batchNormTrain(x, weight(layer, 'gamma') as tf.Tensor1D, weight(layer, 'beta') as tf.Tensor1D,
            cfg.epsilon as number, relu, (stats) => pending.push({ layer, stats }));
          if (relu) i++;
          break;
        }
        case 'ReLU':
          x = tf.relu(x);
          break;
        case 'MaxPooling2D': {
          const ok = pair(cfg.poolSize).every((s) => s === 2) && pair(cfg.strides).every((s) => s === 2) && cfg.padding === 'valid';
          x = ok ? maxPool2x2Train(x as tf.Tensor4D) : tf.maxPool(x as tf.Tensor4D, pair(cfg.poolSize) as [number, number],
            pair(cfg.strides) as [number, number], cfg.padding as 'same' | 'valid');
          break;
        }
        case 'GlobalAveragePooling2D':
          x = tf.mean(x, [1, 2]);
          break;
        case 'Flatten':
          x = tf.reshape(x, [x.shape[0], -1]);
          break;
        case 'Dropout':
          x = tf.mul(x, dropoutMask(x.shape, cfg.rate as number, rng));
          break;
        case 'Dense': {
          x = tf.matMul(x as tf.Tensor2D, weight(layer, 'kernel') as tf.Tensor2D);
          if (cfg.useBias) x = tf.add(x, weight(layer, 'bias'));
          if (cfg.activation === 'relu') x = tf.relu(x);
          else if (cfg.activation !== 'linear') throw new Error(`${layer.name}: activation ${cfg.activation} is not supported here`);
          break;
        }
        default:
          throw new Error(`layer ${layer.name} (${layer.getClassName()}) is not supported by the training graph`);
      }
    }
    return x as tf.Tensor2D;
  };

  const statsLength = () => pending.reduce((n, p) => n + 2 * p.stats.mean.length, 0);

  const batchStats = () => {
    const out = new Float32Array(statsLength());
    let at = 0;
    for (const { stats } of pending) {
      for (let c = 0; c < stats.mean.length; c++, at += 2) (out[at] = stats.mean[c]), (out[at + 1] = stats.variance[c]);
    }
    return out;
  };

  const updateMovingStats = (stats = batchStats()) => tf.tidy(() => {
    if (stats.length !== statsLength()) throw new Error(`${stats.length} batch statistics for ${statsLength()} moving ones`);
    let at = 0;
    for (const { layer } of pending.splice(0)) {
      const m = (layer.getConfig() as Config).momentum as number;
      const mean = weight(layer, 'moving_mean');
      const variance = weight(layer, 'moving_variance');
      const [oldMean, oldVariance] = [mean.dataSync(), variance.dataSync()];
      const C = oldMean.length;
      const [newMean, newVariance] = [new Float32Array(C), new Float32Array(C)];
      for (let c = 0; c < C; c++, at += 2) {
        newMean[c] = m * oldMean[c] + (1 - m) * stats[at];
        newVariance[c] = m * oldVariance[c] + (1 - m) * stats[at + 1];
      }
      mean.assign(tf.tensor1d(newMean));
      variance.assign(tf.tensor1d(newVariance));
    }
  });

  return { forward, batchStats, updateMovingStats };
}
