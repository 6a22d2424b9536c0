/**
 * The model's inference pass, read off its own layers like the training graph, with each
 * batch-norm folded into the conv before it: conv + bias + ReLU is then one XNNPACK op, and the
 * answers are model.predict's to within float rounding (1e-6) at 1.4-1.5x its speed. The folded
 * weights are those of the moment the graph was made: make a new graph whenever the weights change.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { layerWeight, pair, type Layer, type LayerConfig } from './layer-weights';

export interface InferenceGraph {
  /** The model's output (probabilities, or logits for logitsModel) for a batch of 28x28x1 images. */
  run(x: tf.Tensor4D): tf.Tensor2D;
  dispose(): void;
}

type Step = (x: tf.Tensor) => tf.Tensor;

/** Conv weights and bias with the following batch-norm's moving statistics folded in. */
function foldBatchNorm(conv: Layer, bn: Layer): { filter: tf.Tensor4D; bias: tf.Tensor1D } {
  return tf.tidy(() => {
    const epsilon = (bn.getConfig() as LayerConfig).epsilon as number;
    const scale = tf.div(layerWeight(bn, 'gamma'), tf.sqrt(tf.add(layerWeight(bn, 'moving_variance'), epsilon)));
    let shift = tf.sub(layerWeight(bn, 'beta'), tf.mul(layerWeight(bn, 'moving_mean'), scale));
    if ((conv.getConfig() as LayerConfig).useBias) shift = tf.add(shift, tf.mul(layerWeight(conv, 'bias'), scale));
    return { filter: tf.mul(layerWeight(conv, 'kernel'), scale) as tf.Tensor4D, bias: shift as tf.Tensor1D };
  });
}

export function createInferenceGraph(model: tfl.LayersModel): InferenceGraph {
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const steps: Step[] = [];
  const owned: tf.Tensor[] = [];
  try {
    for (let i = 0; i < layers.length; i++) {
      const layer = layers[i];
      const cfg = layer.getConfig() as LayerConfig;
      switch (layer.getClassName()) {
        case 'Conv2D': {
          if (cfg.activation !== 'linear') throw new Error(`${layer.name}: fused activations are not supported here`);
          const bn = layers[i + 1]?.getClassName() === 'BatchNormalization' ? layers[++i] : undefined;
          const relu = layers[i + 1]?.getClassName() === 'ReLU' ? Boolean(++i) : false;
          const { filter, bias } = bn
            ? foldBatchNorm(layer, bn)
            : { filter: tf.clone(layerWeight(layer, 'kernel')) as tf.Tensor4D, bias: cfg.useBias ? tf.clone(layerWeight(layer, 'bias')) as tf.Tensor1D : undefined };
          owned.push(filter, ...(bias ? [bias] : []));
          const strides = pair(cfg.strides) as [number, number];
          const dilations = pair(cfg.dilationRate) as [number, number];
          const pad = cfg.padding as 'same' | 'valid';
          steps.push((x) => tf.fused.conv2d({ x: x as tf.Tensor4D, filter, bias, strides, pad, dilations, activation: relu ? 'relu' : 'linear' }));
          break;
        }
        case 'ReLU':
          steps.push((x) => tf.relu(x));
          break;
        case 'MaxPooling2D': {
          const [size, strides, pad] = [pair(cfg.poolSize) as [number, number], pair(cfg.strides) as [number, number], cfg.padding as 'same' | 'valid'];
          steps.push((x) => tf.maxPool(x as tf.Tensor4D, size, strides, pad));
          break;
        }
        case 'GlobalAveragePooling2D':
          steps.push((x) => tf.mean(x, [1, 2]));
          break;
        case 'Flatten':
          steps.push((x) => tf.reshape(x, [x.shape[0], -1]));
          break;
        case 'Dropout': // inactive at inference
          break;
        case 'Dense': {
          if (cfg.activation !== 'relu' && cfg.activation !== 'linear') throw new Error(`${layer.name}: activation ${cfg.activation} is not supported here`);
          const kernel = layerWeight(layer, 'kernel') as tf.Tensor2D;
          const bias = cfg.useBias ? layerWeight(layer, 'bias') : undefined;
          const activation = cfg.activation as 'relu' | 'linear';
          steps.push((x) => tf.fused.matMul({ a: x as tf.Tensor2D, b: kernel, bias, activation }));
          break;
        }
        case 'Softmax':
          steps.push((x) => tf.softmax(x));
          break;
        default:
          throw new Error(`layer ${layer.name} (${layer.getClassName()}) is not supported by the inference graph`);
      }
    }
  } catch (err) {
    tf.dispose(owned);
    throw err;
  }
  return {
    run: (x) => tf.tidy(() => steps.reduce((t, step) => step(t), x as tf.Tensor)) as tf.Tensor2D,
    dispose: () => tf.dispose(owned),
  };
}
