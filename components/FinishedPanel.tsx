import { useEffect, useRef } from 'preact/hooks';
import type { Evaluation } from '../lib/model/metrics';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const points = new Intl.NumberFormat(undefined, { signDisplay: 'exceptZero', maximumFractionDigits: 1 });

interface Props {
  version: string;
  before: Evaluation;
  after: Evaluation;
  onKeep(): void;
  onDiscard(): void;
}

/** The end of a run: how the new model compares, and the choice to keep it, brought into view. */
export function FinishedPanel({ version, before, after, onKeep, onDiscard }: Props) {
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }), []);
  return (
    <section ref={panel} class="finished" aria-labelledby="finished-heading" data-testid="finished">
      <h2 id="finished-heading">Training finished</h2>
      <p>
        Accuracy on the test images: {percent.format(before.accuracy)} with the model in use, <b>{percent.format(after.accuracy)}</b> with the new one (
        {points.format((after.accuracy - before.accuracy) * 100)} points).
      </p>
      <p class="actions">
        <button type="button" class="primary" data-testid="keep" onClick={onKeep}>
          Keep the new model ({version})
        </button>
        <button type="button" data-testid="discard" onClick={onDiscard}>
          Discard it
        </button>
      </p>
    </section>
  );
}
