import { useEffect, useRef } from 'preact/hooks';
import { formatPercent, t, tParts, uiLanguage } from '../lib/i18n';
import type { Evaluation } from '../lib/model/metrics';

/** Percentage points gained or lost, with their sign: "+0.4", "-1.2", "0". */
const points = (change: number) => new Intl.NumberFormat(uiLanguage(), { signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(change);

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
      <h2 id="finished-heading">{t('finishedHeading')}</h2>
      <p>
        {tParts('finishedAccuracy', {
          before: formatPercent(before.accuracy, 1),
          after: <b>{formatPercent(after.accuracy, 1)}</b>,
          change: points((after.accuracy - before.accuracy) * 100),
        })}
      </p>
      <p class="actions">
        <button type="button" class="primary" data-testid="keep" onClick={onKeep}>
          {t('finishedKeep', { version })}
        </button>
        <button type="button" data-testid="discard" onClick={onDiscard}>
          {t('finishedDiscard')}
        </button>
      </p>
    </section>
  );
}
