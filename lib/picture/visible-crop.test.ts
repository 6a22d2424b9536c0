import { describe, expect, it } from 'vitest';
import { backgroundCrop, objectFitCrop } from './visible-crop';

const box = { width: 200, height: 200 };

describe('the part of a picture a box shows', () => {
  it.each([
    ['fill', undefined],
    ['contain', undefined],
    ['cover', { x: 0.25, y: 0, width: 0.5, height: 1 }],
  ])('object-fit: %s of a 2:1 picture in a square', (fit, crop) => {
    expect(objectFitCrop(box, { width: 800, height: 400 }, fit)).toEqual(crop);
  });

  it('object-position moves a cover crop', () => {
    expect(objectFitCrop(box, { width: 800, height: 400 }, 'cover', '0% 50%')).toEqual({ x: 0, y: 0, width: 0.5, height: 1 });
    expect(objectFitCrop(box, { width: 800, height: 400 }, 'cover', '100% 50%')).toEqual({ x: 0.5, y: 0, width: 0.5, height: 1 });
  });

  it.each([
    // A 2x2 sprite sheet of 400 px tiles drawn at its own size: one tile shows, shifted by the position.
    ['auto', '-400px 0px', { x: 0.5, y: 0, width: 0.5, height: 0.5 }],
    ['auto', '0px -400px', { x: 0, y: 0.5, width: 0.5, height: 0.5 }],
    // The same sheet drawn at 400 px: tiles of 200 px.
    ['400px 400px', '-200px -200px', { x: 0.5, y: 0.5, width: 0.5, height: 0.5 }],
    ['200% 200%', '100% 0%', { x: 0.5, y: 0, width: 0.5, height: 0.5 }],
  ])('background-size %s at %s shows one tile', (size, position, crop) => {
    expect(backgroundCrop({ width: 400, height: 400 }, { width: 800, height: 800 }, size, position)).toEqual(crop);
  });

  it('a cover or whole background is not cropped', () => {
    expect(backgroundCrop(box, { width: 400, height: 400 }, 'cover', '50% 50%')).toBeUndefined();
    expect(backgroundCrop(box, { width: 200, height: 200 })).toBeUndefined();
  });
});
