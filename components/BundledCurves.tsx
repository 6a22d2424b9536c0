import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatCount, formatDecimal, formatPercent, t } from '../lib/i18n';
import { trainingHistory, type TrainingHistory } from '../lib/model/training-history';
import { LiveChart, lossAndAccuracySeries } from './LiveChart';

/** How the bundled model was trained (scripts/cli/train.ts), from the history its metadata.json keeps. */
export function BundledCurves({ metadataUrl }: { metadataUrl: string }) {
  const [history, setHistory] = useState<TrainingHistory>();
  useEffect(() => {
    fetch(metadataUrl)
      .then((r) => r.json())
      .then((metadata) => setHistory(trainingHistory(metadata.training)))
      .catch(() => setHistory({ epochs: [], sessions: 0 }));
  }, [metadataUrl]);
  const x = useMemo(() => history?.epochs.map((e) => e.epoch) ?? [], [history]);
  const series = useMemo(() => lossAndAccuracySeries(history?.epochs ?? []), [history]);
  if (!history) return null;
  const last = history.epochs.at(-1);
  const epochs = formatCount(Math.round(last?.epoch ?? 0));
  const placeholder = t('bundledNoHistory');
  return (
    <>
      {last && (
        <p class="muted">
          {history.sessions === 1 ? t('bundledSessionsOne', { epochs }) : t('bundledSessionsMany', { sessions: formatCount(history.sessions), epochs })}
          {history.soup && ` ${t('bundledSoup', { runs: formatCount(history.soup.runs), epochs: formatCount(history.soup.epochs) })}`}
        </p>
      )}
      <div class="charts">
        <LiveChart
          title={t('chartLoss')}
          testId="bundled-loss-chart"
          x={x}
          series={series.loss}
          placeholder={placeholder}
          summary={last ? t('bundledAfter', { epochs, training: formatDecimal(last.loss, 3), validation: formatDecimal(last.valLoss, 3) }) : ''}
        />
        <LiveChart
          title={t('chartAccuracy')}
          testId="bundled-accuracy-chart"
          x={x}
          series={series.accuracy}
          placeholder={placeholder}
          summary={last ? t('bundledAfter', { epochs, training: formatPercent(last.accuracy, 1), validation: formatPercent(last.valAccuracy, 1) }) : ''}
        />
      </div>
    </>
  );
}
