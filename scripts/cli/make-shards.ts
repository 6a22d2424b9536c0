/**
 * `npm run data`: turns the original Fashion-MNIST IDX files into the gzip shards the extension
 * ships under public/, with a manifest of their lengths and hashes. Every IDX file is read before the
 * old shards are removed, so a missing or damaged one leaves them as they were.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CLASS_NAMES, IMAGE_SIZE, PIXELS } from '../../lib/classes';
import { sha256Hex } from '../../lib/data/bytes';
import type { IdxArray } from '../../lib/data/idx';
import { MANIFEST_FILE, type ShardEntry, type ShardManifest, type Split } from '../../lib/data/shards';
import { IDX_DIR, IDX_FILES, SHARD_DIR, readIdx } from '../../lib/node/fashion-mnist';
import { refuseArguments, runCli, UserError } from '../support/run-cli';

const IMAGES_PER_SHARD = 10_000; // about 4.4 MB gzipped: small enough to fetch and verify one at a time

async function readIdxFile(file: string): Promise<IdxArray> {
  const path = join(IDX_DIR, file);
  try {
    return await readIdx(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError(`${path} is missing: install the Debian package dataset-fashion-mnist, or set FASHION_MNIST_DIR to the folder that holds it`);
    }
    throw new UserError(`${path} cannot be read: ${(err as Error).message}`);
  }
}

/** One split's images and labels, checked against each other. */
async function readSplit(split: Split): Promise<{ images: IdxArray; labels: IdxArray; count: number }> {
  const images = await readIdxFile(IDX_FILES[split].images);
  const labels = await readIdxFile(IDX_FILES[split].labels);
  const count = labels.shape[0];
  if (images.shape.join() !== [count, IMAGE_SIZE, IMAGE_SIZE].join()) {
    throw new UserError(`${IDX_FILES[split].images} has shape ${images.shape}, expected ${count}x28x28`);
  }
  return { images, labels, count };
}

async function writeShards(split: Split, { images, labels, count }: Awaited<ReturnType<typeof readSplit>>): Promise<ShardEntry[]> {
  const shards: ShardEntry[] = [];
  for (let start = 0, index = 0; start < count; start += IMAGES_PER_SHARD, index++) {
    const end = Math.min(start + IMAGES_PER_SHARD, count);
    const raw = new Uint8Array((end - start) * (1 + PIXELS));
    raw.set(labels.data.subarray(start, end), 0);
    raw.set(images.data.subarray(start * PIXELS, end * PIXELS), end - start);
    const packed = gzipSync(raw, { level: 9 });
    const file = `${split}-${String(index).padStart(2, '0')}.bin.gz`;
    await writeFile(join(SHARD_DIR, file), packed);
    shards.push({ file, split, count: end - start, byteLength: packed.byteLength, sha256: await sha256Hex(packed) });
  }
  return shards;
}

async function main(): Promise<void> {
  refuseArguments();
  const train = await readSplit('train');
  const test = await readSplit('test');
  await rm(SHARD_DIR, { recursive: true, force: true });
  await mkdir(SHARD_DIR, { recursive: true });
  const manifest: ShardManifest = {
    format: 1,
    source: 'Fashion-MNIST by Zalando Research (MIT licence), from the IDX files of Debian package dataset-fashion-mnist',
    classNames: [...CLASS_NAMES],
    imageSize: IMAGE_SIZE,
    shards: [...(await writeShards('train', train)), ...(await writeShards('test', test))],
  };
  await writeFile(join(SHARD_DIR, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  const total = manifest.shards.reduce((n, s) => n + s.byteLength, 0);
  console.log(`${manifest.shards.length} shards, ${(total / 1e6).toFixed(1)} MB, in ${SHARD_DIR}`);
}

await runCli(main);
