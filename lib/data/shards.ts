/**
 * The bundled Fashion-MNIST shards: gzip files of `count` labels followed by `count` 28x28 images,
 * listed in a manifest with each shard's byte length and SHA-256. The same code reads them in the
 * extension (from its own URLs) and in Node (from disk): the caller says how to read a file.
 */
import { CLASS_NAMES, PIXELS } from '../classes';
import { gunzip, sha256Hex } from './bytes';

export type Split = 'train' | 'test';

export interface ShardEntry {
  file: string;
  split: Split;
  count: number;
  byteLength: number;
  sha256: string;
}

export interface ShardManifest {
  format: 1;
  source: string;
  classNames: string[];
  imageSize: number;
  shards: ShardEntry[];
}

export interface Dataset {
  count: number;
  /** `count` images of 784 bytes, row-major, 0 = background. */
  images: Uint8Array;
  labels: Uint8Array;
}

export interface LoadProgress {
  loadedBytes: number;
  totalBytes: number;
  loadedImages: number;
  totalImages: number;
}

/** Reads one file of the shard folder, by its name in the manifest. */
export type ReadFile = (name: string) => Promise<Uint8Array>;

export const MANIFEST_FILE = 'manifest.json';

export async function readManifest(read: ReadFile): Promise<ShardManifest> {
  const manifest = JSON.parse(new TextDecoder().decode(await read(MANIFEST_FILE))) as ShardManifest;
  if (manifest.format !== 1 || !Array.isArray(manifest.shards)) {
    throw new Error(`${MANIFEST_FILE} is not a shard manifest this version can read`);
  }
  if (manifest.classNames.join('|') !== CLASS_NAMES.join('|')) {
    throw new Error(`${MANIFEST_FILE} lists other classes than the model's`);
  }
  return manifest;
}

/** Reads, verifies and decodes one shard; throws an error that names the shard if it is damaged. */
export async function readShard(read: ReadFile, shard: ShardEntry): Promise<Dataset> {
  const packed = await read(shard.file);
  if (packed.byteLength !== shard.byteLength) {
    throw new Error(`Shard ${shard.file} has ${packed.byteLength} bytes, expected ${shard.byteLength}`);
  }
  if ((await sha256Hex(packed)) !== shard.sha256) {
    throw new Error(`Shard ${shard.file} is damaged: its SHA-256 does not match the manifest`);
  }
  const bytes = await gunzip(packed);
  if (bytes.byteLength !== shard.count * (1 + PIXELS)) {
    throw new Error(`Shard ${shard.file} unpacks to ${bytes.byteLength} bytes, expected ${shard.count * (1 + PIXELS)}`);
  }
  return { count: shard.count, labels: bytes.subarray(0, shard.count), images: bytes.subarray(shard.count) };
}

/** Loads a whole split (or its first `limit` images, reading only the shards needed). */
export async function loadSplit(
  read: ReadFile,
  split: Split,
  options: { limit?: number; manifest?: ShardManifest; onProgress?: (p: LoadProgress) => void } = {},
): Promise<Dataset> {
  const manifest = options.manifest ?? (await readManifest(read));
  const all = manifest.shards.filter((s) => s.split === split);
  const wanted = Math.min(options.limit ?? Infinity, all.reduce((n, s) => n + s.count, 0));
  const shards: ShardEntry[] = [];
  for (let covered = 0; covered < wanted; covered += shards.at(-1)!.count) shards.push(all[shards.length]);

  const progress: LoadProgress = {
    loadedBytes: 0,
    totalBytes: shards.reduce((n, s) => n + s.byteLength, 0),
    loadedImages: 0,
    totalImages: wanted,
  };
  const images = new Uint8Array(wanted * PIXELS);
  const labels = new Uint8Array(wanted);
  for (const shard of shards) {
    const part = await readShard(read, shard);
    const take = Math.min(part.count, wanted - progress.loadedImages);
    labels.set(part.labels.subarray(0, take), progress.loadedImages);
    images.set(part.images.subarray(0, take * PIXELS), progress.loadedImages * PIXELS);
    progress.loadedImages += take;
    progress.loadedBytes += shard.byteLength;
    options.onProgress?.({ ...progress });
  }
  return { count: wanted, images, labels };
}
