import type { BitMask } from './bitmask';
import type { Mask } from './types';

/** Horizontal runs of equal mask values, row by row: run i covers [start[i], end[i]) of its row. */
export interface Runs {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** Runs of row y are rowStart[y] .. rowStart[y + 1] - 1. */
  rowStart: Int32Array;
}

// Scratch space reused between calls (preprocessing is synchronous, one image at a time).
let startBuf = new Int32Array(0);
let endBuf = new Int32Array(0);

function scratch(most: number): void {
  if (startBuf.length < most) {
    startBuf = new Int32Array(most);
    endBuf = new Int32Array(most);
  }
}

/** The runs of pixels equal to `value` (0 or 1) in a byte or bit-packed mask. */
export function findRuns(m: Mask | BitMask, value: number): Runs {
  // At most one run per two pixels of a row (plus one for odd widths).
  scratch(m.height * ((m.width + 1) >> 1));
  const rowStart = new Int32Array(m.height + 1);
  const n = 'words' in m ? bitRuns(m, value, rowStart) : byteRuns(m, value, rowStart);
  return { count: n, start: startBuf.slice(0, n), end: endBuf.slice(0, n), rowStart };
}

function byteRuns(m: Mask, value: number, rowStart: Int32Array): number {
  const { width: w, height: h, data } = m;
  const start = startBuf;
  const end = endBuf;
  let n = 0;
  for (let y = 0; y < h; y++) {
    rowStart[y] = n;
    const row = y * w;
    let x = 0;
    while (x < w) {
      while (x < w && data[row + x] !== value) x++;
      if (x === w) break;
      start[n] = x;
      while (x < w && data[row + x] === value) x++;
      end[n++] = x;
    }
  }
  rowStart[h] = n;
  return n;
}

/** Index of the lowest set bit (x !== 0). */
const lowestBit = (x: number) => 31 - Math.clz32(x & -x);

/** Runs of a bit-packed mask, a word at a time: words of all 0s or all 1s are skipped whole. */
function bitRuns(m: BitMask, value: number, rowStart: Int32Array): number {
  const { width: w, height: h, stride, words } = m;
  const start = startBuf;
  const end = endBuf;
  const tail = w % 32 === 0 ? -1 : (1 << w % 32) - 1;
  let n = 0;
  for (let y = 0; y < h; y++) {
    rowStart[y] = n;
    let inRun = false;
    for (let j = 0; j < stride; j++) {
      // Bits set where the pixel has `value`; bits past the row's end cleared.
      let v = value ? words[y * stride + j] : ~words[y * stride + j];
      if (j === stride - 1) v &= tail;
      if (v === (inRun ? -1 : 0)) continue;
      // Alternately the next bit that ends the current run or starts a new one, from bit i on.
      for (let i = 0; i < 32; ) {
        const next = (inRun ? ~v : v) & (-1 << i);
        if (next === 0) break;
        i = lowestBit(next);
        if (inRun) end[n++] = 32 * j + i;
        else start[n] = 32 * j + i;
        inRun = !inRun;
      }
    }
    if (inRun) end[n++] = w;
  }
  rowStart[h] = n;
  return n;
}
