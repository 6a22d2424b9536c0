/**
 * Reads the IDX format of the original (Fashion-)MNIST files: a big-endian header with a magic
 * number whose last byte is the number of dimensions, the dimension sizes, then unsigned bytes.
 */
export interface IdxArray {
  shape: number[];
  data: Uint8Array;
}

const UNSIGNED_BYTE = 0x08;

export function parseIdx(bytes: Uint8Array, name = 'IDX file'): IdxArray {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 4 || view.getUint16(0) !== 0 || view.getUint8(2) !== UNSIGNED_BYTE) {
    throw new Error(`${name} is not an IDX file of unsigned bytes`);
  }
  const dims = view.getUint8(3);
  const headerLength = 4 + 4 * dims;
  if (bytes.byteLength < headerLength) throw new Error(`${name} has a truncated header`);
  const shape = Array.from({ length: dims }, (_, i) => view.getUint32(4 + 4 * i));
  const size = shape.reduce((a, b) => a * b, 1);
  if (bytes.byteLength !== headerLength + size) {
    throw new Error(`${name} holds ${bytes.byteLength - headerLength} bytes of data, expected ${size}`);
  }
  return { shape, data: bytes.subarray(headerLength) };
}
