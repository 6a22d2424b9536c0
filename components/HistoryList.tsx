import { CLASS_NAMES, OUTLIER } from '../lib/classes';
import { correctionLabel, formatConfidence, verdictOf, type Answer } from '../lib/answer';
import type { HistoryEntry } from '../lib/storage/db';
import { isPrivateAnswer } from '../lib/storage/private-answers';
import { SeenImage } from './SeenImage';

/** What the user can say the right label is: one of the 10 kinds, or none of them. */
const CORRECTIONS = [...CLASS_NAMES.keys(), OUTLIER];

interface Props {
  entries: HistoryEntry[];
  onDelete(id: number): void;
  onCorrect(id: number, index: number | undefined): void;
}

/** Says that an answer came from a private window and is not kept. */
export function PrivateMark() {
  return (
    <span class="private-mark" data-testid="private-mark" title="Answers from private windows are forgotten when the last one closes">
      Private window · not kept
    </span>
  );
}

/**
 * The history, newest first: what was asked, what the model saw, what it said, and the user's correction.
 * An answer from a private window takes no correction (corrections are kept to fine-tune the model).
 */
export function HistoryList({ entries, onDelete, onCorrect }: Props) {
  if (entries.length === 0) return <p class="muted">No answers yet.</p>;
  return (
    <ul class="history" data-testid="history">
      {entries.map((e) => (
        <li key={e.id} data-testid="history-entry" data-verdict={verdictOf(e.answer)} data-private={isPrivateAnswer(e) || undefined}>
          <img class="thumb" src={e.thumbnail} alt="" width={48} height={48} />
          <SeenImage pixels={e.seen} size={48} />
          <div class="entry-text">
            <span class="entry-label">{entryLabel(e.answer)}</span>
            <span class="muted" title={e.pageUrl}>
              {new Date(e.time).toLocaleString()} · {hostOf(e.pageUrl)} · {e.modelVersion}
            </span>
            {isPrivateAnswer(e) ? (
              <PrivateMark />
            ) : (
              <select
                aria-label="The right label"
                value={e.correctedIndex ?? ''}
                onChange={(ev) => onCorrect(e.id!, ev.currentTarget.value === '' ? undefined : Number(ev.currentTarget.value))}
              >
                <option value="">Right label…</option>
                {CORRECTIONS.map((index) => (
                  <option key={index} value={index}>
                    {correctionLabel(index)}
                  </option>
                ))}
              </select>
            )}
          </div>
          <button type="button" aria-label="Delete" onClick={() => onDelete(e.id!)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

function entryLabel(answer: Answer): string {
  // Entries stored by older versions have no verdict: read it through verdictOf.
  switch (verdictOf(answer)) {
    case 'out-of-scope':
      return `Not one of the 10 kinds (closest: ${answer.label})`;
    case 'unsure':
      return `Not sure (${answer.label}?) · ${formatConfidence(answer.confidence)}`;
    default:
      return `${answer.label} · ${formatConfidence(answer.confidence)}`;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
