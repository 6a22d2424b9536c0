// Tile for the wasm backend when it only broadcasts (every axis either has
// size 1 or is repeated once), the shape batch-norm's gradient uses to spread
// per-channel values over [N, H, W, C]. The stock wasm Tile is a generic index
// loop (~130 ms for a [64,28,28,32] output); an XNNPACK broadcasting Add onto
// zeros gives the same values in a few ms. Other tiles use the stock kernel.
import { Tile, type KernelConfig, type KernelFunc, type TensorInfo, type TileAttrs } from '@tensorflow/tfjs-core';
import { WasmScope, type WasmBackendLike } from './wasm-scope';

type Args = { inputs: { x: TensorInfo }; backend: WasmBackendLike; attrs: TileAttrs };

export function makeTileConfig(stock: KernelConfig | undefined): KernelConfig {
  const kernelFunc = (args: Args): TensorInfo => {
    const { x } = args.inputs;
    const { reps } = args.attrs;
    const broadcastOnly = x.dtype === 'float32' && x.shape.length <= 4 &&
      x.shape.every((d, i) => d === 1 || reps[i] === 1);
    if (!broadcastOnly) {
      if (!stock) throw new Error('Tile: case not supported and no stock wasm kernel');
      return stock.kernelFunc(args as never) as TensorInfo;
    }
    const outShape = x.shape.map((d, i) => d * reps[i]);
    return WasmScope.use(args.backend, (s) => s.run('Add', { a: x, b: s.zeros(outShape) }));
  };
  return {
    kernelName: Tile,
    backendName: 'wasm',
    kernelFunc: kernelFunc as unknown as KernelFunc,
    setupFunc: stock?.setupFunc,
    disposeFunc: stock?.disposeFunc,
  };
}
