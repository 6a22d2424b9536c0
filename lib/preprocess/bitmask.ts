import type { Mask } from './types';

/**
 * A binary mask packed 32 pixels to a word, for fast morphology: one word operation moves or combines
 * 32 pixels. Bit i of word j of a row is pixel x = 32 j + i. Bits past the row's end are kept 0.
 */
export interface BitMask {
  width: number;
  height: number;
  /** Words per row. */
  stride: number;
  words: Int32Array;
}

export function pack(m: Mask): BitMask {
  const { width: w, height: h, data } = m;
  const stride = (w + 31) >>> 5;
  const words = new Int32Array(stride * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const out = y * stride;
    for (let j = 0, x = 0; j < stride; j++) {
      const end = Math.min(w, x + 32);
      let v = 0;
      for (let i = 0; x < end; i++, x++) v |= data[row + x] << i;
      words[out + j] = v;
    }
  }
  return { width: w, height: h, stride, words };
}

export function unpack(b: BitMask): Mask {
  const { width: w, height: h, stride, words } = b;
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const src = y * stride;
    for (let j = 0, x = 0; j < stride; j++) {
      const end = Math.min(w, x + 32);
      const v = words[src + j];
      if (v === 0) x = end; // already 0
      else if (v === -1) data.fill(1, row + x, row + (x = end));
      else for (let i = 0; x < end; i++, x++) data[row + x] = (v >>> i) & 1;
    }
  }
  return { width: w, height: h, data };
}

/** An empty mask of the given size. */
export function emptyBits(width: number, height: number): BitMask {
  const stride = (width + 31) >>> 5;
  return { width, height, stride, words: new Int32Array(stride * height) };
}

/** Sets pixels x0 .. x1 - 1 of row y. */
export function setBits(b: BitMask, y: number, x0: number, x1: number): void {
  const row = y * b.stride;
  for (let x = x0; x < x1; ) {
    const bit = x & 31;
    const n = Math.min(32 - bit, x1 - x);
    // n ones from `bit` up (n = 32 only when bit = 0).
    b.words[row + (x >>> 5)] |= n === 32 ? -1 : ((1 << n) - 1) << bit;
    x += n;
  }
}

/** Bits set where values[p] >= t, for a w x h plane of values. */
export function atLeast(values: Float32Array, t: number, w: number, h: number): BitMask {
  const b = emptyBits(w, h);
  for (let y = 0; y < h; y++) {
    for (let j = 0, x = 0; j < b.stride; j++) {
      const end = Math.min(w, x + 32);
      let v = 0;
      // Unary + of a comparison: 0 or 1 without a branch (values vary too much to predict).
      for (let i = 0; x < end; i++, x++) v |= +(values[y * w + x] >= t) << i;
      b.words[y * b.stride + j] = v;
    }
  }
  return b;
}

/** Pixels set in both a and b. */
export function and(a: BitMask, b: BitMask): BitMask {
  return { width: a.width, height: a.height, stride: a.stride, words: a.words.map((v, i) => v & b.words[i]) };
}

/** Pixels set in a but not in b. */
export function andNot(a: BitMask, b: BitMask): BitMask {
  return { width: a.width, height: a.height, stride: a.stride, words: a.words.map((v, i) => v & ~b.words[i]) };
}

/** Number of set pixels (bits counted 2, 4, 8, then 32 at a time). */
export function countBits(b: BitMask): number {
  let n = 0;
  for (let i = 0; i < b.words.length; i++) {
    let v = b.words[i];
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    v = (v + (v >>> 4)) & 0x0f0f0f0f;
    n += Math.imul(v, 0x01010101) >>> 24;
  }
  return n;
}

/** Whether any pixel is set. */
export function anySet(b: BitMask): boolean {
  for (let i = 0; i < b.words.length; i++) if (b.words[i] !== 0) return true;
  return false;
}

/** Bits of the last word of a row that are inside the image. */
function lastWordBits(w: number): number {
  return w % 32 === 0 ? -1 : (1 << w % 32) - 1;
}

/** Every pixel flipped (bits past the row's end stay 0). */
function invert(b: BitMask): BitMask {
  const words = b.words.map((v) => ~v);
  const tail = lastWordBits(b.width);
  for (let i = b.stride - 1; i < words.length; i += b.stride) words[i] &= tail;
  return { width: b.width, height: b.height, stride: b.stride, words };
}

/**
 * Dilation by a (2r+1)-square, pixels outside the image counting as unset: each row is OR-ed with itself
 * shifted by 1..r pixels both ways, then each output row is the OR of the rows within r of it.
 */
export function dilateBits(b: BitMask, r: number): BitMask {
  // Shifts reach one word over; a larger square is two smaller ones in a row (it is exactly the same).
  if (r > 31) return dilateBits(dilateBits(b, 31), r - 31);
  const { height: h, stride, words } = b;
  const rows = new Int32Array(words.length);
  const tail = lastWordBits(b.width);
  for (let y = 0; y < h; y++) {
    const o = y * stride;
    for (let j = 0; j < stride; j++) {
      const v = words[o + j];
      const prev = j > 0 ? words[o + j - 1] : 0;
      const next = j < stride - 1 ? words[o + j + 1] : 0;
      let acc = v;
      for (let s = 1; s <= r; s++) {
        // r < 32, so a shift takes bits from the neighbouring word only.
        acc |= (v << s) | (prev >>> (32 - s)) | (v >>> s) | (next << (32 - s));
      }
      rows[o + j] = j === stride - 1 ? acc & tail : acc;
    }
  }
  const out = new Int32Array(words.length);
  for (let y = 0; y < h; y++) {
    const from = Math.max(0, y - r);
    const to = Math.min(h - 1, y + r);
    const o = y * stride;
    for (let j = 0; j < stride; j++) {
      let acc = 0;
      for (let k = from; k <= to; k++) acc |= rows[k * stride + j];
      out[o + j] = acc;
    }
  }
  return { width: b.width, height: b.height, stride, words: out };
}

/**
 * Erosion by a (2r+1)-square, pixels outside the image not counting (as if set): the complement of the
 * dilated complement.
 */
export function erodeBits(b: BitMask, r: number): BitMask {
  return invert(dilateBits(invert(b), r));
}
