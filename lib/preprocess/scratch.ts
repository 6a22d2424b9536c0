/**
 * Large arrays kept from one image to the next, one per named use. Allocating a fresh large typed array
 * (fresh memory, zeroed page by page) costs as much as a pass of work over it, and preprocessing makes
 * dozens per image. Preprocessing runs one image at a time, synchronously, and each name is used by one
 * array at a time: its contents are dead by the time the name is asked for again.
 */
const buffers = new Map<string, ArrayBuffer>();

function buffer(name: string, bytes: number): ArrayBuffer {
  let b = buffers.get(name);
  if (!b || b.byteLength < bytes) {
    b = new ArrayBuffer(bytes);
    buffers.set(name, b);
  }
  return b;
}

/**
 * A Float32Array of length n in the memory of the scratch array `name`: zeroed, unless `zero` is false
 * (when the caller writes every element anyway).
 */
export function scratchF32(name: string, n: number, zero = true): Float32Array {
  const a = new Float32Array(buffer(name, 4 * n), 0, n);
  return zero ? a.fill(0) : a;
}

/** An Int32Array of length n in the memory of the scratch array `name`, as scratchF32. */
export function scratchI32(name: string, n: number, zero = true): Int32Array {
  const a = new Int32Array(buffer(name, 4 * n), 0, n);
  return zero ? a.fill(0) : a;
}
