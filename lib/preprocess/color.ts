import type { RgbaImage } from './types';

/** CIELAB planes of an image: L in 0..100, a and b roughly -100..100. */
export interface LabPlanes {
  width: number;
  height: number;
  L: Float32Array;
  A: Float32Array;
  B: Float32Array;
}

const LINEAR = new Float32Array(256);
for (let i = 0; i < 256; i++) {
  const c = i / 255;
  LINEAR[i] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function labF(t: number): number {
  return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116;
}

/** Channel value composited over white by its alpha (transparent pixels read as white). */
function overWhite(c: number, a: number): number {
  return a === 255 ? c : Math.round(c * (a / 255) + 255 * (1 - a / 255));
}

/** Converts to CIELAB (D65), compositing over white. */
export function toLab(img: RgbaImage): LabPlanes {
  const n = img.width * img.height;
  const d = img.data;
  const L = new Float32Array(n);
  const A = new Float32Array(n);
  const B = new Float32Array(n);
  for (let p = 0, i = 0; p < n; p++, i += 4) {
    const a = d[i + 3];
    const r = LINEAR[overWhite(d[i], a)];
    const g = LINEAR[overWhite(d[i + 1], a)];
    const b = LINEAR[overWhite(d[i + 2], a)];
    const fx = labF((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
    const fy = labF(0.2126 * r + 0.7152 * g + 0.0722 * b);
    const fz = labF((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
    L[p] = 116 * fy - 16;
    A[p] = 500 * (fx - fy);
    B[p] = 200 * (fy - fz);
  }
  return { width: img.width, height: img.height, L, A, B };
}

/** Luma (ITU-R 601 weights on sRGB values) in 0..1, compositing over white. */
export function toGray(img: RgbaImage): Float32Array {
  const n = img.width * img.height;
  const d = img.data;
  const out = new Float32Array(n);
  for (let p = 0, i = 0; p < n; p++, i += 4) {
    const a = d[i + 3];
    out[p] =
      (0.299 * overWhite(d[i], a) + 0.587 * overWhite(d[i + 1], a) + 0.114 * overWhite(d[i + 2], a)) / 255;
  }
  return out;
}

/** 1 where alpha >= threshold. */
export function opaqueMask(img: RgbaImage, threshold = 128): Uint8Array {
  const n = img.width * img.height;
  const out = new Uint8Array(n);
  for (let p = 0; p < n; p++) out[p] = img.data[p * 4 + 3] >= threshold ? 1 : 0;
  return out;
}
