import type { BatchProgress } from '../lib/model/fit';

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '…';
  const m = Math.floor(seconds / 60);
  return m > 0 ? `${m} min ${Math.round(seconds % 60)} s` : `${Math.round(seconds)} s`;
}

/** Epoch, batch, speed and time left, with a bar of the whole run. */
export function TrainingProgress({ progress, epochs, elapsedSeconds }: { progress: BatchProgress; epochs: number; elapsedSeconds: number }) {
  const left = progress.progress > 0 ? (elapsedSeconds * (1 - progress.progress)) / progress.progress : Infinity;
  return (
    <div data-testid="training-progress">
      <progress max={1} value={progress.progress} aria-label="Training progress" />
      <p>
        Epoch {progress.epoch + 1}/{epochs} · batch {progress.batch}/{progress.batches} ·{' '}
        {Math.round(progress.imagesPerSecond)} images/s · about {duration(left)} left · loss {progress.loss.toFixed(3)} · accuracy{' '}
        {(progress.accuracy * 100).toFixed(1)}%
      </p>
    </div>
  );
}
