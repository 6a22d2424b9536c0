import type { TrainingState } from '../lib/finetune/run-state';
import { formatDuration } from '../lib/finetune/estimate';
import { formatCount, formatDecimal, formatPercent, t } from '../lib/i18n';

/** The sentence for where a run is; a live region reads it out, so it changes only between phases. */
function phaseSentence({ status, phase }: TrainingState, testCount: number): string {
  if (status === 'idle') return '';
  if (status === 'finished') return t('progressFinished');
  if (status === 'cancelled') return t('progressCancelled');
  if (status === 'failed') return ''; // the alert with the reason says it
  switch (phase) {
    case 'training':
      return t('progressTraining');
    case 'evaluating-after':
      return t('progressEvaluatingNew', { count: formatCount(testCount) });
    default:
      return t('progressEvaluatingInUse', { count: formatCount(testCount) });
  }
}

/**
 * Where a run is: its phase in words, in a live region that is always on the page (so the first
 * sentence is read out too), a bar of the training that is full once training
 * is over, and while training, epoch, batch, speed and time left.
 */
export function TrainingProgress({ state, epochs, testCount }: { state: TrainingState; epochs: number; testCount: number }) {
  const { progress, status, phase } = state;
  const end = state.finishedAt ?? performance.now();
  const elapsed = (end - (state.startedAt ?? end)) / 1000;
  const training = status === 'running' && phase === 'training' && progress;
  const left = training && progress.progress > 0 ? (elapsed * (1 - progress.progress)) / progress.progress : Infinity;
  // Indeterminate (no value) until the first batch; full once training is over.
  const value = status === 'finished' || phase === 'evaluating-after' ? 1 : progress?.progress;
  const shown = status === 'running' || status === 'finished';
  return (
    <div class="progress" data-testid={shown ? 'training-progress' : undefined}>
      <p role="status" class="phase" data-testid="phase">
        {phaseSentence(state, testCount)}
      </p>
      {shown && <progress max={1} value={value} aria-label={t('progressLabel')} data-testid="progress-bar" />}
      {training && (
        <p class="muted">
          {t('progressDetails', {
            epoch: progress.epoch + 1,
            epochs,
            batch: formatCount(progress.batch),
            batches: formatCount(progress.batches),
            speed: formatCount(Math.round(progress.imagesPerSecond)),
            left: formatDuration(left),
            loss: formatDecimal(progress.loss, 3),
            accuracy: formatPercent(progress.accuracy, 1),
          })}
        </p>
      )}
      {status === 'finished' && <p class="muted">{t('progressTook', { duration: formatDuration(elapsed) })}</p>}
    </div>
  );
}
