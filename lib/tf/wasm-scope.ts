// Runs already-registered wasm kernels directly from inside another wasm kernel.
//
// Calling a kernelFunc bypasses the engine: nothing is recorded on the gradient
// tape, no Tensor objects are created, and we own every TensorInfo we get back.
// Each returned TensorInfo holds one reference on the wasm backend (Reshape
// shares the data and bumps its refCount), so freeing every intermediate once
// with disposeData is exactly right, and the one result we return is handed to
// the engine, which takes over that reference.
import { getKernel, type DataId, type NamedAttrMap, type TensorInfo } from '@tensorflow/tfjs-core';

/** The part of the wasm backend (BackendWasm) that our kernels use. */
export interface WasmBackendLike {
  disposeData(dataId: DataId): boolean;
  readSync(dataId: DataId): unknown;
  /** A view of the tensor's values on the wasm heap; invalid after any allocation. */
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
  makeOutput(shape: number[], dtype: 'float32', memoryOffset?: number, values?: Float32Array): TensorInfo;
}

export class WasmScope {
  private made: TensorInfo[] = [];

  constructor(readonly backend: WasmBackendLike) {}

  /** Runs the wasm kernel `name`; its output is freed by `finish` unless returned. */
  run(name: string, inputs: Record<string, TensorInfo> | TensorInfo[], attrs: object = {}): TensorInfo {
    const kernel = getKernel(name, 'wasm');
    if (!kernel) throw new Error(`wasm kernel ${name} is not registered`);
    const out = kernel.kernelFunc({ inputs: inputs as never, backend: this.backend, attrs: attrs as NamedAttrMap });
    if (Array.isArray(out)) throw new Error(`wasm kernel ${name} returned several outputs`);
    this.made.push(out);
    return out;
  }

  /** Takes ownership of a tensor made outside `run` (e.g. by a stock kernel called directly). */
  adopt(t: TensorInfo): TensorInfo {
    this.made.push(t);
    return t;
  }

  reshape(x: TensorInfo, shape: number[]): TensorInfo {
    return this.run('Reshape', { x }, { shape });
  }

  transpose(x: TensorInfo, perm: number[]): TensorInfo {
    return this.run('Transpose', { x }, { perm });
  }

  slice(x: TensorInfo, begin: number[], size: number[]): TensorInfo {
    return this.run('Slice', { x }, { begin, size });
  }

  /** NHWC stride-1 Conv2D with explicit [before, after] padding of height and width. */
  conv(x: TensorInfo, filter: TensorInfo, padH: number[], padW: number[]): TensorInfo {
    const pad = [[0, 0], padH, padW, [0, 0]];
    return this.run('Conv2D', { x, filter }, { strides: [1, 1], dilations: [1, 1], pad, dataFormat: 'NHWC' });
  }

  zeros(shape: number[]): TensorInfo {
    return this.run('Fill', {}, { shape, value: 0, dtype: 'float32' });
  }

  /** Copies JS values (e.g. a rearranged filter) onto the wasm heap. */
  fromValues(shape: number[], values: Float32Array): TensorInfo {
    const out = this.backend.makeOutput(shape, 'float32', undefined, values);
    this.made.push(out);
    return out;
  }

  /** Frees every intermediate except `result`, even when `body` throws. */
  static use(backend: WasmBackendLike, body: (s: WasmScope) => TensorInfo): TensorInfo {
    const scope = new WasmScope(backend);
    let result: TensorInfo | undefined;
    try {
      result = body(scope);
      return result;
    } finally {
      for (const t of scope.made) if (t !== result) backend.disposeData(t.dataId);
      scope.made = [];
    }
  }
}
