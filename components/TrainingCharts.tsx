import { useMemo } from 'preact/hooks';
import type { CurvePoint } from '../lib/finetune/run-state';
import { formatDecimal, formatPercent, t } from '../lib/i18n';
import { LiveChart, lossAndAccuracySeries } from './LiveChart';

const fixed = (v: number | null | undefined) => (v == null ? '…' : formatDecimal(v, 3));
const pct = (v: number | null | undefined) => (v == null ? '…' : formatPercent(v, 1));

/** The live loss and accuracy of a run; a sentence in their place before it starts. */
export function TrainingCharts({ curve }: { curve: CurvePoint[] }) {
  const x = useMemo(() => curve.map((p) => p.at), [curve]);
  const { loss, accuracy } = useMemo(() => lossAndAccuracySeries(curve), [curve]);
  const last = curve.at(-1);
  const validated = curve.findLast((p) => p.valLoss !== null);
  // The summaries are shown only once there is a point.
  const epoch = last ? formatDecimal(last.at, 2) : '';
  const placeholder = t('chartPlaceholder');
  return (
    <div class="charts">
      <LiveChart
        title={t('chartLoss')}
        testId="loss-chart"
        x={x}
        series={loss}
        placeholder={placeholder}
        summary={t('chartAtEpoch', { epoch, training: fixed(last?.loss), validation: fixed(validated?.valLoss) })}
      />
      <LiveChart
        title={t('chartAccuracy')}
        testId="accuracy-chart"
        x={x}
        series={accuracy}
        placeholder={placeholder}
        summary={t('chartAtEpoch', { epoch, training: pct(last?.accuracy), validation: pct(validated?.valAccuracy) })}
      />
    </div>
  );
}
