import * as tfl from '@tensorflow/tfjs-layers';
import { LOGITS_LAYER } from '../architecture';

/**
 * For tests: conv, ReLU, pool, conv, dense, with fixed initial weights and nothing that depends on
 * how a batch is cut (no batch-norm, no dropout), so data-parallel steps equal a single trainer's.
 */
export function plainModel(): tfl.LayersModel {
  const init = (seed: number) => tfl.initializers.glorotUniform({ seed });
  const input = tfl.input({ shape: [28, 28, 1] });
  let x = tfl.layers.conv2d({ filters: 6, kernelSize: 3, padding: 'same', kernelInitializer: init(1), biasInitializer: 'ones' }).apply(input);
  x = tfl.layers.reLU().apply(x);
  x = tfl.layers.maxPooling2d({ poolSize: 2 }).apply(x);
  x = tfl.layers.conv2d({ filters: 8, kernelSize: 3, strides: 2, kernelInitializer: init(2) }).apply(x);
  x = tfl.layers.reLU().apply(x);
  x = tfl.layers.flatten().apply(x);
  const logits = tfl.layers.dense({ units: 10, kernelInitializer: init(3), name: LOGITS_LAYER }).apply(x);
  const output = tfl.layers.softmax().apply(logits) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: output });
}
