import { describe, expect, it } from 'vitest';
import { largestCandidate, parseSrcset } from './srcset';

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
