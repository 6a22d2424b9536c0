import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  color: string;
  /** One value per x, or null where this series has no point (validation between epochs). */
  values: (number | null)[];
}

/** A line chart (uPlot) that redraws in place as points arrive. */
export function LiveChart({ title, x, series, testId }: { title: string; x: number[]; series: ChartSeries[]; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot>();
  useEffect(() => {
    chart.current = new uPlot(
      {
        title,
        width: 460,
        height: 240,
        scales: { x: { time: false } },
        axes: [{ label: 'epoch' }, {}],
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: true, points: { show: true, size: 4 } }))],
      },
      [[], ...series.map(() => [])],
      box.current!,
    );
    return () => chart.current?.destroy();
  }, []);
  useEffect(() => {
    chart.current?.setData([x, ...series.map((s) => s.values)] as uPlot.AlignedData);
  }, [x, series]);
  return <div ref={box} data-testid={testId} data-points={x.length} />;
}
