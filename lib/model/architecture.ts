/**
 * The one model definition: 3x3 conv-BN-ReLU stages separated by max-pooling, a pooled head, and a
 * dense layer named `logits` followed by a softmax layer. Input [N,28,28,1] in [0, 1], light garment
 * on black; output probabilities in CLASS_NAMES order. The first conv + batch-norm does the input
 * normalisation, so callers feed raw [0, 1] pixels.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { CLASS_NAMES, IMAGE_SIZE } from '../classes';

export interface ArchitectureConfig {
  /** Channels of each conv layer, one array per resolution (28, 14, 7, ...); a 2x2 max-pool between. */
  stages: number[][];
  /** 'gap': global average pooling; 'flatten': flatten the last stage (as is). */
  head: 'gap' | 'flatten';
  /** Optional hidden dense layer before the logits (0: none). */
  hidden: number;
  dropout: number;
  seed: number;
}

/**
 * Chosen for training time on 2 shared cores (the convolution gradients dominate a step): four
 * convs, ~8.3 M MAC and ~121 K parameters per image; flattening the 7x7 map keeps where things are
 * (collar, sleeves, heel), which global pooling would average away.
 */
export const DEFAULT_ARCHITECTURE: ArchitectureConfig = {
  stages: [[24], [48, 48], [96]],
  head: 'flatten',
  hidden: 0,
  dropout: 0.25,
  seed: 1,
};

export const LOGITS_LAYER = 'logits';
export const OUTPUT_LAYER = 'probabilities';

export function buildModel(config: ArchitectureConfig = DEFAULT_ARCHITECTURE): tfl.LayersModel {
  let seed = config.seed;
  const he = () => tfl.initializers.heNormal({ seed: seed++ });
  const input = tfl.input({ shape: [IMAGE_SIZE, IMAGE_SIZE, 1], name: 'image' });
  let x = input as tfl.SymbolicTensor;
  config.stages.forEach((stage, s) => {
    if (s > 0) x = tfl.layers.maxPooling2d({ poolSize: 2, name: `pool${s}` }).apply(x) as tfl.SymbolicTensor;
    stage.forEach((filters, c) => {
      const id = `${s + 1}_${c + 1}`;
      // No conv bias: the batch-norm's beta does that job.
      x = tfl.layers
        .conv2d({ filters, kernelSize: 3, padding: 'same', useBias: false, kernelInitializer: he(), name: `conv${id}` })
        .apply(x) as tfl.SymbolicTensor;
      x = tfl.layers.batchNormalization({ momentum: 0.95, name: `bn${id}` }).apply(x) as tfl.SymbolicTensor;
      x = tfl.layers.reLU({ name: `relu${id}` }).apply(x) as tfl.SymbolicTensor;
    });
  });
  x = (config.head === 'gap' ? tfl.layers.globalAveragePooling2d({ name: 'gap' }) : tfl.layers.flatten({ name: 'flatten' }))
    .apply(x) as tfl.SymbolicTensor;
  if (config.hidden > 0) {
    x = tfl.layers.dense({ units: config.hidden, activation: 'relu', kernelInitializer: he(), name: 'hidden' }).apply(x) as tfl.SymbolicTensor;
  }
  // No dropout seed: tfjs would then draw the same mask on every step.
  if (config.dropout > 0) x = tfl.layers.dropout({ rate: config.dropout, name: 'dropout' }).apply(x) as tfl.SymbolicTensor;
  const logits = tfl.layers
    .dense({ units: CLASS_NAMES.length, kernelInitializer: tfl.initializers.glorotUniform({ seed: seed++ }), name: LOGITS_LAYER })
    .apply(x) as tfl.SymbolicTensor;
  const probabilities = tfl.layers.softmax({ name: OUTPUT_LAYER }).apply(logits) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: probabilities, name: 'garment_cnn' });
}

/** A model sharing `model`'s weights that outputs the logits: training and calibration need them. */
export function logitsModel(model: tfl.LayersModel): tfl.LayersModel {
  return tfl.model({ inputs: model.inputs, outputs: model.getLayer(LOGITS_LAYER).output as tfl.SymbolicTensor });
}

/** Multiply-accumulates per image of the conv and dense layers (the bulk of the cost). */
export function countMacs(model: tfl.LayersModel): number {
  let macs = 0;
  for (const layer of model.layers) {
    const kernel = layer.getWeights()[0];
    const out = layer.outputShape as number[];
    if (layer.getClassName() === 'Conv2D') macs += out[1] * out[2] * kernel.size;
    else if (layer.getClassName() === 'Dense') macs += kernel.size;
  }
  return macs;
}

/** Divides the logits layer's kernel and bias by T, so the softmax output is temperature-scaled. */
export function foldTemperature(model: tfl.LayersModel, temperature: number): void {
  const layer = model.getLayer(LOGITS_LAYER);
  const scaled = tf.tidy(() => layer.getWeights().map((w) => tf.div(w, temperature)));
  layer.setWeights(scaled);
  tf.dispose(scaled);
}
