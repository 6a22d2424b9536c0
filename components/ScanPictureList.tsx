import type { ScanResult } from '../lib/messages';
import { badgeLook } from '../lib/scan/badge-look';
import { formatCount, t } from '../lib/i18n';

/**
 * A page scan's pictures with what each is, in the order they were answered. Each row is a button:
 * a click, Enter or Space scrolls the page to its picture.
 */
export function ScanPictureList({ results, onReveal }: { results: ScanResult[]; onReveal(pictureId: number): void }) {
  return (
    <ol class="pictures" data-testid="scan-pictures">
      {results.map((r, i) => {
        const look = badgeLook(r.answer ? { answer: r.answer } : { error: r.error ?? '' });
        return (
          <li key={r.pictureId}>
            <button type="button" class="picture" title={r.imageUrl} data-picture={r.pictureId} data-verdict={look.verdict} onClick={() => onReveal(r.pictureId)}>
              {r.thumbnail ? <img src={r.thumbnail} alt="" width={40} height={40} /> : <span class="no-thumb" aria-hidden="true" />}
              <span class="picture-text">
                <span class="muted small">{formatCount(i + 1)}.</span> {look.label}
              </span>
              <span class="visually-hidden">{t('panelRevealHint')}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
