import { PIXELS } from '../../lib/classes';
import type { Dataset } from '../../lib/data/shards';
import { listCorrections } from '../../lib/storage/history';

/** The answers the user corrected, as a dataset: what the model saw, labelled as the user said. */
export async function correctionsDataset(): Promise<Dataset> {
  const entries = await listCorrections();
  const images = new Uint8Array(entries.length * PIXELS);
  entries.forEach((e, i) => images.set(e.seen, i * PIXELS));
  return { count: entries.length, images, labels: Uint8Array.from(entries, (e) => e.correctedIndex!) };
}
