import { CLASS_NAMES, className } from '../lib/classes';
import { formatCount, formatPercent, t } from '../lib/i18n';
import type { Evaluation } from '../lib/model/metrics';

const pct = (v: number | undefined) => (v === undefined ? '…' : formatPercent(v, 1));

/** Test-set accuracy per class for the model in use and the new one, side by side. */
export function EvaluationTable({ before, after }: { before?: Evaluation; after?: Evaluation }) {
  return (
    <table class="evaluation" data-testid="evaluation">
      <caption>{t('evaluationCaption', { count: before ? formatCount(before.count) : '' })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('evaluationClass')}</th>
          <th scope="col">{t('modelInUse')}</th>
          <th scope="col">{t('modelNew')}</th>
        </tr>
      </thead>
      <tbody>
        <tr class="overall">
          <th scope="row">{t('evaluationAll')}</th>
          <td data-testid="accuracy-before">{pct(before?.accuracy)}</td>
          <td data-testid="accuracy-after">{pct(after?.accuracy)}</td>
        </tr>
        {/* Results are kept under the classes' English names (data); rows show them in the UI language. */}
        {CLASS_NAMES.map((name, i) => (
          <tr key={name}>
            <th scope="row">{className(i)}</th>
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
        <span class="muted small"> · {t('confusionHow')}</span>
      </caption>
      <thead>
        <tr>
          <td />
          {CLASS_NAMES.map((name, i) => (
            <th key={name} scope="col">
              <span>{className(i)}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {evaluation.confusion.map((row, truth) => (
          <tr key={truth}>
            <th scope="row">{className(truth)}</th>
            {row.map((n, said) => (
              <td key={said} class={truth === said ? 'diagonal' : n > 0 ? 'miss' : ''}>
                {formatCount(n)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
