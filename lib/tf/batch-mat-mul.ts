// BatchMatMul for the wasm backend with transposed operands. The stock kernel
// runs XNNPACK only for plain a x b; with transposeA or transposeB (every dense
// layer's gradients: dx = dy W^T, dW = x^T dy) it takes a loop ~7x slower than
// transposing the operand first with the native Transpose and multiplying
// plainly (measured on a 4704 -> 10 dense layer, batch 64). Plain products and
// matrix-vector ones go straight to the stock kernel.
import { BatchMatMul, type BatchMatMulAttrs, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { WasmScope, type WasmBackendLike } from './wasm-scope';

type Args = { inputs: { a: TensorInfo; b: TensorInfo }; backend: WasmBackendLike; attrs: BatchMatMulAttrs };

/** Swaps the last two axes. */
const lastTwoSwapped = (rank: number) => [...Array.from({ length: rank - 2 }, (_, i) => i), rank - 1, rank - 2];

export function makeBatchMatMulConfig(stock: KernelConfig | undefined): KernelConfig {
  if (!stock) throw new Error('BatchMatMul: no stock wasm kernel to build on');
  const kernelFunc = (args: Args): TensorInfo => {
    const { inputs, backend, attrs } = args;
    const { transposeA, transposeB } = attrs;
    const { a: A, b: B } = inputs;
    const columns = transposeB ? B.shape[B.shape.length - 2] : B.shape[B.shape.length - 1];
    // A matrix-vector product (Sum and Mean in reduce.ts) is fast in the stock kernel.
    if ((!transposeA && !transposeB) || columns === 1 || A.dtype !== 'float32' || B.dtype !== 'float32') {
      return stock.kernelFunc(args as never) as TensorInfo;
    }
    return WasmScope.use(backend, (s) => {
      const a = transposeA ? s.transpose(A, lastTwoSwapped(A.shape.length)) : A;
      const b = transposeB ? s.transpose(B, lastTwoSwapped(B.shape.length)) : B;
      const out = stock.kernelFunc({ inputs: { a, b }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } } as never) as TensorInfo;
      return s.adopt(out);
    });
  };
  return {
    kernelName: BatchMatMul,
    backendName: 'wasm',
    kernelFunc: kernelFunc as unknown as KernelFunc,
    setupFunc: stock.setupFunc,
    disposeFunc: stock.disposeFunc,
  };
}
