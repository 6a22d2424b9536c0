import { useMemo } from 'preact/hooks';
import type { CurvePoint } from '../entrypoints/options/use-training';
import { LiveChart } from './LiveChart';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const fixed = (v: number | null | undefined) => (v == null ? '…' : v.toFixed(3));
const pct = (v: number | null | undefined) => (v == null ? '…' : percent.format(v));

/** The live loss and accuracy of a run; a sentence in their place before it starts. */
export function TrainingCharts({ curve }: { curve: CurvePoint[] }) {
  const x = useMemo(() => curve.map((p) => p.at), [curve]);
  const loss = useMemo(
    () => [
      { label: 'training loss', color: '--gs-series-1', values: curve.map((p) => p.loss) },
      { label: 'validation loss', color: '--gs-series-2', values: curve.map((p) => p.valLoss) },
    ],
    [curve],
  );
  const accuracy = useMemo(
    () => [
      { label: 'training accuracy', color: '--gs-series-1', values: curve.map((p) => p.accuracy) },
      { label: 'validation accuracy', color: '--gs-series-2', values: curve.map((p) => p.valAccuracy) },
    ],
    [curve],
  );
  const last = curve.at(-1);
  const validated = curve.findLast((p) => p.valLoss !== null);
  const at = last ? `At epoch ${last.at.toFixed(2)}:` : '';
  const placeholder = 'The loss and accuracy curves of a run appear here once it starts.';
  return (
    <div class="charts">
      <LiveChart
        title="Loss"
        testId="loss-chart"
        x={x}
        series={loss}
        placeholder={placeholder}
        summary={`${at} training ${fixed(last?.loss)}, validation ${fixed(validated?.valLoss)}.`}
      />
      <LiveChart
        title="Accuracy"
        testId="accuracy-chart"
        x={x}
        series={accuracy}
        placeholder={placeholder}
        summary={`${at} training ${pct(last?.accuracy)}, validation ${pct(validated?.valAccuracy)}.`}
      />
    </div>
  );
}
