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
import { formatCount, formatDecimal, localizeMessage, t, tParts } from '../../lib/i18n';
import { sendMessage, type ModelStatus } from '../../lib/messages';
import { clearCorrections, listCorrections } from '../../lib/storage/history';
import { keepNewModel, modelChoice, switchToBundledModel, switchToPreviousModel, type ModelChoice } from '../../lib/storage/models';
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

const mb = (bytes: number) => formatDecimal(bytes / 1e6, 1);
const wasmPaths = () => browser.runtime.getURL('/wasm/' as '/');

export function App() {
  const dataset = useDataset();
  const training = useTraining();
  const [settings, setSettings] = useState(DEFAULT_SETTINGS);
  const [model, setModel] = useState<ModelStatus>();
  const [choice, setChoice] = useState<ModelChoice>();
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
        <h1>{t('optionsHeading')}</h1>
        <p class="muted">{t('optionsIntro')}</p>
      </header>
      {error && (
        <p role="alert" class="error">
          {localizeMessage(error)}
        </p>
      )}

      <section class="card" aria-labelledby="model-heading">
        <h2 id="model-heading">{t('modelInUse')}</h2>
        <p data-testid="model-in-use">{tParts('optionsModelInUse', { version: <b>{model?.version ?? '…'}</b> })}</p>
        {model?.refused && (
          <p role="alert" class="error" data-testid="model-refused">
            {localizeMessage(model.refused)}
          </p>
        )}
        <p class="actions">
          {/* Nothing to go back to: on a fresh install the bundled model is in use and was never switched. */}
          <button type="button" disabled={running || !choice || choice.active === null} onClick={change(switchToBundledModel)}>
            {t('optionsReset')}
          </button>
          <button type="button" disabled={running || choice?.previous === undefined} onClick={change(switchToPreviousModel)}>
            {choice?.previous === undefined ? t('optionsGoBack') : t('optionsGoBackTo', { version: choice.previous ?? t('optionsBundled') })}
          </button>
        </p>
      </section>

      <section class="card" aria-labelledby="data-heading">
        <h2 id="data-heading">{t('optionsDataHeading')}</h2>
        {dataset.error && (
          <p role="alert" class="error">
            {localizeMessage(dataset.error)}
          </p>
        )}
        {dataset.data ? (
          <p data-testid="dataset-counts">
            {t('optionsDatasetLoaded', { train: formatCount(dataset.data.train.count), test: formatCount(dataset.data.test.count) })}
          </p>
        ) : (
          <p>
            <progress max={dataset.progress?.totalBytes ?? 1} value={dataset.progress?.loadedBytes ?? 0} aria-label={t('optionsDatasetLoadingLabel')} />{' '}
            {t('optionsDatasetLoading')}{' '}
            {dataset.progress &&
              t('optionsDatasetProgress', {
                images: formatCount(dataset.progress.loadedImages),
                totalImages: formatCount(dataset.progress.totalImages),
                megabytes: mb(dataset.progress.loadedBytes),
                totalMegabytes: mb(dataset.progress.totalBytes),
              })}
          </p>
        )}
        <p data-testid="corrections" class="actions">
          <span>{t('optionsCorrections', { count: corrections === undefined ? '…' : formatCount(corrections) })}</span>
          <button type="button" disabled={!corrections || running} onClick={change(clearCorrections)}>
            {t('optionsClearCorrections')}
          </button>
        </p>
      </section>

      <section class="card" aria-labelledby="train-heading">
        <h2 id="train-heading">{t('optionsTrainHeading')}</h2>
        <SettingsForm settings={settings} onChange={setSettings} disabled={running} />
        <p class="actions">
          <button type="button" class="primary" data-testid="start" disabled={!dataset.data || !modelFiles || !valid || running} onClick={() => void start()}>
            {t('optionsStart')}
          </button>
          <button type="button" data-testid="cancel" disabled={!running} onClick={training.cancel}>
            {t('optionsCancel')}
          </button>
          <span class="muted" data-testid="estimate">
            {estimate ? t('optionsEstimate', { estimate }) : dataset.data && valid ? t('optionsTiming') : ''}
          </span>
        </p>
        {state.status === 'failed' && (
          <p role="alert" class="error">
            {t('optionsTrainingFailed', { reason: localizeMessage(state.error ?? '') })}
          </p>
        )}
        <TrainingProgress state={state} epochs={settings.epochs} testCount={testCount} />
        {state.status === 'finished' && state.result && (
          <FinishedPanel
            version={state.result.version}
            before={state.result.before}
            after={state.result.after}
            onKeep={change(() => keepNewModel({ version: state.result!.version, savedAt: Date.now(), files: state.result!.files }))}
            onDiscard={training.reset}
          />
        )}
        <TrainingCharts curve={state.curve} />
        {(state.before || state.after) && (
          <div aria-label={t('optionsBeforeAfter')} role="group">
            <EvaluationTable before={state.before} after={state.after} />
            <div class="charts">
              <ConfusionMatrix title={t('confusionInUse')} evaluation={state.before} />
              <ConfusionMatrix title={t('confusionNew')} evaluation={state.after} />
            </div>
          </div>
        )}
      </section>

      <section class="card" aria-labelledby="bundled-heading">
        <h2 id="bundled-heading">{t('optionsBundledHeading')}</h2>
        <BundledCurves metadataUrl={browser.runtime.getURL('/model/metadata.json')} />
      </section>
    </main>
  );
}
