import { ConfusionMatrix, EvaluationTable } from '../../components/EvaluationTable';
import { FinishedPanel } from '../../components/FinishedPanel';
import { TrainingCharts } from '../../components/TrainingCharts';
import { TrainingProgress } from '../../components/TrainingProgress';
import type { TrainingState } from '../../lib/finetune/run-state';
import { localizeMessage, t } from '../../lib/i18n';

interface Props {
  state: TrainingState;
  epochs: number;
  testCount: number;
  onKeep(): void;
  onDiscard(): void;
}

/**
 * A run as it goes and as it ended: why it failed, its progress, the choice to keep the new model, the
 * live curves, and both models on the test images.
 */
export function RunReport({ state, epochs, testCount, onKeep, onDiscard }: Props) {
  return (
    <>
      {state.status === 'failed' && (
        <p role="alert" class="error">
          {t('optionsTrainingFailed', { reason: localizeMessage(state.error ?? '') })}
        </p>
      )}
      <TrainingProgress state={state} epochs={epochs} testCount={testCount} />
      {state.status === 'finished' && state.result && (
        <FinishedPanel version={state.result.version} before={state.result.before} after={state.result.after} onKeep={onKeep} onDiscard={onDiscard} />
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
    </>
  );
}
