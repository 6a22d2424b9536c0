import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BundledCurves } from '../../components/BundledCurves';
import { ConfusionMatrix, EvaluationTable } from '../../components/EvaluationTable';
import { FinishedPanel } from '../../components/FinishedPanel';
import { SettingsForm } from '../../components/SettingsForm';
import { TrainingCharts } from '../../components/TrainingCharts';
import { TrainingProgress } from '../../components/TrainingProgress';
import { PIXELS } from '../../lib/classes';
import type { Dataset } from '../../lib/data/shards';
import { estimateSeconds, formatEstimate } from '../../lib/finetune/estimate';
import { checkSettings, DEFAULT_SETTINGS } from '../../lib/finetune/settings';
import { sendMessage, type ModelStatus } from '../../lib/messages';
import { clearCorrections, listCorrections } from '../../lib/storage/history';
import { modelChoice, useBundledModel, useNewModel, usePreviousModel } from '../../lib/storage/models';
import { modelFilesInUse } from './model-files';
import { useDataset } from './use-dataset';
import { useSpeed } from './use-speed';
import { useTraining } from './use-training';

async function correctionsDataset(): Promise<Dataset> {
  const entries = await listCorrections();
  const images = new Uint8Array(entries.length * PIXELS);
  entries.forEach((e, i) => images.set(e.seen, i * PIXELS));
  return { count: entries.length, images, labels: Uint8Array.from(entries, (e) => e.correctedIndex!) };
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const count = new Intl.NumberFormat();
const wasmPaths = () => browser.runtime.getURL('/wasm/' as '/');

export function App() {
  const dataset = useDataset();
  const training = useTraining();
  const [settings, setSettings] = useState(DEFAULT_SETTINGS);
  const [model, setModel] = useState<ModelStatus>();
  const [choice, setChoice] = useState<Awaited<ReturnType<typeof modelChoice>>>();
  const [corrections, setCorrections] = useState<number>();
  const [modelFiles, setModelFiles] = useState<Record<string, Uint8Array>>();
  const [error, setError] = useState<string>();

  const refresh = async (reload = false) => {
    try {
      const status = await sendMessage(reload ? 'background:reload-model' : 'background:model-status');
      setModel(status);
      setChoice(await modelChoice());
      setCorrections((await listCorrections()).length);
      setModelFiles(await modelFilesInUse(status));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => void refresh(), []);

  const timing = useSpeed(
    useMemo(() => (dataset.data && modelFiles ? { wasmPaths: wasmPaths(), modelFiles, batchSize: DEFAULT_SETTINGS.batchSize, ...dataset.data } : undefined), [dataset.data, modelFiles]),
  );

  const change = (action: () => Promise<void>) => async () => {
    await action();
    training.reset();
    await refresh(true);
  };

  const start = async () => {
    if (!dataset.data || !modelFiles) return;
    timing.stop();
    setError(undefined);
    training.start({ type: 'train', settings, wasmPaths: wasmPaths(), modelFiles, corrections: await correctionsDataset(), ...dataset.data });
  };

  const { state } = training;
  const valid = Object.keys(checkSettings(settings)).length === 0;
  const running = state.status === 'running';
  const testCount = dataset.data?.test.count ?? 10_000;
  const estimate =
    dataset.data && timing.speed && valid
      ? formatEstimate(estimateSeconds(settings, { trainCount: dataset.data.train.count, testCount, corrections: corrections ?? 0 }, timing.speed))
      : undefined;

  return (
    <main>
      <header>
        <h1>Fine-tune Garment Scout</h1>
        <p class="muted">Training runs on this computer, on the bundled Fashion-MNIST images and your corrections. Nothing is uploaded.</p>
      </header>
      {error && <p role="alert" class="error">{error}</p>}

      <section class="card" aria-labelledby="model-heading">
        <h2 id="model-heading">Model in use</h2>
        <p data-testid="model-in-use">
          Model in use: <b>{model?.version ?? '…'}</b>
        </p>
        {model?.refused && (
          <p role="alert" class="error" data-testid="model-refused">
            {model.refused}
          </p>
        )}
        <p class="actions">
          {/* Nothing to go back to: on a fresh install the bundled model is in use and was never switched. */}
          <button type="button" disabled={running || !choice || choice.active === null} onClick={change(useBundledModel)}>
            Reset to the bundled model
          </button>
          <button type="button" disabled={running || choice?.previous === undefined} onClick={change(usePreviousModel)}>
            Go back to the previous version{choice?.previous !== undefined && ` (${choice.previous ?? 'bundled'})`}
          </button>
        </p>
      </section>

      <section class="card" aria-labelledby="data-heading">
        <h2 id="data-heading">Training data</h2>
        {dataset.error && <p role="alert" class="error">{dataset.error}</p>}
        {dataset.data ? (
          <p data-testid="dataset-counts">
            Fashion-MNIST loaded: {count.format(dataset.data.train.count)} training images, {count.format(dataset.data.test.count)} test images.
          </p>
        ) : (
          <p>
            <progress max={dataset.progress?.totalBytes ?? 1} value={dataset.progress?.loadedBytes ?? 0} aria-label="Loading Fashion-MNIST" /> Loading
            Fashion-MNIST…{' '}
            {dataset.progress &&
              `${dataset.progress.loadedImages} / ${dataset.progress.totalImages} images, ${mb(dataset.progress.loadedBytes)} / ${mb(dataset.progress.totalBytes)} MB`}
          </p>
        )}
        <p data-testid="corrections" class="actions">
          <span>Your corrections: {corrections ?? '…'}</span>
          <button type="button" disabled={!corrections || running} onClick={change(clearCorrections)}>
            Clear them
          </button>
        </p>
      </section>

      <section class="card" aria-labelledby="train-heading">
        <h2 id="train-heading">Train</h2>
        <SettingsForm settings={settings} onChange={setSettings} disabled={running} />
        <p class="actions">
          <button type="button" class="primary" data-testid="start" disabled={!dataset.data || !modelFiles || !valid || running} onClick={() => void start()}>
            Start training
          </button>
          <button type="button" data-testid="cancel" disabled={!running} onClick={training.cancel}>
            Cancel
          </button>
          <span class="muted" data-testid="estimate">
            {estimate ? `Takes ${estimate} on this computer.` : dataset.data && valid ? 'Timing this computer…' : ''}
          </span>
        </p>
        {state.status === 'failed' && (
          <p role="alert" class="error">
            Training failed: {state.error}
          </p>
        )}
        <TrainingProgress state={state} epochs={settings.epochs} testCount={testCount} />
        {state.status === 'finished' && state.result && (
          <FinishedPanel
            version={state.result.version}
            before={state.result.before}
            after={state.result.after}
            onKeep={change(() => useNewModel({ version: state.result!.version, savedAt: Date.now(), files: state.result!.files }))}
            onDiscard={training.reset}
          />
        )}
        <TrainingCharts curve={state.curve} />
        {(state.before || state.after) && (
          <div aria-label="Before and after" role="group">
            <EvaluationTable before={state.before} after={state.after} />
            <div class="charts">
              <ConfusionMatrix title="Model in use: confusion matrix" evaluation={state.before} />
              <ConfusionMatrix title="New model: confusion matrix" evaluation={state.after} />
            </div>
          </div>
        )}
      </section>

      <section class="card" aria-labelledby="bundled-heading">
        <h2 id="bundled-heading">How the bundled model was trained</h2>
        <BundledCurves metadataUrl={browser.runtime.getURL('/model/metadata.json')} />
      </section>
    </main>
  );
}
