import { describe, expect, it } from 'vitest';
import { PIXELS } from '../classes';
import { IDX_FILES, SHARD_DIR, readFromDir, readIdx } from '../node/fashion-mnist';
import { loadSplit, readManifest, readShard, type ReadFile } from './shards';

const bundled = readFromDir(SHARD_DIR);

describe('bundled Fashion-MNIST shards', () => {
  it.each([
    ['train', 60_000],
    ['test', 10_000],
  ] as const)('give back all %s images with labels in 0..9, the first one byte for byte', async (split, count) => {
    const progress: number[] = [];
    const data = await loadSplit(bundled, split, { onProgress: (p) => progress.push(p.loadedImages) });
    expect(data.count).toBe(count);
    expect(data.images.length).toBe(count * PIXELS);
    expect(Math.max(...data.labels)).toBe(9);
    expect(Math.min(...data.labels)).toBe(0);
    expect(progress.at(-1)).toBe(count);

    const originalImages = await readIdx(IDX_FILES[split].images);
    const originalLabels = await readIdx(IDX_FILES[split].labels);
    expect(data.images.subarray(0, PIXELS)).toEqual(originalImages.data.subarray(0, PIXELS));
    expect(data.labels[0]).toBe(originalLabels.data[0]);
    expect(data.labels).toEqual(originalLabels.data);
  });

  it('reads only the shards a limit needs', async () => {
    const read: string[] = [];
    const counting: ReadFile = (name) => (read.push(name), bundled(name));
    const data = await loadSplit(counting, 'train', { limit: 1234 });
    expect(data.count).toBe(1234);
    expect(read).toEqual(['manifest.json', 'train-00.bin.gz']);
  });
});

describe('a damaged shard', () => {
  const damaged = (change: (bytes: Uint8Array) => Uint8Array): ReadFile => async (name) =>
    name === 'test-00.bin.gz' ? change(await bundled(name)) : bundled(name);

  it.each([
    ['truncated', (b: Uint8Array) => b.slice(0, b.length - 100), /Shard test-00\.bin\.gz has \d+ bytes/],
    ['tampered', (b: Uint8Array) => b.map((v, i) => (i === 5000 ? v ^ 1 : v)), /Shard test-00\.bin\.gz is damaged/],
  ])('is rejected when %s, naming the shard', async (_, change, message) => {
    const read = damaged(change);
    const manifest = await readManifest(read);
    await expect(readShard(read, manifest.shards.find((s) => s.file === 'test-00.bin.gz')!)).rejects.toThrow(message);
    await expect(loadSplit(read, 'test')).rejects.toThrow(message);
  });
});
