/** The batch the training benches time: the first Fashion-MNIST training images, as model input, unaugmented. */
import { PIXELS } from '../../lib/classes';
import { loadSplit } from '../../lib/data/shards';
import { makeBatch } from '../../lib/model/augment/batch';
import { createRng } from '../../lib/model/rng';
import { readFromDir, SHARD_DIR } from '../../lib/node/fashion-mnist';

export async function loadBenchBatch(size: number): Promise<{ pixels: Float32Array; labels: Uint8Array }> {
  const data = await loadSplit(readFromDir(SHARD_DIR), 'train', { limit: size });
  const pixels = new Float32Array(size * PIXELS);
  makeBatch(data.images, Array.from({ length: size }, (_, i) => i), pixels, createRng(1), null);
  return { pixels, labels: data.labels.slice(0, size) };
}
