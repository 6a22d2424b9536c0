import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from './photos';

describe('decodePhoto', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'photos-'))));
  afterAll(() => rm(dir, { recursive: true }));

  it("turns a camera's photo upright by its EXIF orientation, as a browser draws it", async () => {
    // Stored 80 wide and 40 tall, red on the left and blue on the right; orientation 6 means
    // "turn 90 degrees clockwise to view", so upright it is 40 wide and 80 tall, red on top.
    const stored = Buffer.alloc(80 * 40 * 3);
    for (let p = 0; p < 80 * 40; p++) stored.set(p % 80 < 40 ? [220, 20, 20] : [20, 20, 220], p * 3);
    const file = join(dir, 'rotated.jpg');
    await sharp(stored, { raw: { width: 80, height: 40, channels: 3 } }).withMetadata({ orientation: 6 }).jpeg({ quality: 95 }).toFile(file);

    const photo = await decodePhoto(file);
    expect(photo.height).toBeGreaterThan(photo.width);
    const pixel = (x: number, y: number) => Array.from(photo.data.subarray((y * photo.width + x) * 4, (y * photo.width + x) * 4 + 3));
    const [top, bottom] = [pixel(photo.width >> 1, 2), pixel(photo.width >> 1, photo.height - 3)];
    expect(top[0]).toBeGreaterThan(150);
    expect(top[2]).toBeLessThan(80);
    expect(bottom[2]).toBeGreaterThan(150);
    expect(bottom[0]).toBeLessThan(80);
  });
});
