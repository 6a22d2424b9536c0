import type { LoadProgress } from '../../lib/data/shards';
import { formatCount, formatDecimal, localizeMessage, t } from '../../lib/i18n';
import type { DatasetState } from './use-dataset';

const megabytes = (bytes: number) => formatDecimal(bytes / 1e6, 1);

/** The bar and the count of the bundled shards while they load. */
function DatasetLoading({ progress }: { progress?: LoadProgress }) {
  return (
    <p>
      <progress max={progress?.totalBytes ?? 1} value={progress?.loadedBytes ?? 0} aria-label={t('optionsDatasetLoadingLabel')} />{' '}
      {t('optionsDatasetLoading')}{' '}
      {progress &&
        t('optionsDatasetProgress', {
          images: formatCount(progress.loadedImages),
          totalImages: formatCount(progress.totalImages),
          megabytes: megabytes(progress.loadedBytes),
          totalMegabytes: megabytes(progress.totalBytes),
        })}
    </p>
  );
}

interface Props {
  dataset: DatasetState;
  corrections?: number;
  /** While a run is under way, its corrections stay. */
  locked: boolean;
  onClearCorrections(): void;
}

/** What fine-tuning trains on: the bundled Fashion-MNIST, and the user's corrections, which can be cleared. */
export function DatasetSection({ dataset, corrections, locked, onClearCorrections }: Props) {
  return (
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
        <DatasetLoading progress={dataset.progress} />
      )}
      <p data-testid="corrections" class="actions">
        <span>{t('optionsCorrections', { count: corrections === undefined ? '…' : formatCount(corrections) })}</span>
        <button type="button" disabled={!corrections || locked} onClick={onClearCorrections}>
          {t('optionsClearCorrections')}
        </button>
      </p>
    </section>
  );
}
