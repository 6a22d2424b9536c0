import type { TrainingState } from '../entrypoints/options/use-training';

export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '…';
  const m = Math.floor(seconds / 60);
  return m > 0 ? `${m} min ${Math.round(seconds % 60)} s` : `${Math.round(seconds)} s`;
}

const number = new Intl.NumberFormat();
const percent = new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The sentence for where a run is; a live region reads it out, so it changes only between phases. */
function phaseSentence({ status, phase }: TrainingState, testCount: number): string {
  if (status === 'idle') return '';
  if (status === 'finished') return 'Training finished.';
  if (status === 'cancelled') return 'Training cancelled; the model in use is unchanged.';
  if (status === 'failed') return ''; // the alert with the reason says it
  switch (phase) {
    case 'training':
      return 'Training…';
    case 'evaluating-after':
      return `Evaluating the new model on ${number.format(testCount)} test images…`;
    default:
      return `Evaluating the model in use on ${number.format(testCount)} test images…`;
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
      {shown && (
        <progress max={1} value={value} aria-label="Training progress" data-testid="progress-bar" />
      )}
      {training && (
        <p class="muted">
          Epoch {progress.epoch + 1}/{epochs} · batch {progress.batch}/{progress.batches} · {Math.round(progress.imagesPerSecond)} images/s · about{' '}
          {duration(left)} left · loss {progress.loss.toFixed(3)} · accuracy {percent.format(progress.accuracy)}
        </p>
      )}
      {status === 'finished' && <p class="muted">Took {duration(elapsed)}.</p>}
    </div>
  );
}
