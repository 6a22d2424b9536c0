/** Where Node tools find the data: the Debian package's IDX files and the shards the extension ships. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseIdx, type IdxArray } from '../data/idx';
import type { ReadFile } from '../data/shards';

/** The original IDX files, from the Debian package `dataset-fashion-mnist`. */
export const IDX_DIR = process.env.FASHION_MNIST_DIR ?? '/usr/share/datasets/fashion-mnist';

export const SHARD_DIR = new URL('../../public/data/fashion-mnist/', import.meta.url).pathname;

export const IDX_FILES = {
  train: { images: 'train-images-idx3-ubyte.gz', labels: 'train-labels-idx1-ubyte.gz' },
  test: { images: 't10k-images-idx3-ubyte.gz', labels: 't10k-labels-idx1-ubyte.gz' },
} as const;

export async function readIdx(file: string): Promise<IdxArray> {
  return parseIdx(new Uint8Array(gunzipSync(await readFile(join(IDX_DIR, file)))), file);
}

export function readFromDir(dir: string): ReadFile {
  return async (name) => new Uint8Array(await readFile(join(dir, name)));
}
