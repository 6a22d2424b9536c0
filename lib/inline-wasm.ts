/**
 * The small WebAssembly SIMD modules built from AssemblyScript by scripts/build/simd.ts (training's
 * convolutions, preprocessing's blur), which arrive as base64 in a generated `*.wasm.ts` module.
 * Each keeps its own memory: callers copy their arrays in and out, which costs a few percent of the
 * work done there.
 */

export interface InlineModule {
  memory: WebAssembly.Memory;
}

/**
 * Compiles and instantiates a module synchronously, as its callers are: the modules stay well under
 * the 4 KB browsers allow to compile synchronously on a main thread.
 */
export function instantiateInline<T extends InlineModule>(base64: string): T {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as T;
}

/**
 * The module's memory as floats, grown to at least `floats` of them (it stays at the largest size
 * asked for). The array is invalidated by the next growth.
 */
export function floatMemory(module: InlineModule, floats: number): Float32Array {
  const { memory } = module;
  const bytes = 4 * floats;
  if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
  return new Float32Array(memory.buffer);
}
