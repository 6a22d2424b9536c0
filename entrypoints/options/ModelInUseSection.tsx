import { localizeMessage, t, tParts } from '../../lib/i18n';
import type { ModelStatus } from '../../lib/messages';
import type { ModelChoice } from '../../lib/storage/models';

interface Props {
  status?: ModelStatus;
  choice?: ModelChoice;
  /** While a run is under way, the model in use stays as it is. */
  locked: boolean;
  onReset(): void;
  onGoBack(): void;
}

/** The model the classifier uses, why a kept one was refused, and the ways back. */
export function ModelInUseSection({ status, choice, locked, onReset, onGoBack }: Props) {
  return (
    <section class="card" aria-labelledby="model-heading">
      <h2 id="model-heading">{t('modelInUse')}</h2>
      <p data-testid="model-in-use">{tParts('optionsModelInUse', { version: <b>{status?.version ?? '…'}</b> })}</p>
      {status?.refused && (
        <p role="alert" class="error" data-testid="model-refused">
          {localizeMessage(status.refused)}
        </p>
      )}
      <p class="actions">
        {/* Nothing to go back to: on a fresh install the bundled model is in use and was never switched. */}
        <button type="button" disabled={locked || !choice || choice.active === null} onClick={onReset}>
          {t('optionsReset')}
        </button>
        <button type="button" disabled={locked || choice?.previous === undefined} onClick={onGoBack}>
          {choice?.previous === undefined ? t('optionsGoBack') : t('optionsGoBackTo', { version: choice.previous ?? t('optionsBundled') })}
        </button>
      </p>
    </section>
  );
}
