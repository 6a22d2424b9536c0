// AssemblyScript, compiled to WebAssembly SIMD by scripts/build/simd.ts: the convolution kernels
// training runs in its own code (see conv-simd.ts for the JS side).
//
// The filter gradient of an NHWC convolution, accumulated into dw:
//   dw[a,b,c,o] += sum over n,i,j of xp[n, i*sh+a, j*sw+b, c] * dy[n, i, j, o]
// where xp is the input already zero-padded, so no tap ever falls outside it.
// For each tap and each block of 4 input x 8 output channels, the 32 sums stay
// in 8 registers while one image's pixels stream past; one image (tens of KB)
// stays in cache across all taps and blocks. XNNPACK has no such kernel: the
// swapped-roles convolution it would run instead is ~1.8x slower per MAC.
// Pointers are byte offsets into this module's memory; c % 4 == 0 and o % 8 == 0
// (the caller pads the channels with zeros).

export function convFilterGrad(
  xp: usize, dy: usize, dw: usize,
  images: i32, paddedH: i32, paddedW: i32, inC: i32,
  outH: i32, outW: i32, outC: i32, kh: i32, kw: i32, sh: i32, sw: i32,
): void {
  const xPixel = <usize>inC << 2;
  const dyPixel = <usize>outC << 2;
  const xRow = <usize>paddedW * xPixel;
  const xStep = <usize>sw * xPixel;
  const xRowStep = <usize>sh * xRow;
  const dwRow = dyPixel;
  for (let n = 0; n < images; n++) {
    const xImage = xp + <usize>n * <usize>paddedH * xRow;
    const dyImage = dy + <usize>n * <usize>outH * <usize>outW * dyPixel;
    for (let a = 0; a < kh; a++) {
      for (let b = 0; b < kw; b++) {
        const xTap = xImage + <usize>a * xRow + <usize>b * xPixel;
        const dwTap = dw + <usize>(a * kw + b) * <usize>inC * dwRow;
        for (let c = 0; c < inC; c += 4) {
          for (let o = 0; o < outC; o += 8) {
            const w = dwTap + <usize>c * dwRow + (<usize>o << 2);
            let s00 = v128.load(w), s01 = v128.load(w, 16);
            let s10 = v128.load(w + dwRow), s11 = v128.load(w + dwRow, 16);
            let s20 = v128.load(w + 2 * dwRow), s21 = v128.load(w + 2 * dwRow, 16);
            let s30 = v128.load(w + 3 * dwRow), s31 = v128.load(w + 3 * dwRow, 16);
            let xRowPtr = xTap + (<usize>c << 2);
            let dyPtr = dyImage + (<usize>o << 2);
            for (let i = 0; i < outH; i++) {
              let xPtr = xRowPtr;
              for (let j = 0; j < outW; j++) {
                const d0 = v128.load(dyPtr);
                const d1 = v128.load(dyPtr, 16);
                const x0 = v128.load32_splat(xPtr, 0);
                const x1 = v128.load32_splat(xPtr, 4);
                const x2 = v128.load32_splat(xPtr, 8);
                const x3 = v128.load32_splat(xPtr, 12);
                s00 = f32x4.add(s00, f32x4.mul(x0, d0)); s01 = f32x4.add(s01, f32x4.mul(x0, d1));
                s10 = f32x4.add(s10, f32x4.mul(x1, d0)); s11 = f32x4.add(s11, f32x4.mul(x1, d1));
                s20 = f32x4.add(s20, f32x4.mul(x2, d0)); s21 = f32x4.add(s21, f32x4.mul(x2, d1));
                s30 = f32x4.add(s30, f32x4.mul(x3, d0)); s31 = f32x4.add(s31, f32x4.mul(x3, d1));
                xPtr += xStep;
                dyPtr += dyPixel;
              }
              xRowPtr += xRowStep;
            }
            v128.store(w, s00); v128.store(w, s01, 16);
            v128.store(w + dwRow, s10); v128.store(w + dwRow, s11, 16);
            v128.store(w + 2 * dwRow, s20); v128.store(w + 2 * dwRow, s21, 16);
            v128.store(w + 3 * dwRow, s30); v128.store(w + 3 * dwRow, s31, 16);
          }
        }
      }
    }
  }
}

// The forward NHWC convolution, undilated:
//   y[q, o] = sum over a,b,c of xp[pixel q's top-left + (a, b), c] * w[o / 8][a][b][c][o % 8]
// for the output pixels q = 0..pixels-1 in NHWC order, with xp zero-padded as above and the
// filter packed in blocks of 8 output channels, so each block's weights are read in order. Four
// output pixels x 8 output channels stay in 8 registers; for each filter row a, the taps
// b = 0..kw-1 are adjacent pixels of the padded input, so the sum over b and c is one contiguous
// run. y has room for pixels rounded up to 4; o % 8 == 0 (the caller pads the filter).
export function conv2d(
  xp: usize, w: usize, y: usize,
  pixels: i32, outH: i32, outW: i32, paddedH: i32, paddedW: i32, inC: i32, outC: i32,
  kh: i32, kw: i32, sh: i32, sw: i32,
): void {
  const xPixel = <usize>inC << 2;
  const xRow = <usize>paddedW * xPixel;
  const yPixel = <usize>outC << 2;
  const run = <usize>kw * xPixel;
  const blockWeights = <usize>(kh * kw * inC) << 5; // bytes of one 8-channel block of the filter
  for (let q = 0; q < pixels; q += 4) {
    const p0 = pixelAt(xp, q, pixels, outH, outW, paddedH, xRow, xPixel, sh, sw);
    const p1 = pixelAt(xp, q + 1, pixels, outH, outW, paddedH, xRow, xPixel, sh, sw);
    const p2 = pixelAt(xp, q + 2, pixels, outH, outW, paddedH, xRow, xPixel, sh, sw);
    const p3 = pixelAt(xp, q + 3, pixels, outH, outW, paddedH, xRow, xPixel, sh, sw);
    for (let o = 0; o < outC; o += 8) {
      let s00 = f32x4.splat(0), s01 = f32x4.splat(0), s10 = f32x4.splat(0), s11 = f32x4.splat(0);
      let s20 = f32x4.splat(0), s21 = f32x4.splat(0), s30 = f32x4.splat(0), s31 = f32x4.splat(0);
      let wPtr = w + <usize>(o >> 3) * blockWeights;
      for (let a = 0; a < kh; a++) {
        // Pointers that advance, not base + offset: V8 then runs this loop ~2x faster.
        const row = <usize>a * xRow;
        let x0 = p0 + row, x1 = p1 + row, x2 = p2 + row, x3 = p3 + row;
        const end = x0 + run;
        for (; x0 < end; x0 += 4, x1 += 4, x2 += 4, x3 += 4) {
          const w0 = v128.load(wPtr);
          const w1 = v128.load(wPtr, 16);
          const v0 = v128.load32_splat(x0);
          const v1 = v128.load32_splat(x1);
          const v2 = v128.load32_splat(x2);
          const v3 = v128.load32_splat(x3);
          s00 = f32x4.add(s00, f32x4.mul(v0, w0)); s01 = f32x4.add(s01, f32x4.mul(v0, w1));
          s10 = f32x4.add(s10, f32x4.mul(v1, w0)); s11 = f32x4.add(s11, f32x4.mul(v1, w1));
          s20 = f32x4.add(s20, f32x4.mul(v2, w0)); s21 = f32x4.add(s21, f32x4.mul(v2, w1));
          s30 = f32x4.add(s30, f32x4.mul(v3, w0)); s31 = f32x4.add(s31, f32x4.mul(v3, w1));
          wPtr += 32;
        }
      }
      const out = y + <usize>q * yPixel + (<usize>o << 2);
      v128.store(out, s00); v128.store(out, s01, 16);
      v128.store(out + yPixel, s10); v128.store(out + yPixel, s11, 16);
      v128.store(out + 2 * yPixel, s20); v128.store(out + 2 * yPixel, s21, 16);
      v128.store(out + 3 * yPixel, s30); v128.store(out + 3 * yPixel, s31, 16);
    }
  }
}

/** Address of the top-left input pixel that output pixel q reads; pixels past the end read pixel 0. */
@inline function pixelAt(
  xp: usize, q: i32, pixels: i32, outH: i32, outW: i32, paddedH: i32, xRow: usize, xPixel: usize, sh: i32, sw: i32,
): usize {
  if (q >= pixels) return xp;
  const perImage = outH * outW;
  const n = q / perImage;
  const r = q % perImage;
  return xp + <usize>n * <usize>paddedH * xRow + <usize>((r / outW) * sh) * xRow + <usize>((r % outW) * sw) * xPixel;
}
