import { describe, expect, it } from 'vitest';
import { bigEnough, distanceFromViewport, MAX_PICTURES, nearest, nearViewport, ScanBudget } from './queue-order';

const viewport = { width: 1000, height: 800 };
const box = (top: number, left = 0, width = 200, height = 200) => ({ top, left, width, height });

describe('which pictures a scan takes, and in what order', () => {
  it('takes pictures of at least 96 px on both sides', () => {
    expect(bigEnough(box(0, 0, 96, 96))).toBe(true);
    expect(bigEnough(box(0, 0, 95, 400))).toBe(false);
    expect(bigEnough(box(0, 0, 400, 40))).toBe(false);
  });

  it('counts a picture partly on screen as on screen, and measures the gap of the others', () => {
    expect(distanceFromViewport(box(-150), viewport)).toBe(0);
    expect(distanceFromViewport(box(790), viewport)).toBe(0);
    expect(distanceFromViewport(box(900), viewport)).toBe(100);
    expect(distanceFromViewport(box(-500), viewport)).toBe(300);
    expect(distanceFromViewport(box(0, 1300), viewport)).toBe(300);
  });

  it('keeps to one screen around the viewport', () => {
    expect(nearViewport(box(1500), viewport)).toBe(true);
    expect(nearViewport(box(1700), viewport)).toBe(false);
    expect(nearViewport(box(-1100), viewport)).toBe(false);
    expect(nearViewport(box(0, 2100), viewport)).toBe(false);
  });

  it('picks the visible picture first, then the nearest', () => {
    const boxes = { far: box(1400), near: box(900), visible: box(300), above: box(-400) };
    const order: string[] = [];
    const left = new Set(Object.keys(boxes) as (keyof typeof boxes)[]);
    while (left.size) {
      const next = nearest(left, (k) => boxes[k], viewport)!;
      order.push(next);
      left.delete(next);
    }
    expect(order).toEqual(['visible', 'near', 'above', 'far']);
    expect(nearest([], () => box(0), viewport)).toBeUndefined();
  });

  it('takes each displayed source once, and no more than 300', () => {
    const budget = new ScanBudget();
    expect(budget.take('a.jpg')).toBe(true);
    expect(budget.take('a.jpg')).toBe(false);
    for (let i = 1; i < MAX_PICTURES; i++) expect(budget.take(`${i}.jpg`)).toBe(true);
    expect(budget.full).toBe(true);
    expect(budget.take('one-more.jpg')).toBe(false);
    expect(budget.taken).toBe(MAX_PICTURES);
  });
});
