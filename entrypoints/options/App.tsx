import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ConfusionMatrix, EvaluationTable } from '../../components/EvaluationTable';
import { LiveChart } from '../../components/LiveChart';
import { SettingsForm } from '../../components/SettingsForm';
import { TrainingProgress } from '../../components/TrainingProgress';
import { PIXELS } from '../../lib/classes';
import type { Dataset } from '../../lib/data/shards';
import { checkSettings, DEFAULT_SETTINGS } from '../../lib/finetune/settings';
import { sendMessage, type ModelStatus } from '../../lib/messages';
import { clearCorrections, listCorrections } from '../../lib/storage/history';
import { modelChoice, useBundledModel, useNewModel, usePreviousModel } from '../../lib/storage/models';
import { modelFilesInUse } from './model-files';
import { useDataset } from './use-dataset';
import { useTraining } from './use-training';

async function correctionsDataset(): Promise<Dataset> {
  const entries = await listCorrections();
  const images = new Uint8Array(entries.length * PIXELS);
  entries.forEach((e, i) => images.set(e.seen, i * PIXELS));
  return { count: entries.length, images, labels: Uint8Array.from(entries, (e) => e.correctedIndex!) };
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

export function App() {
  const dataset = useDataset();
  const training = useTraining();
  const [settings, setSettings] = useState(DEFAULT_SETTINGS);
  const [model, setModel] = useState<ModelStatus>();
  const [previous, setPrevious] = useState<string | null>(null);
  const [corrections, setCorrections] = useState<number>();
  const [error, setError] = useState<string>();

  const refresh = async (reload = false) => {
    try {
      setModel(await sendMessage(reload ? 'background:reload-model' : 'background:model-status'));
      setPrevious((await modelChoice()).previous);
      setCorrections((await listCorrections()).length);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => void refresh(), []);

  const change = (action: () => Promise<void>) => async () => {
    await action();
    training.reset();
    await refresh(true);
  };

  const start = async () => {
    if (!dataset.data || !model) return;
    setError(undefined);
    training.start({
      settings,
      wasmPaths: browser.runtime.getURL('/wasm/' as '/'),
      modelFiles: await modelFilesInUse(model),
      corrections: await correctionsDataset(),
      ...dataset.data,
    });
  };

  const { state } = training;
  const curve = state.curve;
  const x = useMemo(() => curve.map((p) => p.at), [curve]);
  const lossSeries = useMemo(() => [
    { label: 'training loss', color: '#3558d8', values: curve.map((p) => p.loss) },
    { label: 'validation loss', color: '#d8552f', values: curve.map((p) => p.valLoss) },
  ], [curve]);
  const accuracySeries = useMemo(() => [
    { label: 'training accuracy', color: '#3558d8', values: curve.map((p) => p.accuracy) },
    { label: 'validation accuracy', color: '#d8552f', values: curve.map((p) => p.valAccuracy) },
  ], [curve]);
  const valid = Object.keys(checkSettings(settings)).length === 0;
  const running = state.status === 'running';

  return (
    <main>
      <h1>Garment Scout: fine-tune the classifier</h1>
      <p class="muted">Training runs on this computer, on the bundled Fashion-MNIST images and your corrections. Nothing is uploaded.</p>
      {error && <p role="alert" class="error">{error}</p>}

      <section aria-label="Model in use">
        <p data-testid="model-in-use">Model in use: <b>{model?.version ?? '…'}</b></p>
        {model?.refused && <p role="alert" class="error" data-testid="model-refused">{model.refused}</p>}
        <button type="button" disabled={running} onClick={change(useBundledModel)}>Reset to the bundled model</button>{' '}
        <button type="button" disabled={running || previous === undefined} onClick={change(usePreviousModel)}>
          Go back to the previous version ({previous ?? 'bundled'})
        </button>
      </section>

      <section aria-label="Data">
        {dataset.error && <p role="alert" class="error">{dataset.error}</p>}
        {dataset.data ? (
          <p data-testid="dataset-counts">
            Fashion-MNIST loaded: {dataset.data.train.count} training images, {dataset.data.test.count} test images.
          </p>
        ) : (
          <p>
            <progress max={dataset.progress?.totalBytes ?? 1} value={dataset.progress?.loadedBytes ?? 0} aria-label="Loading Fashion-MNIST" />{' '}
            Loading Fashion-MNIST… {dataset.progress && `${dataset.progress.loadedImages} / ${dataset.progress.totalImages} images, ${mb(dataset.progress.loadedBytes)} / ${mb(dataset.progress.totalBytes)} MB`}
          </p>
        )}
        <p data-testid="corrections">
          Your corrections: {corrections ?? '…'}{' '}
          <button type="button" disabled={!corrections || running} onClick={change(clearCorrections)}>Clear them</button>
        </p>
      </section>

      <SettingsForm settings={settings} onChange={setSettings} disabled={running} />
      <p>
        <button type="button" data-testid="start" disabled={!dataset.data || !model || !valid || running} onClick={() => void start()}>
          Start training
        </button>{' '}
        <button type="button" data-testid="cancel" disabled={!running} onClick={training.cancel}>Cancel</button>
      </p>

      {state.status === 'cancelled' && <p data-testid="cancelled">Training cancelled; the model in use is unchanged.</p>}
      {state.status === 'failed' && <p role="alert" class="error">Training failed: {state.error}</p>}
      {state.progress && (
        <TrainingProgress progress={state.progress} epochs={settings.epochs} elapsedSeconds={(performance.now() - (state.startedAt ?? 0)) / 1000} />
      )}
      <div class="charts">
        <LiveChart title="Loss" testId="loss-chart" x={x} series={lossSeries} />
        <LiveChart title="Accuracy" testId="accuracy-chart" x={x} series={accuracySeries} />
      </div>

      {(state.before || state.after) && (
        <section aria-label="Before and after">
          <EvaluationTable before={state.before} after={state.after} />
          <div class="charts">
            <ConfusionMatrix title="Model in use: confusion matrix" evaluation={state.before} />
            <ConfusionMatrix title="New model: confusion matrix" evaluation={state.after} />
          </div>
        </section>
      )}
      {state.status === 'finished' && state.result && (
        <p>
          <button type="button" data-testid="keep" onClick={change(() => useNewModel({ version: state.result!.version, savedAt: Date.now(), files: state.result!.files }))}>
            Keep the new model ({state.result.version})
          </button>{' '}
          <button type="button" data-testid="discard" onClick={training.reset}>Discard it</button>
        </p>
      )}
    </main>
  );
}
