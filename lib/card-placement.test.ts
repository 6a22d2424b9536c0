import { describe, expect, it } from 'vitest';
import { coveredShare, MAX_COVER, placeCard } from './card-placement';

const viewport = { scrollX: 0, scrollY: 0, width: 1280 };
const card = { width: 180, height: 70 };
const at = (picture: { left: number; top: number; width: number; height: number }) => {
  const place = placeCard(picture, card, viewport);
  return { ...place, share: coveredShare(picture, { left: place.left, top: place.top, ...card }) };
};

describe('placeCard', () => {
  it.each([200, 280, 400, 1000])('covers at most a quarter of a %i px picture', (side) => {
    expect(at({ left: 100, top: 100, width: side, height: side }).share).toBeLessThanOrEqual(MAX_COVER);
  });

  it('sits in the top-right corner of a large picture', () => {
    const place = at({ left: 100, top: 100, width: 400, height: 400 });
    expect(place).toMatchObject({ inside: true, left: 100 + 400 - 180 - 8, top: 108 });
  });

  it('goes beside a small picture, covering none of it', () => {
    const place = at({ left: 100, top: 100, width: 120, height: 120 });
    expect(place).toMatchObject({ inside: false, left: 228, top: 100, share: 0 });
  });

  it('goes to the left of a small picture at the right edge, then below one that fills the width', () => {
    expect(at({ left: 1180, top: 50, width: 90, height: 90 })).toMatchObject({ inside: false, left: 1180 - 8 - 180, share: 0 });
    expect(at({ left: 0, top: 50, width: 1280, height: 30 })).toMatchObject({ inside: false, top: 88, share: 0 }); // a banner
  });

  it('stays in view when the picture starts above the scrolled viewport', () => {
    const place = placeCard({ left: 100, top: 0, width: 600, height: 2000 }, card, { ...viewport, scrollY: 900 });
    expect(place.top).toBe(904 + 8);
  });
});
