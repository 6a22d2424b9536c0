import { describe, expect, it } from 'vitest';
import { isPlaceholder, lazyBackground, lazySrc } from './lazy-source';

const attributes = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe('lazy sources', () => {
  it.each([
    [{ url: '', naturalWidth: 0, naturalHeight: 0 }, true],
    [{ url: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', naturalWidth: 1, naturalHeight: 1 }, true],
    [{ url: 'https://shop.example/spacer.gif', naturalWidth: 1, naturalHeight: 1 }, true],
    [{ url: 'https://shop.example/blur.jpg', naturalWidth: 12, naturalHeight: 16 }, true],
    [{ url: 'https://shop.example/boot.jpg', naturalWidth: 400, naturalHeight: 400 }, false],
    // Not decoded yet: the address alone cannot tell.
    [{ url: 'https://shop.example/boot.jpg', naturalWidth: 0, naturalHeight: 0 }, false],
  ])('%j is a placeholder: %s', (shown, expected) => {
    expect(isPlaceholder(shown)).toBe(expected);
  });

  it('reads the first lazy attribute that holds an address', () => {
    expect(lazySrc(attributes({ 'data-src': ' ', 'data-original': '/a.jpg' }))).toBe('/a.jpg');
    expect(lazySrc(attributes({}))).toBeUndefined();
  });

  it.each([
    [{ 'data-bg': '/bg.jpg' }, '/bg.jpg'],
    [{ 'data-bg': "url('/bg.jpg')" }, '/bg.jpg'],
    [{ 'data-background-image': 'url("https://cdn.example/x.webp")' }, 'https://cdn.example/x.webp'],
    [{}, undefined],
  ])('a lazy background %j is %j', (values, url) => {
    expect(lazyBackground(attributes(values))).toBe(url);
  });
});
