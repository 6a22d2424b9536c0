import { browser } from 'wxt/browser';
import { BundledCurves } from '../../components/BundledCurves';
import { localizeMessage, t } from '../../lib/i18n';
import { clearCorrections } from '../../lib/storage/history';
import { keepNewModel, switchToBundledModel, switchToPreviousModel } from '../../lib/storage/models';
import { DatasetSection } from './DatasetSection';
import { ModelInUseSection } from './ModelInUseSection';
import { TrainingSection } from './TrainingSection';
import { useDataset } from './use-dataset';
import { useModelAndCorrections } from './use-model-and-corrections';
import { useTraining } from './use-training';

/** The options page: the model in use, the data, fine-tuning, and how the bundled model was trained. */
export function App() {
  const dataset = useDataset();
  const training = useTraining();
  const saved = useModelAndCorrections();
  const running = training.state.status === 'running';

  /** Runs a change to the model in use or the corrections; the run shown is then over, and all is read again. */
  const change = (action: () => Promise<void>) => async () => {
    await action();
    training.reset();
    await saved.refresh(true);
  };
  const keepNewlyTrained = change(async () => {
    const { result } = training.state;
    if (result) await keepNewModel({ version: result.version, savedAt: Date.now(), files: result.files });
  });

  return (
    <main>
      <header>
        <h1>{t('optionsHeading')}</h1>
        <p class="muted">{t('optionsIntro')}</p>
      </header>
      {saved.error && (
        <p role="alert" class="error">
          {localizeMessage(saved.error)}
        </p>
      )}
      <ModelInUseSection
        status={saved.status}
        choice={saved.choice}
        locked={running}
        onReset={change(switchToBundledModel)}
        onGoBack={change(switchToPreviousModel)}
      />
      <DatasetSection dataset={dataset} corrections={saved.corrections} locked={running} onClearCorrections={change(clearCorrections)} />
      <TrainingSection
        data={dataset.data}
        modelFiles={saved.files}
        corrections={saved.corrections}
        training={training}
        onStart={saved.dismissError}
        onKeep={keepNewlyTrained}
      />
      <section class="card" aria-labelledby="bundled-heading">
        <h2 id="bundled-heading">{t('optionsBundledHeading')}</h2>
        <BundledCurves metadataUrl={browser.runtime.getURL('/model/metadata.json')} />
      </section>
    </main>
  );
}
