/** Plain-text tables of evaluation results, for the command-line tools. */
import { CLASS_NAMES } from '../classes';
import type { Evaluation } from './metrics';

const pct = (v: number) => `${(100 * v).toFixed(2)}%`;

export function perClassTable(e: Evaluation): string {
  const width = Math.max(...CLASS_NAMES.map((n) => n.length));
  return CLASS_NAMES.map((n) => `  ${n.padEnd(width)}  ${pct(e.perClass[n].accuracy).padStart(7)}  (${e.perClass[n].count})`).join('\n');
}

/** Rows: true class; columns: predicted class (abbreviated to fit a terminal). */
export function confusionTable(e: Evaluation): string {
  const short = CLASS_NAMES.map((n) => n.replace('T-shirt/top', 'Tshirt').replace('Ankle boot', 'Boot').slice(0, 7));
  const w = 8;
  const head = 'true \\ pred'.padEnd(12) + short.map((s) => s.padStart(w)).join('');
  const rows = e.confusion.map((row, k) => short[k].padEnd(12) + row.map((v) => String(v).padStart(w)).join(''));
  return [head, ...rows].join('\n');
}
