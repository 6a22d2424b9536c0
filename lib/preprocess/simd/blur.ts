// AssemblyScript, compiled to WebAssembly SIMD by scripts/build/simd.ts: the box blur that
// preprocessing runs a dozen times per photo (see ../filters.ts for the JS side).
//
// Only columns are blurred here, 16 side by side: their pixels lie next to each other in memory,
// so one load brings two of them. A row pass is a column pass between two transposes. The running
// sums are f64 and see the same additions in the same order as a plain one-line-at-a-time loop in
// JS (whose numbers are f64), so the result is that loop's to the bit.
// Pointers are byte offsets into this module's memory.

/** Loads two floats at p + offset as two f64 lanes. */
// @ts-ignore: decorator
@inline function pair(p: usize, offset: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(p + offset));
}

/** Stores two f64 lanes, times `norm`, as two floats at p + offset. */
// @ts-ignore: decorator
@inline function storePair(p: usize, offset: usize, sum: v128, norm: v128): void {
  v128.store64_lane(p + offset, f32x4.demote_f64x2_zero(f64x2.mul(sum, norm)), 0);
}

// @ts-ignore: decorator
@inline function clampRow(k: i32, last: i32): usize {
  return <usize>(k < 0 ? 0 : k > last ? last : k);
}

/**
 * dst = the running mean of radius r down each column of src (h rows of w floats), edges clamped.
 * dst and src must not overlap.
 */
export function blurColumns(src: usize, dst: usize, w: i32, h: i32, r: i32): void {
  const scale: f64 = 1.0 / <f64>(2 * r + 1);
  const norm = f64x2.splat(scale);
  const row = <usize>w << 2;
  const last = h - 1;
  let x = 0;
  for (; x + 15 < w; x += 16) {
    const col = src + (<usize>x << 2);
    const out = dst + (<usize>x << 2);
    let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0), s3 = f64x2.splat(0);
    let s4 = f64x2.splat(0), s5 = f64x2.splat(0), s6 = f64x2.splat(0), s7 = f64x2.splat(0);
    for (let k = -r; k <= r; k++) {
      const p = col + clampRow(k, last) * row;
      s0 = f64x2.add(s0, pair(p, 0)); s1 = f64x2.add(s1, pair(p, 8));
      s2 = f64x2.add(s2, pair(p, 16)); s3 = f64x2.add(s3, pair(p, 24));
      s4 = f64x2.add(s4, pair(p, 32)); s5 = f64x2.add(s5, pair(p, 40));
      s6 = f64x2.add(s6, pair(p, 48)); s7 = f64x2.add(s7, pair(p, 56));
    }
    for (let k = 0; k < h; k++) {
      const o = out + <usize>k * row;
      storePair(o, 0, s0, norm); storePair(o, 8, s1, norm); storePair(o, 16, s2, norm); storePair(o, 24, s3, norm);
      storePair(o, 32, s4, norm); storePair(o, 40, s5, norm); storePair(o, 48, s6, norm); storePair(o, 56, s7, norm);
      // The sample entering the window and the one leaving it, as (entering - leaving), as JS adds them.
      const a = col + clampRow(k + r + 1, last) * row;
      const b = col + clampRow(k - r, last) * row;
      s0 = f64x2.add(s0, f64x2.sub(pair(a, 0), pair(b, 0))); s1 = f64x2.add(s1, f64x2.sub(pair(a, 8), pair(b, 8)));
      s2 = f64x2.add(s2, f64x2.sub(pair(a, 16), pair(b, 16))); s3 = f64x2.add(s3, f64x2.sub(pair(a, 24), pair(b, 24)));
      s4 = f64x2.add(s4, f64x2.sub(pair(a, 32), pair(b, 32))); s5 = f64x2.add(s5, f64x2.sub(pair(a, 40), pair(b, 40)));
      s6 = f64x2.add(s6, f64x2.sub(pair(a, 48), pair(b, 48))); s7 = f64x2.add(s7, f64x2.sub(pair(a, 56), pair(b, 56)));
    }
  }
  for (; x < w; x++) {
    const col = src + (<usize>x << 2);
    const out = dst + (<usize>x << 2);
    let s: f64 = 0;
    for (let k = -r; k <= r; k++) s += <f64>load<f32>(col + clampRow(k, last) * row);
    for (let k = 0; k < h; k++) {
      store<f32>(out + <usize>k * row, <f32>(s * scale));
      s += <f64>load<f32>(col + clampRow(k + r + 1, last) * row) - <f64>load<f32>(col + clampRow(k - r, last) * row);
    }
  }
}

/** dst (w rows of h floats) = src (h rows of w) transposed, by 4x4 blocks. dst and src must not overlap. */
export function transpose(src: usize, dst: usize, w: i32, h: i32): void {
  const srcRow = <usize>w << 2;
  const dstRow = <usize>h << 2;
  const w4 = w & ~3;
  const h4 = h & ~3;
  for (let y = 0; y < h4; y += 4) {
    for (let x = 0; x < w4; x += 4) {
      const p = src + <usize>y * srcRow + (<usize>x << 2);
      const r0 = v128.load(p), r1 = v128.load(p + srcRow), r2 = v128.load(p + 2 * srcRow), r3 = v128.load(p + 3 * srcRow);
      const lo01 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5), lo23 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
      const hi01 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7), hi23 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
      const q = dst + <usize>x * dstRow + (<usize>y << 2);
      v128.store(q, v128.shuffle<f32>(lo01, lo23, 0, 1, 4, 5));
      v128.store(q + dstRow, v128.shuffle<f32>(lo01, lo23, 2, 3, 6, 7));
      v128.store(q + 2 * dstRow, v128.shuffle<f32>(hi01, hi23, 0, 1, 4, 5));
      v128.store(q + 3 * dstRow, v128.shuffle<f32>(hi01, hi23, 2, 3, 6, 7));
    }
    for (let x = w4; x < w; x++) {
      for (let yy = y; yy < y + 4; yy++) store<f32>(dst + <usize>x * dstRow + (<usize>yy << 2), load<f32>(src + <usize>yy * srcRow + (<usize>x << 2)));
    }
  }
  for (let y = h4; y < h; y++) {
    for (let x = 0; x < w; x++) store<f32>(dst + <usize>x * dstRow + (<usize>y << 2), load<f32>(src + <usize>y * srcRow + (<usize>x << 2)));
  }
}
