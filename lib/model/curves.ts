/**
 * Training curves as an SVG string (no chart library): accuracy and loss per epoch, training and
 * validation, side by side. Node turns it into a PNG; a page could inline it as is.
 */
import type { EpochStats } from './fit';

const W = 440; // one panel
const H = 300;
const M = { left: 56, right: 16, top: 34, bottom: 44 };
const COLORS = { train: '#1f77b4', val: '#ff7f0e', test: '#2ca02c' };

interface Series {
  label: string;
  color: string;
  values: number[];
}

function niceStep(range: number): number {
  const raw = range / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? p * 10;
}

interface Panel {
  title: string;
  series: Series[];
  /** Accuracy rises and loss falls: put the legend where the curves are not. */
  legend: 'top' | 'bottom';
  marker?: { label: string; value: number };
}

function panel(x0: number, epochs: number, { title, series, legend: where, marker }: Panel): string {
  const all = series.flatMap((s) => s.values).concat(marker ? [marker.value] : []).filter(Number.isFinite);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi - lo < 1e-6) [lo, hi] = [lo - 0.5, hi + 0.5];
  const step = niceStep(hi - lo);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const px = (e: number) => x0 + M.left + ((e - 1) / Math.max(1, epochs - 1)) * (W - M.left - M.right);
  const py = (v: number) => M.top + (1 - (v - lo) / (hi - lo)) * (H - M.top - M.bottom);
  const out: string[] = [`<text x="${x0 + W / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">${title}</text>`];
  for (let v = lo; v <= hi + step / 2; v += step) {
    const label = step < 0.01 ? v.toFixed(3) : step < 0.1 ? v.toFixed(2) : v.toFixed(1);
    out.push(`<line x1="${px(1)}" x2="${px(epochs)}" y1="${py(v)}" y2="${py(v)}" stroke="#ddd"/>`);
    out.push(`<text x="${x0 + M.left - 6}" y="${py(v) + 4}" text-anchor="end" font-size="11">${label}</text>`);
  }
  const every = Math.ceil(epochs / 10);
  for (let e = 1; e <= epochs; e += every) {
    out.push(`<text x="${px(e)}" y="${H - M.bottom + 16}" text-anchor="middle" font-size="11">${e}</text>`);
  }
  out.push(`<text x="${x0 + W / 2}" y="${H - 8}" text-anchor="middle" font-size="12">epoch</text>`);
  out.push(`<rect x="${px(1)}" y="${M.top}" width="${px(epochs) - px(1)}" height="${H - M.top - M.bottom}" fill="none" stroke="#888"/>`);
  if (marker) {
    out.push(`<line x1="${px(1)}" x2="${px(epochs)}" y1="${py(marker.value)}" y2="${py(marker.value)}" stroke="${COLORS.test}" stroke-dasharray="5 4"/>`);
  }
  for (const s of series) {
    const pts = s.values.map((v, i) => (Number.isFinite(v) ? `${px(i + 1).toFixed(1)},${py(v).toFixed(1)}` : '')).filter(Boolean);
    out.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    for (const p of pts) out.push(`<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="2.5" fill="${s.color}"/>`);
  }
  const legend = [...series, ...(marker ? [{ label: marker.label, color: COLORS.test }] : [])];
  const top = where === 'top' ? M.top + 8 : H - M.bottom - 8 - 16 * legend.length;
  out.push(`<rect x="${px(epochs) - 126}" y="${top}" width="120" height="${16 * legend.length + 4}" fill="white" fill-opacity="0.85"/>`);
  legend.forEach((s, i) => {
    const y = top + 15 + i * 16;
    out.push(`<line x1="${px(epochs) - 120}" x2="${px(epochs) - 100}" y1="${y - 4}" y2="${y - 4}" stroke="${s.color}" stroke-width="2"/>`);
    out.push(`<text x="${px(epochs) - 95}" y="${y}" font-size="11">${s.label}</text>`);
  });
  return out.join('\n');
}

export function trainingCurvesSvg(history: EpochStats[], testAccuracy?: number): string {
  const epochs = Math.max(2, history.length);
  const pick = (f: (e: EpochStats) => number) => history.map(f);
  const acc = panel(0, epochs, {
    title: 'Accuracy',
    series: [
      { label: 'training', color: COLORS.train, values: pick((e) => e.accuracy) },
      { label: 'validation', color: COLORS.val, values: pick((e) => e.valAccuracy) },
    ],
    legend: 'bottom',
    marker: testAccuracy === undefined ? undefined : { label: `test ${(100 * testAccuracy).toFixed(2)}%`, value: testAccuracy },
  });
  const loss = panel(W, epochs, {
    title: 'Loss (cross-entropy)',
    series: [
      { label: 'training', color: COLORS.train, values: pick((e) => e.loss) },
      { label: 'validation', color: COLORS.val, values: pick((e) => e.valLoss) },
    ],
    legend: 'top',
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">
<rect width="100%" height="100%" fill="white"/>
${acc}
${loss}
</svg>`;
}
