import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readExtensionFiles } from '../../lib/data/extension-files';
import { loadSplit, readManifest, type LoadProgress } from '../../lib/data/shards';

const readShards = readExtensionFiles('data/fashion-mnist', (path) => browser.runtime.getURL(`/${path}` as '/'));

export function App() {
  const [progress, setProgress] = useState<LoadProgress>();
  const [counts, setCounts] = useState<{ train: number; test: number }>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    (async () => {
      const manifest = await readManifest(readShards);
      const train = await loadSplit(readShards, 'train', { manifest, onProgress: setProgress });
      const test = await loadSplit(readShards, 'test', { manifest, onProgress: setProgress });
      setCounts({ train: train.count, test: test.count });
    })().catch((e: Error) => setError(e.message));
  }, []);

  return (
    <main>
      <h1>Garment Scout: fine-tune the classifier</h1>
      {error && <p role="alert">{error}</p>}
      {counts ? (
        <p data-testid="dataset-counts">
          Fashion-MNIST loaded: {counts.train} training images, {counts.test} test images.
        </p>
      ) : (
        <p>Loading Fashion-MNIST… {progress && `${progress.loadedImages} / ${progress.totalImages}`}</p>
      )}
    </main>
  );
}
