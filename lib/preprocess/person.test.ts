import { describe, expect, it } from 'vitest';
import { maskBox } from './components';
import { preprocess } from './index';
import { findFace } from './face';
import { focusOnGarment } from './person';
import { segment } from './segment';
import { hasFaceColour, isSkin, matchesSkin, skinModel } from './skin';
import { SKIN_TONES, drawnPerson, inTshirt } from './testing/pictures';
import type { Rgba } from './testing/helpers';

const RED: Rgba = [200, 40, 40];
const BLACK: Rgba = [30, 30, 30];

/** What focusOnGarment keeps of a drawn person wearing a T-shirt: shares of the T-shirt and of each other part. */
function kept(top: Rgba, skin: Rgba) {
  const img = drawnPerson({ kind: 'T-shirt', colour: top }, skin);
  const seg = segment(img)!;
  const mask = focusOnGarment(img, seg.mask, maskBox(seg.mask));
  const parts = { shirt: [0, 0], head: [0, 0], arms: [0, 0], jeans: [0, 0] };
  for (let p = 0; p < mask.data.length; p++) {
    const [x, y] = [p % img.width, Math.floor(p / img.width)];
    const part = inTshirt(x, y) ? parts.shirt : y < 88 ? parts.head : y >= 275 && x >= 90 && x < 210 ? parts.jeans : y >= 165 && (x < 90 || x >= 210) ? parts.arms : null;
    if (!part || !seg.mask.data[p]) continue;
    part[0] += mask.data[p];
    part[1]++;
  }
  const share = ([k, n]: number[]) => k / n;
  return { shirt: share(parts.shirt), head: share(parts.head), arms: share(parts.arms), jeans: share(parts.jeans) };
}

describe('skin colour', () => {
  it.each(SKIN_TONES.map((t) => [t.join(',')]))('every drawn skin tone (%s) is skin by the vote of three colour spaces', (tone) => {
    const [r, g, b] = tone.split(',').map(Number);
    expect(isSkin(r, g, b)).toBe(true);
  });

  it.each([
    ['jeans blue', [52, 74, 120]],
    ['white', [250, 250, 250]],
    ['black', [20, 20, 20]],
    ['grass green', [60, 160, 60]],
  ])('%s is not skin', (_, [r, g, b]) => {
    expect(isSkin(r, g, b)).toBe(false);
  });

  it("a person's skin is told by the face's chroma, and a beige garment of the same chroma by its lightness", () => {
    const face = Uint8ClampedArray.from([214, 160, 126, 255, 210, 157, 124, 255, 218, 164, 130, 255]);
    const model = skinModel(face, [0, 1, 2])!;
    expect(matchesSkin(model, 205, 152, 118)).toBe(true); // the arm, a little darker
    expect(matchesSkin(model, 52, 74, 120)).toBe(false);
    expect(hasFaceColour(model, { luma: model.luma + 2, cb: model.cb, cr: model.cr })).toBe(true);
    expect(hasFaceColour(model, { luma: model.luma + 40, cb: model.cb, cr: model.cr })).toBe(false);
  });
});

describe('a garment worn by a drawn person', () => {
  it.each(SKIN_TONES.map((t) => [t.join(','), t]))('finds the face of a person of skin %s below the hair', (_, skin) => {
    const img = drawnPerson({ kind: 'T-shirt', colour: RED }, skin as Rgba);
    const seg = segment(img)!;
    const face = findFace(img, seg.mask, maskBox(seg.mask)!)!;
    expect(face).not.toBeNull();
    // The drawn face spans rows 29-95 under the hair; the chin is its last row.
    expect(face.box.y + face.box.height).toBeGreaterThanOrEqual(88);
    expect(face.box.y + face.box.height).toBeLessThanOrEqual(100);
  });

  it.each(
    [RED, BLACK].flatMap((top) => SKIN_TONES.map((skin) => [top.join(','), skin.join(','), top, skin])),
  )('a T-shirt (%s) on skin %s comes out alone: no head, arms, hands or jeans', (_, __, top, skin) => {
    const parts = kept(top as Rgba, skin as Rgba);
    expect(parts.shirt).toBeGreaterThan(0.9);
    expect(parts).toMatchObject({ head: 0, arms: 0, jeans: 0 });
  });

  it('without a person (the T-shirt alone) the object is left as it is', () => {
    const img = drawnPerson({ kind: 'T-shirt', colour: RED }, [255, 255, 255]);
    const seg = segment(img)!;
    expect(focusOnGarment(img, seg.mask, maskBox(seg.mask))).toBe(seg.mask);
  });

  it.each(SKIN_TONES.map((t) => [t.join(','), t]))('a body of skin %s with nothing on it gives no garment', (_, skin) => {
    const res = preprocess(drawnPerson({ kind: 'nothing' }, skin as Rgba, 'bare'));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/person wearing nothing/);
  });
});
