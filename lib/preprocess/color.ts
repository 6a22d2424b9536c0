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

/**
 * The colour cache of toLab, kept from one image to the next (an entry never goes stale): photos repeat
 * many exact colours (flat backdrops, clipped whites). Direct-mapped: a colour's slot holds it or another.
 */
const CACHE_BITS = 16;
const cachedColour = new Int32Array(1 << CACHE_BITS).fill(-1);
const cachedLab = new Float32Array(3 << CACHE_BITS);

/**
 * Converts to CIELAB (D65), compositing over white, into L, A and B if given. Three cube roots per
 * colour make this costly: the results are cached by composited colour.
 */
export function toLab(
  img: RgbaImage,
  L: Float32Array = new Float32Array(img.width * img.height),
  A: Float32Array = new Float32Array(img.width * img.height),
  B: Float32Array = new Float32Array(img.width * img.height),
): LabPlanes {
  const n = img.width * img.height;
  const d = img.data;
  for (let p = 0, i = 0; p < n; p++, i += 4) {
    const a = d[i + 3];
    const r8 = overWhite(d[i], a);
    const g8 = overWhite(d[i + 1], a);
    const b8 = overWhite(d[i + 2], a);
    const key = (r8 << 16) | (g8 << 8) | b8;
    const slot = Math.imul(key, 0x9e3779b1) >>> (32 - CACHE_BITS);
    const s = slot * 3;
    if (cachedColour[slot] !== key) {
      cachedColour[slot] = key;
      const r = LINEAR[r8];
      const g = LINEAR[g8];
      const b = LINEAR[b8];
      const fx = labF((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
      const fy = labF(0.2126 * r + 0.7152 * g + 0.0722 * b);
      const fz = labF((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
      cachedLab[s] = 116 * fy - 16;
      cachedLab[s + 1] = 500 * (fx - fy);
      cachedLab[s + 2] = 200 * (fy - fz);
    }
    L[p] = cachedLab[s];
    A[p] = cachedLab[s + 1];
    B[p] = cachedLab[s + 2];
  }
  return { width: img.width, height: img.height, L, A, B };
}

/** Luma (ITU-R 601 weights on sRGB values) in 0..1 of the pixel at byte offset i, composited over white. */
export function lumaAt(d: RgbaImage['data'], i: number): number {
  const a = d[i + 3];
  return (0.299 * overWhite(d[i], a) + 0.587 * overWhite(d[i + 1], a) + 0.114 * overWhite(d[i + 2], a)) / 255;
}

/** 1 where alpha >= threshold; null when that is everywhere (photos), so callers can skip the mask. */
export function opaqueMask(img: RgbaImage, threshold = 128): Uint8Array | null {
  const n = img.width * img.height;
  const d = img.data;
  const out = new Uint8Array(n);
  let all = 1;
  for (let p = 0; p < n; p++) all &= out[p] = +(d[p * 4 + 3] >= threshold);
  return all ? null : out;
}
