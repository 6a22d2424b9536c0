import { describe, expect, it } from 'vitest';
import { bestCssImage, cssImages } from './css-image';

describe('CSS images', () => {
  it('reads plain layers and leaves gradients out', () => {
    expect(cssImages('linear-gradient(rgb(0, 0, 0), rgba(0, 0, 0, 0)), url("https://s.example/a(1).jpg")')).toEqual([
      [],
      [{ url: 'https://s.example/a(1).jpg', density: 1 }],
    ]);
    expect(cssImages('none')).toEqual([[]]);
  });

  it('reads image-set options with their density and type', () => {
    const value = 'image-set(url("https://s.example/a.avif") 2x type("image/avif"), url("https://s.example/a.jpg") 1x, "b.png" 192dpi)';
    expect(cssImages(value)[0]).toEqual([
      { url: 'https://s.example/a.avif', density: 2, type: 'image/avif' },
      { url: 'https://s.example/a.jpg', density: 1 },
      { url: 'b.png', density: 2 },
    ]);
  });

  it.each([
    ['url("a.jpg")', 'a.jpg'],
    ['-webkit-image-set(url("a.jpg") 1x, url("b.jpg") 2x)', 'b.jpg'],
    ['image-set(url("a.jp2") 3x type("image/jp2"), url("b.jpg") 2x)', 'b.jpg'],
    ['linear-gradient(red, blue), url(c.png)', 'c.png'],
    ['none', undefined],
  ])('reads %s as %s', (value, url) => {
    expect(bestCssImage(value, (type) => type !== 'image/jp2')).toBe(url);
  });
});
