import { CLASS_NAMES } from '../lib/classes';
import type { Evaluation } from '../lib/model/metrics';

const pct = (v: number | undefined) => (v === undefined ? '…' : `${(v * 100).toFixed(1)}%`);

/** Test-set accuracy per class for the model in use and the new one, side by side. */
export function EvaluationTable({ before, after }: { before?: Evaluation; after?: Evaluation }) {
  return (
    <table class="evaluation" data-testid="evaluation">
      <thead>
        <tr>
          <th>Test images</th>
          <th>Model in use</th>
          <th>New model</th>
        </tr>
      </thead>
      <tbody>
        <tr class="overall">
          <th>All {before?.count ?? ''}</th>
          <td data-testid="accuracy-before">{pct(before?.accuracy)}</td>
          <td data-testid="accuracy-after">{pct(after?.accuracy)}</td>
        </tr>
        {CLASS_NAMES.map((name) => (
          <tr key={name}>
            <th>{name}</th>
            <td>{pct(before?.perClass[name]?.accuracy)}</td>
            <td>{pct(after?.perClass[name]?.accuracy)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Rows: the true class; columns: what the model said. */
export function ConfusionMatrix({ title, evaluation }: { title: string; evaluation?: Evaluation }) {
  if (!evaluation) return null;
  return (
    <table class="confusion" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th />
          {CLASS_NAMES.map((_, i) => (
            <th key={i} title={CLASS_NAMES[i]}>
              {i}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {evaluation.confusion.map((row, t) => (
          <tr key={t}>
            <th title={CLASS_NAMES[t]}>{t}</th>
            {row.map((n, p) => (
              <td key={p} class={t === p ? 'diagonal' : n > 0 ? 'miss' : ''}>
                {n}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
