import { correctionLabel, formatConfidence, verdictOf, type Answer } from '../lib/answer';
import { CLASS_NAMES, className, OUTLIER } from '../lib/classes';
import { formatDateTime, t } from '../lib/i18n';
import type { HistoryEntry as Entry } from '../lib/storage/db';
import { isPrivateAnswer } from '../lib/storage/private-answers';
import { AnswerView } from './AnswerView';
import { DeleteEntryButton } from './DeleteEntryButton';
import { EntryLinks } from './EntryLinks';
import { MenuButton } from './MenuButton';
import { SeenImage } from './SeenImage';

/** What the user can say the right label is: one of the 10 kinds, or none of them (made on first use, when the UI language is known). */
const corrections = () => [...CLASS_NAMES.keys(), OUTLIER].map((value) => ({ value, label: correctionLabel(value) }));
const forgetCorrection = () => ({ value: undefined, label: t('entryRemoveCorrection') });

/** Says that an answer came from a private window and is not kept. */
export function PrivateMark() {
  return (
    <span class="private-mark" data-testid="private-mark" title={t('entryPrivateTitle')}>
      {t('entryPrivate')}
    </span>
  );
}

interface Props {
  entry: Entry;
  /** "the answer from 10:32, Ankle boot": what its buttons act on, for screen readers. */
  name: string;
  /** The newest answer shown: in full, with the top 3 and larger pictures. */
  featured: boolean;
  /** Focus this row's Delete button, after the row that had it was deleted. */
  focusDelete: boolean;
  onDelete(entry: Entry): void;
  onCorrect(entry: Entry, index: number | undefined): void;
}

/**
 * One answer: what was asked, what the model saw, what it said, and the user's correction. An answer
 * from a private window takes no correction (corrections are kept to fine-tune the model).
 */
export function HistoryEntry({ entry: e, name, featured, focusDelete, onDelete, onCorrect }: Props) {
  const size = featured ? 72 : 48;
  const isPrivate = isPrivateAnswer(e);
  return (
    <li
      class={featured ? 'entry featured' : 'entry'}
      data-testid="history-entry"
      data-verdict={verdictOf(e.answer)}
      data-private={isPrivate || undefined}
      data-corrected={e.correctedIndex}
    >
      <div class="entry-pictures">
        <img class="thumb" src={e.thumbnail} alt="" width={size} height={size} />
        <SeenImage pixels={e.seen} size={size} />
      </div>
      <div class="entry-text" data-testid={featured ? 'latest' : undefined}>
        {featured ? <AnswerView answer={e.answer} modelVersion={e.modelVersion} /> : <span class="entry-label">{entryLabel(e.answer)}</span>}
        {e.correctedIndex !== undefined && (
          <span class="correction" data-testid="correction">
            {t('entryYouSaid', { label: correctionLabel(e.correctedIndex) })}
          </span>
        )}
        <span class="entry-meta muted small">
          <time dateTime={new Date(e.time).toISOString()}>{formatDateTime(e.time)}</time>
          <EntryLinks pageUrl={e.pageUrl} imageUrl={e.imageUrl} />
          {!featured && <span>{t('answerModel', { version: e.modelVersion })}</span>}
        </span>
        {isPrivate ? (
          <PrivateMark />
        ) : (
          <MenuButton
            class="correct"
            text={e.correctedIndex === undefined ? t('entryCorrect') : t('entryChangeCorrection')}
            context={t('entryFor', { name })}
            items={e.correctedIndex === undefined ? corrections() : [...corrections(), forgetCorrection()]}
            current={e.correctedIndex}
            onChoose={(index) => onCorrect(e, index)}
          />
        )}
      </div>
      <DeleteEntryButton name={name} focus={focusDelete} onDelete={() => onDelete(e)} />
    </li>
  );
}

function entryLabel(answer: Answer): string {
  // Entries stored by older versions have no verdict: read it through verdictOf.
  switch (verdictOf(answer)) {
    case 'out-of-scope':
      return t('entryNotInScope', { label: className(answer.index) });
    case 'unsure':
      return t('entryUnsure', { label: className(answer.index), confidence: formatConfidence(answer.confidence) });
    default:
      return t('answerHeadline', { label: className(answer.index), confidence: formatConfidence(answer.confidence) });
  }
}
