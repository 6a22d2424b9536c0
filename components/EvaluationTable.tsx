import { CLASS_NAMES } from '../lib/classes';
import type { Evaluation } from '../lib/model/metrics';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pct = (v: number | undefined) => (v === undefined ? '…' : percent.format(v));
const count = (n: number | undefined) => (n === undefined ? '' : new Intl.NumberFormat().format(n));

/** Test-set accuracy per class for the model in use and the new one, side by side. */
export function EvaluationTable({ before, after }: { before?: Evaluation; after?: Evaluation }) {
  return (
    <table class="evaluation" data-testid="evaluation">
      <caption>Accuracy on the {count(before?.count)} Fashion-MNIST test images (never trained on)</caption>
      <thead>
        <tr>
          <th scope="col">Class</th>
          <th scope="col">Model in use</th>
          <th scope="col">New model</th>
        </tr>
      </thead>
      <tbody>
        <tr class="overall">
          <th scope="row">All</th>
          <td data-testid="accuracy-before">{pct(before?.accuracy)}</td>
          <td data-testid="accuracy-after">{pct(after?.accuracy)}</td>
        </tr>
        {CLASS_NAMES.map((name) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{pct(before?.perClass[name]?.accuracy)}</td>
            <td>{pct(after?.perClass[name]?.accuracy)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Rows: the true class; columns: what the model said; both named. */
export function ConfusionMatrix({ title, evaluation }: { title: string; evaluation?: Evaluation }) {
  if (!evaluation) return null;
  return (
    <table class="confusion" aria-label={title}>
      <caption>
        {title}
        <span class="muted small"> · rows: the true class, columns: what the model said</span>
      </caption>
      <thead>
        <tr>
          <td />
          {CLASS_NAMES.map((name) => (
            <th key={name} scope="col">
              <span>{name}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {evaluation.confusion.map((row, t) => (
          <tr key={t}>
            <th scope="row">{CLASS_NAMES[t]}</th>
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
