import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SettingsForm } from '../../components/SettingsForm';
import type { Dataset } from '../../lib/data/shards';
import { estimateSeconds, formatEstimate, type Speed } from '../../lib/finetune/estimate';
import { checkSettings, DEFAULT_SETTINGS, type FineTuneSettings } from '../../lib/finetune/settings';
import { t } from '../../lib/i18n';
import { correctionsDataset } from './corrections-dataset';
import { RunReport } from './RunReport';
import { useSpeed } from './use-speed';
import type { Training } from './use-training';

/** The Fashion-MNIST test split's size, said before the shards have loaded. */
const TEST_COUNT = 10_000;
const wasmPaths = () => browser.runtime.getURL('/wasm/' as '/');

/** How long a run with these (valid) settings will take on this computer, once its speed is known. */
function estimateFor(settings: FineTuneSettings, data: { train: Dataset; test: Dataset } | undefined, corrections: number, speed: Speed | undefined) {
  if (!data || !speed) return undefined;
  const estimate = formatEstimate(estimateSeconds(settings, { trainCount: data.train.count, testCount: data.test.count, corrections }, speed));
  return speed.workers > 1 ? t('optionsEstimateWorkers', { estimate, workers: speed.workers }) : t('optionsEstimate', { estimate });
}

interface Props {
  data?: { train: Dataset; test: Dataset };
  modelFiles?: Record<string, Uint8Array>;
  corrections?: number;
  training: Training;
  /** A run starts: an earlier error on the page no longer applies. */
  onStart(): void;
  onKeep(): void;
}

/** Fine-tuning: its settings, how long it will take, start and cancel, and the run's report. */
export function TrainingSection({ data, modelFiles, corrections, training, onStart, onKeep }: Props) {
  const [settings, setSettings] = useState(DEFAULT_SETTINGS);
  // Timed once, with the default batch size, as soon as the data and the model are there.
  const timing = useSpeed(
    useMemo(() => (data && modelFiles ? { wasmPaths: wasmPaths(), modelFiles, batchSize: DEFAULT_SETTINGS.batchSize, ...data } : undefined), [data, modelFiles]),
  );
  const { state } = training;
  const valid = Object.keys(checkSettings(settings)).length === 0;
  const running = state.status === 'running';
  const estimate = valid ? estimateFor(settings, data, corrections ?? 0, timing.speed) : undefined;

  const start = async () => {
    if (!data || !modelFiles) return;
    timing.stop();
    onStart();
    training.start({ type: 'train', settings, wasmPaths: wasmPaths(), modelFiles, corrections: await correctionsDataset(), ...data });
  };

  return (
    <section class="card" aria-labelledby="train-heading">
      <h2 id="train-heading">{t('optionsTrainHeading')}</h2>
      <SettingsForm settings={settings} onChange={setSettings} disabled={running} />
      <p class="actions">
        <button type="button" class="primary" data-testid="start" disabled={!data || !modelFiles || !valid || running} onClick={() => void start()}>
          {t('optionsStart')}
        </button>
        <button type="button" data-testid="cancel" disabled={!running} onClick={training.cancel}>
          {t('optionsCancel')}
        </button>
        <span class="muted" data-testid="estimate">
          {estimate ? estimate : data && valid ? t('optionsTiming') : ''}
        </span>
      </p>
      <RunReport state={state} epochs={settings.epochs} testCount={data?.test.count ?? TEST_COUNT} onKeep={onKeep} onDiscard={training.reset} />
    </section>
  );
}
