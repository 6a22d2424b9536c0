import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatCount, t } from '../lib/i18n';
import { token, useColorScheme } from './use-color-scheme';

export interface ChartSeries {
  label: string;
  /** A colour token of assets/tokens.css, e.g. '--gs-series-1'. */
  color: string;
  /** One value per x, or null where this series has no point (validation between epochs). */
  values: (number | null)[];
}

/** A point of a training curve: training and validation loss and accuracy, null where not measured. */
export interface CurveValues {
  loss: number | null;
  accuracy: number | null;
  valLoss: number | null;
  valAccuracy: number | null;
}

/** The training and validation series of a loss chart and of an accuracy chart, one value per point. */
export function lossAndAccuracySeries(points: CurveValues[]): { loss: ChartSeries[]; accuracy: ChartSeries[] } {
  return {
    loss: [
      { label: t('chartTrainingLoss'), color: '--gs-series-1', values: points.map((p) => p.loss) },
      { label: t('chartValidationLoss'), color: '--gs-series-2', values: points.map((p) => p.valLoss) },
    ],
    accuracy: [
      { label: t('chartTrainingAccuracy'), color: '--gs-series-1', values: points.map((p) => p.accuracy) },
      { label: t('chartValidationAccuracy'), color: '--gs-series-2', values: points.map((p) => p.valAccuracy) },
    ],
  };
}

interface Props {
  title: string;
  x: number[];
  series: ChartSeries[];
  testId: string;
  /** Said in words under the chart: its text alternative, and the numbers for everyone. */
  summary: string;
  /** Shown instead of an empty chart. */
  placeholder: string;
}

/** A line chart (uPlot) that redraws in place as points arrive; before the first point, a sentence. */
export function LiveChart({ title, x, series, testId, summary, placeholder }: Props) {
  return (
    <figure class="chart" data-testid={testId} data-points={x.length}>
      <figcaption>
        <span class="chart-title">{title}</span>
        {x.length > 0 && <span class="muted small"> {summary}</span>}
      </figcaption>
      {x.length > 0 ? <Plot x={x} series={series} /> : <p class="chart-empty muted">{placeholder}</p>}
    </figure>
  );
}

function Plot({ x, series }: { x: number[]; series: ChartSeries[] }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot>();
  const scheme = useColorScheme();
  useEffect(() => {
    // Canvas colours come from the tokens, read again when the colour scheme changes.
    const axis = {
      stroke: token('--gs-muted'),
      grid: { stroke: token('--gs-border') },
      ticks: { stroke: token('--gs-border') },
      // Tick numbers in the language of the words (uPlot's own follow navigator.language).
      values: (_: uPlot, ticks: number[]) => ticks.map((v) => (v == null ? '' : formatCount(v))),
    };
    const epoch = t('chartEpoch');
    chart.current = new uPlot(
      {
        width: Math.min(460, box.current!.parentElement!.clientWidth || 460),
        height: 220,
        scales: { x: { time: false } },
        axes: [{ ...axis, label: epoch }, axis],
        // The legend names the lines; the numbers are in the caption (no "Value: --" before a hover).
        legend: { live: false },
        series: [{ label: epoch }, ...series.map((s) => ({ label: s.label, stroke: token(s.color), width: 2, spanGaps: true, points: { show: true, size: 4 } }))],
      },
      [x, ...series.map((s) => s.values)] as uPlot.AlignedData,
      box.current!,
    );
    return () => chart.current?.destroy();
  }, [scheme]);
  useEffect(() => {
    chart.current?.setData([x, ...series.map((s) => s.values)] as uPlot.AlignedData);
  }, [x, series]);
  // The caption says what the drawing shows.
  return <div ref={box} aria-hidden="true" />;
}
