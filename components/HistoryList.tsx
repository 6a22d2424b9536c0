import { CLASS_NAMES } from '../lib/classes';
import { formatConfidence } from '../lib/answer';
import type { HistoryEntry } from '../lib/storage/db';
import { SeenImage } from './SeenImage';

interface Props {
  entries: HistoryEntry[];
  onDelete(id: number): void;
  onCorrect(id: number, index: number | undefined): void;
}

/** The history, newest first: what was asked, what the model saw, what it said, and the user's correction. */
export function HistoryList({ entries, onDelete, onCorrect }: Props) {
  if (entries.length === 0) return <p class="muted">No answers yet.</p>;
  return (
    <ul class="history" data-testid="history">
      {entries.map((e) => (
        <li key={e.id} data-testid="history-entry">
          <img class="thumb" src={e.thumbnail} alt="" width={48} height={48} />
          <SeenImage pixels={e.seen} size={48} />
          <div class="entry-text">
            <span class="entry-label">
              {e.answer.unsure ? `Not sure (${e.answer.label}?)` : e.answer.label} · {formatConfidence(e.answer.confidence)}
            </span>
            <span class="muted" title={e.pageUrl}>
              {new Date(e.time).toLocaleString()} · {hostOf(e.pageUrl)} · {e.modelVersion}
            </span>
            <select
              aria-label="The right label"
              value={e.correctedIndex ?? ''}
              onChange={(ev) => onCorrect(e.id!, ev.currentTarget.value === '' ? undefined : Number(ev.currentTarget.value))}
            >
              <option value="">Right label…</option>
              {CLASS_NAMES.map((name, i) => (
                <option key={name} value={i}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <button type="button" aria-label="Delete" onClick={() => onDelete(e.id!)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
