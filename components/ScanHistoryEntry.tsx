import { formatDateTime, t } from '../lib/i18n';
import { badgeLook } from '../lib/scan/badge-look';
import { scanSummary } from '../lib/scan/scan-counts';
import type { ScanEntry } from '../lib/storage/db';
import { isPrivateAnswer } from '../lib/storage/private-answers';
import { DeleteEntryButton } from './DeleteEntryButton';
import { EntryLinks } from './EntryLinks';
import { PrivateMark } from './HistoryEntry';

interface Props {
  entry: ScanEntry;
  /** "the page scan from 10:32, 48 pictures": what its Delete button acts on, for screen readers. */
  name: string;
  focusDelete: boolean;
  onDelete(entry: ScanEntry): void;
}

/** A page scan in the history: one row for its page, what it found in one line, each picture's answer folded inside. */
export function ScanHistoryEntry({ entry: e, name, focusDelete, onDelete }: Props) {
  return (
    <li class="entry" data-testid="history-entry" data-kind="scan" data-pictures={e.pictures.length} data-private={isPrivateAnswer(e) || undefined}>
      <div class="entry-pictures">
        <img class="thumb" src={e.thumbnail} alt="" width={48} height={48} />
      </div>
      <div class="entry-text">
        <span class="scan-summary" data-testid="scan-summary">{scanSummary(e.pictures)}</span>
        <span class="entry-meta muted small">
          <time dateTime={new Date(e.time).toISOString()}>{formatDateTime(e.time)}</time>
          <EntryLinks pageUrl={e.pageUrl} imageUrl="" />
        </span>
        {isPrivateAnswer(e) && <PrivateMark />}
        <details class="scan-pictures">
          <summary>{t('entryScanPictures')}</summary>
          <ol>
            {e.pictures.map((p, i) => (
              <li key={i}>
                <span>{badgeLook(p).label}</span> <EntryLinks pageUrl="" imageUrl={p.imageUrl} />
              </li>
            ))}
          </ol>
        </details>
      </div>
      <DeleteEntryButton name={name} focus={focusDelete} onDelete={() => onDelete(e)} />
    </li>
  );
}
