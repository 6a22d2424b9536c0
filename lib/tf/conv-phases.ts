// Index bookkeeping for computing a strided conv's input gradient as stride-1
// convs, one per output "phase" (no zero-dilated dy, so no wasted multiplies).
//
// Along one spatial axis, with stride s, kernel size k and leading pad p, the
// forward conv reads x[r] with r + p = s*i + a for output i and tap a. So for
// R = r + p = s*q + ph, the gradient is
//   dx[R] = sum over t of dy[q - t] * w[s*t + ph],   0 <= s*t + ph < k,
// a stride-1 correlation of dy with the taps of phase ph, reversed. Every phase
// is computed on the same grid q in [q0, q1), then the phases are interleaved
// (row s*(q - q0) + ph) and the result is cropped to r in [0, size).

export interface AxisPlan {
  stride: number;
  /** Taps of each phase (0 when k < stride leaves a phase without any). */
  taps: number[];
  /** Zero padding before dy for each phase's conv. */
  padBefore: number[];
  /** Zero padding after dy, the same for every phase. */
  padAfter: number;
  /** Length of the shared output grid, q1 - q0. */
  grid: number;
  /** Offset of x[0] in the interleaved result. */
  crop: number;
}

/** Plans one axis; null when the padding is too unusual for this scheme. */
export function planAxis(size: number, k: number, stride: number, padBefore: number, outSize: number): AxisPlan | null {
  const q0 = Math.floor(padBefore / stride);
  const q1 = Math.ceil((padBefore + size) / stride);
  const taps: number[] = [];
  const before: number[] = [];
  for (let ph = 0; ph < stride; ph++) {
    const t = ph < k ? Math.ceil((k - ph) / stride) : 0;
    taps.push(t);
    before.push(t - 1 - q0);
    if (t > 0 && t - 1 - q0 < 0) return null;
  }
  const padAfter = q1 - outSize;
  if (padAfter < 0) return null;
  return { stride, taps, padBefore: before, padAfter, grid: q1 - q0, crop: padBefore - stride * q0 };
}

/**
 * The stride-1 filter of phase (py, px): [th, tw, Co, Ci], taps reversed and
 * in/out channels swapped, read from the forward filter w: [kh, kw, Ci, Co].
 * Filters are small, so this is plain JS on a copy of the values.
 */
export function phaseFilter(
  w: Float32Array, shape: number[], rows: AxisPlan, cols: AxisPlan, py: number, px: number,
): Float32Array {
  const [, kw, ci, co] = shape;
  const th = rows.taps[py];
  const tw = cols.taps[px];
  const out = new Float32Array(th * tw * co * ci);
  let o = 0;
  for (let u = 0; u < th; u++) {
    const a = rows.stride * (th - 1 - u) + py;
    for (let v = 0; v < tw; v++) {
      const b = cols.stride * (tw - 1 - v) + px;
      const base = (a * kw + b) * ci * co;
      for (let c2 = 0; c2 < co; c2++) {
        for (let c1 = 0; c1 < ci; c1++) out[o++] = w[base + c1 * co + c2];
      }
    }
  }
  return out;
}

/**
 * Depthwise version: [th, tw, C*m, 1] for a depthwise filter w: [kh, kw, C, m],
 * taps reversed. Channel c*m+k of dy is convolved with w[.., c, k] on its own.
 */
export function depthwisePhaseFilter(
  w: Float32Array, shape: number[], rows: AxisPlan, cols: AxisPlan, py: number, px: number,
): Float32Array {
  const [, kw, c, m] = shape;
  const th = rows.taps[py];
  const tw = cols.taps[px];
  const slab = c * m;
  const out = new Float32Array(th * tw * slab);
  for (let u = 0; u < th; u++) {
    const a = rows.stride * (th - 1 - u) + py;
    for (let v = 0; v < tw; v++) {
      const b = cols.stride * (tw - 1 - v) + px;
      out.set(w.subarray((a * kw + b) * slab, (a * kw + b + 1) * slab), (u * tw + v) * slab);
    }
  }
  return out;
}
