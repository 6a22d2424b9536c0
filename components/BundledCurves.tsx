import { useEffect, useMemo, useState } from 'preact/hooks';
import { trainingHistory, type TrainingHistory } from '../lib/model/training-history';
import { LiveChart } from './LiveChart';

const fixed = (v: number, digits = 3) => v.toFixed(digits);
const percent = new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** How the bundled model was trained (scripts/train.ts), from the history its metadata.json keeps. */
export function BundledCurves({ metadataUrl }: { metadataUrl: string }) {
  const [history, setHistory] = useState<TrainingHistory>();
  useEffect(() => {
    fetch(metadataUrl)
      .then((r) => r.json())
      .then((metadata) => setHistory(trainingHistory(metadata.training)))
      .catch(() => setHistory({ epochs: [], sessions: 0 }));
  }, [metadataUrl]);
  const x = useMemo(() => history?.epochs.map((e) => e.epoch) ?? [], [history]);
  const series = useMemo(() => {
    const pick = (f: (e: TrainingHistory['epochs'][number]) => number) => history?.epochs.map(f) ?? [];
    return {
      loss: [
        { label: 'training loss', color: '--gs-series-1', values: pick((e) => e.loss) },
        { label: 'validation loss', color: '--gs-series-2', values: pick((e) => e.valLoss) },
      ],
      accuracy: [
        { label: 'training accuracy', color: '--gs-series-1', values: pick((e) => e.accuracy) },
        { label: 'validation accuracy', color: '--gs-series-2', values: pick((e) => e.valAccuracy) },
      ],
    };
  }, [history]);
  if (!history) return null;
  const last = history.epochs.at(-1);
  const placeholder = 'The bundled model keeps no training history.';
  return (
    <>
      {last && (
        <p class="muted">
          {history.sessions} training session{history.sessions === 1 ? '' : 's'} on this architecture, {Math.round(last.epoch)} epochs over the Fashion-MNIST training
          images in all; each session starts its learning rate schedule again, hence the steps in the curves.
        </p>
      )}
      <div class="charts">
        <LiveChart
          title="Loss"
          testId="bundled-loss-chart"
          x={x}
          series={series.loss}
          placeholder={placeholder}
          summary={last ? `After ${Math.round(last.epoch)} epochs: training ${fixed(last.loss)}, validation ${fixed(last.valLoss)}.` : ''}
        />
        <LiveChart
          title="Accuracy"
          testId="bundled-accuracy-chart"
          x={x}
          series={series.accuracy}
          placeholder={placeholder}
          summary={last ? `After ${Math.round(last.epoch)} epochs: training ${percent.format(last.accuracy)}, validation ${percent.format(last.valAccuracy)}.` : ''}
        />
      </div>
    </>
  );
}
