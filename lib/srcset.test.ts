import { describe, expect, it } from 'vitest';
import { largestCandidate, parseSrcset, sharpEnough } from './srcset';

describe('srcset', () => {
  it.each([
    ['a.jpg 320w, b.jpg 1024w, c.jpg 640w', 'b.jpg'],
    ['a.jpg, b.jpg 2x, c.jpg 1.5x', 'b.jpg'],
    ['https://cdn.example/img/w_200,h_300/shirt.jpg 200w, https://cdn.example/img/w_800,h_1200/shirt.jpg 800w', 'https://cdn.example/img/w_800,h_1200/shirt.jpg'],
    ['  a.jpg   100w ,b.jpg 50w', 'a.jpg'],
    ['', undefined],
  ])('largest of %j is %j', (srcset, url) => {
    expect(largestCandidate([srcset])).toBe(url);
  });

  it('compares width and density candidates through the image width', () => {
    expect(largestCandidate(['small.jpg 2x', 'large.jpg 900w'], 400)).toBe('large.jpg');
    expect(parseSrcset('x.jpg 3x', 400)).toEqual([{ url: 'x.jpg', size: 1200 }]);
  });

  it('skips candidates with a broken descriptor', () => {
    expect(parseSrcset('a.jpg 0w, b.jpg -1x, c.jpg 10w')).toEqual([{ url: 'c.jpg', size: 10 }]);
  });
});

describe('sharpEnough', () => {
  const set = parseSrcset('s.jpg 200w, m.jpg 600w, l.jpg 1600w');
  it.each([
    [{ url: 's.jpg', width: 200 }, 'm.jpg'],
    [{ url: 'm.jpg', width: 400 }, 'm.jpg'],
    [{ url: 'm.jpg', width: 600 }, 'm.jpg'],
    [{ url: 'l.jpg', width: 1600 }, 'l.jpg'],
  ])('reads %j as %s', (shown, url) => {
    expect(sharpEnough(set, shown)).toBe(url);
  });
  it('takes the widest when none is wide enough, and the shown one when it is alone', () => {
    expect(sharpEnough(parseSrcset('a.jpg 100w, b.jpg 300w'), { url: 'a.jpg', width: 100 })).toBe('b.jpg');
    expect(sharpEnough([], { url: 'x.jpg', width: 60 })).toBe('x.jpg');
  });
});
