import { describe, expect, it } from 'vitest';
import { PIXELS } from '../../classes';
import { createRng } from '../rng';
import { augmentImage } from './augment-image';
import { makeBatch } from './batch';
import { DEFAULT_AUGMENT, NO_AUGMENT } from './presets';
import { squareToQuad } from './viewpoint';

/** A bright block on the left half of a black image. */
function blockImage(): Uint8Array {
  const img = new Uint8Array(PIXELS);
  for (let y = 8; y < 20; y++) for (let x = 4; x < 12; x++) img[y * 28 + x] = 200;
  return img;
}

const mass = (img: Float32Array, x0: number, x1: number) => {
  let s = 0;
  for (let y = 0; y < 28; y++) for (let x = x0; x < x1; x++) s += img[y * 28 + x];
  return s;
};

describe('augmentation', () => {
  it('without augmentation, only scales bytes to [0, 1]', () => {
    const out = new Float32Array(PIXELS);
    makeBatch(blockImage(), [0], out, createRng(1), null);
    expect(out[8 * 28 + 4]).toBeCloseTo(200 / 255, 6);
    expect(out[0]).toBe(0);
  });

  it('flips horizontally', () => {
    const out = new Float32Array(PIXELS);
    makeBatch(blockImage(), [0], out, createRng(1), { ...NO_AUGMENT, flip: 1 });
    expect(mass(out, 0, 14)).toBe(0);
    expect(out[8 * 28 + 27 - 4]).toBeCloseTo(200 / 255, 6);
  });

  it('is repeatable for a seed, differs across seeds, and stays in [0, 1]', () => {
    const images = new Uint8Array(PIXELS * 4);
    for (let i = 0; i < 4; i++) images.set(blockImage(), i * PIXELS);
    const run = (seed: number) => {
      const out = new Float32Array(PIXELS * 4);
      makeBatch(images, [0, 1, 2, 3], out, createRng(seed), { ...DEFAULT_AUGMENT, noise: 1, background: 1, speckles: 1 });
      return out;
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
    expect(run(5).every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('moves the object by a shift but keeps most of it in view', () => {
    const rng = createRng(3);
    const tmp = new Float32Array(PIXELS);
    for (let i = 0; i < 20; i++) {
      const img = new Float32Array(blockImage()).map((v) => v / 255);
      const before = mass(img, 0, 28);
      augmentImage(img, tmp, rng, { ...NO_AUGMENT, affine: 1 });
      const after = mass(img, 0, 28);
      expect(after / before).toBeGreaterThan(0.6);
      expect(after / before).toBeLessThan(1.4);
    }
  });

  it('turns and stretches the object only when asked to (the photo preset), keeping it in view', () => {
    const tmp = new Float32Array(PIXELS);
    /** Width over height of the pixels above half brightness. */
    const aspect = (img: Float32Array) => {
      const [xs, ys] = [[] as number[], [] as number[]];
      img.forEach((v, p) => v > 0.5 && (xs.push(p % 28), ys.push(Math.floor(p / 28))));
      return (Math.max(...xs) - Math.min(...xs) + 1) / (Math.max(...ys) - Math.min(...ys) + 1);
    };
    const aspects = (options: typeof NO_AUGMENT) => {
      const rng = createRng(4);
      return Array.from({ length: 30 }, () => {
        const img = new Float32Array(blockImage()).map((v) => v / 255);
        augmentImage(img, tmp, rng, { ...options, affine: 1, maxShift: 0, scale: [1, 1] });
        expect(mass(img, 0, 28) / mass(new Float32Array(blockImage()).map((v) => v / 255), 0, 28)).toBeGreaterThan(0.7);
        return aspect(img);
      });
    };
    // The block is 8 wide and 12 tall.
    expect(new Set(aspects(NO_AUGMENT))).toEqual(new Set([8 / 12]));
    const changed = aspects({ ...NO_AUGMENT, rotate: 15, stretch: 0.2 });
    expect(Math.min(...changed)).toBeLessThan(0.6);
    expect(Math.max(...changed)).toBeGreaterThan(0.75);
  });

  it('maps the unit square onto any quadrilateral, corners to corners', () => {
    const corners: [number, number][] = [[0.1, -0.05], [0.9, 0.1], [1.15, 1.05], [-0.1, 0.85]];
    const warp = squareToQuad(corners);
    [[0, 0], [1, 0], [1, 1], [0, 1]].forEach(([u, v], i) => {
      const [x, y] = warp(u, v);
      expect(x).toBeCloseTo(corners[i][0], 9);
      expect(y).toBeCloseTo(corners[i][1], 9);
    });
    const identity = squareToQuad([[0, 0], [1, 0], [1, 1], [0, 1]]);
    expect(identity(0.3, 0.7)[0]).toBeCloseTo(0.3, 9);
    expect(identity(0.3, 0.7)[1]).toBeCloseTo(0.7, 9);
  });

  it('changes the viewpoint only when asked to, then fits the object to the square as preprocessing does', () => {
    const tmp = new Float32Array(PIXELS);
    const rng = createRng(6);
    /** The box of the pixels above a tenth of full brightness. */
    const box = (img: Float32Array) => {
      const [xs, ys] = [[] as number[], [] as number[]];
      img.forEach((v, p) => v > 0.1 && (xs.push(p % 28), ys.push(Math.floor(p / 28))));
      return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
    };
    const shapes = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const img = new Float32Array(blockImage()).map((v) => v / 255);
      augmentImage(img, tmp, rng, { ...NO_AUGMENT, pose: 1, poseJitter: 0.2 });
      const b = box(img);
      // The long side fills the square again (the 8x12 block was 12 tall), and the object is centred.
      expect(Math.max(b.x1 - b.x0, b.y1 - b.y0) + 1).toBeGreaterThanOrEqual(25);
      expect(Math.abs((b.x0 + b.x1) / 2 - 13.5)).toBeLessThanOrEqual(1.5);
      expect(Math.abs((b.y0 + b.y1) / 2 - 13.5)).toBeLessThanOrEqual(1.5);
      shapes.add(`${b.x1 - b.x0}x${b.y1 - b.y0}`);
    }
    // Viewpoints differ: the block comes out in several proportions.
    expect(shapes.size).toBeGreaterThan(3);
    // Without `pose`, the block stays where it was.
    const plain = new Float32Array(blockImage()).map((v) => v / 255);
    augmentImage(plain, tmp, createRng(6), NO_AUGMENT);
    expect(box(plain)).toEqual({ x0: 4, x1: 11, y0: 8, y1: 19 });
  });

  it('applies the photometric changes only sometimes with the default probabilities', () => {
    const rng = createRng(9);
    const tmp = new Float32Array(PIXELS);
    let untouchedBackground = 0;
    for (let i = 0; i < 200; i++) {
      const img = new Float32Array(blockImage()).map((v) => v / 255);
      augmentImage(img, tmp, rng);
      if (img[0] === 0 && img[27 * 28 + 27] === 0) untouchedBackground++;
    }
    expect(untouchedBackground).toBeGreaterThan(100);
    expect(untouchedBackground).toBeLessThan(200);
  });
});
