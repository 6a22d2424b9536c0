import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readExtensionFiles } from '../../lib/data/extension-files';
import { loadSplit, readManifest, type Dataset, type LoadProgress } from '../../lib/data/shards';

const readShards = readExtensionFiles('data/fashion-mnist', (path) => browser.runtime.getURL(`/${path}` as '/'));

export interface DatasetState {
  progress?: LoadProgress;
  data?: { train: Dataset; test: Dataset };
  error?: string;
}

/** The bundled shards, loaded once per visit of the page, with progress in images and bytes. */
export function useDataset(): DatasetState {
  const [state, setState] = useState<DatasetState>({});
  useEffect(() => {
    (async () => {
      const manifest = await readManifest(readShards);
      const total = { bytes: manifest.shards.reduce((n, s) => n + s.byteLength, 0), images: manifest.shards.reduce((n, s) => n + s.count, 0) };
      const overall = (done: { bytes: number; images: number }) => (p: LoadProgress) =>
        setState({ progress: { loadedBytes: done.bytes + p.loadedBytes, totalBytes: total.bytes, loadedImages: done.images + p.loadedImages, totalImages: total.images } });
      const train = await loadSplit(readShards, 'train', { manifest, onProgress: overall({ bytes: 0, images: 0 }) });
      const trainBytes = manifest.shards.filter((s) => s.split === 'train').reduce((n, s) => n + s.byteLength, 0);
      const test = await loadSplit(readShards, 'test', { manifest, onProgress: overall({ bytes: trainBytes, images: train.count }) });
      setState((s) => ({ ...s, data: { train, test } }));
    })().catch((e: Error) => setState({ error: e.message }));
  }, []);
  return state;
}
