/** Reading a tfjs-layers layer's settings and weights, for the graphs built from the model's layers. */
import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

export type Layer = tfl.LayersModel['layers'][number];
export type LayerConfig = Record<string, unknown>;

/** The layer's weight called `name` (kernel, bias, gamma, moving_mean...), as the live variable. */
export function layerWeight(layer: Layer, name: string): tf.Variable {
  const w = layer.weights.find((v) => v.originalName.endsWith(`/${name}`));
  if (!w) throw new Error(`layer ${layer.name} has no ${name}`);
  return w.read() as tf.Variable;
}

/** A size or stride given as one number or as [height, width]. */
export const pair = (v: unknown): number[] => (Array.isArray(v) ? (v as number[]) : [v as number, v as number]);
