import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decompressionBomb } from './testing/decompression-bomb';
import { checkHeader } from './picture-size';

describe('checkHeader', () => {
  const bomb = decompressionBomb();

  it('refuses a 20000x20000 PNG from its header alone', () => {
    expect(() => checkHeader(bomb, 'image/png')).toThrow('The picture is too large (400 megapixels).');
  });

  it('refuses it whatever type the site claims', () => {
    expect(() => checkHeader(bomb, 'application/octet-stream')).toThrow(/400 megapixels/);
  });

  it.each(['png', 'jpeg', 'webp', 'gif', 'avif'] as const)('lets a 1000x1000 %s through', async (format) => {
    const bytes = await sharp({ create: { width: 1000, height: 1000, channels: 3, background: '#888' } }).toFormat(format).toBuffer();
    expect(() => checkHeader(bytes, `image/${format}`)).not.toThrow();
  });

  it('says a file that is no picture format cannot be read', () => {
    expect(() => checkHeader(new TextEncoder().encode('<!doctype html><p>hello</p>'), 'image/png')).toThrow(/could not be read as an image/);
  });

  it('leaves SVG to the drawing step, which draws it at the size asked for', () => {
    expect(() => checkHeader(new TextEncoder().encode('<svg width="99999" height="99999"/>'), 'image/svg+xml')).not.toThrow();
  });
});
