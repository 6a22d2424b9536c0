import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FilePicker } from '../../components/FilePicker';
import { HistoryEntry } from '../../components/HistoryEntry';
import { ScanHistoryEntry } from '../../components/ScanHistoryEntry';
import { UndoBar } from '../../components/UndoBar';
import { verdictOf } from '../../lib/answer';
import { CLASS_NAMES, className, OUTLIER } from '../../lib/classes';
import { entryNames } from '../../lib/entry-names';
import { formatCount, localizeMessage, t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messages';
import { isScanEntry, type HistoryEntry as Entry, type StoredEntry } from '../../lib/storage/db';
import { answersOf, answersToCsv, answersToJson, exportFileName } from '../../lib/storage/export';
import { isPrivateAnswer } from '../../lib/storage/private-answers';
import { download } from '../../components/download';
import { openScanPanel } from './open-scan-panel';
import { inPrivateWindow, useHistory } from './use-history';

/**
 * The class an entry is filed under: the user's correction, else none of the 10 kinds for an
 * out-of-scope answer (its label is only the closest guess), else the answer's class.
 */
function filedUnder(e: Pick<Entry, 'answer' | 'correctedIndex'>): number {
  return e.correctedIndex ?? (verdictOf(e.answer) === 'out-of-scope' ? OUTLIER : e.answer.index);
}

/** A page scan is filed under every class one of its pictures is. */
const isFiledUnder = (e: StoredEntry, index: number) => (isScanEntry(e) ? e.pictures.some((p) => filedUnder(p) === index) : filedUnder(e) === index);

const FILTERS = [...CLASS_NAMES.keys(), OUTLIER];
const filterName = (index: number) => (index === OUTLIER ? t('answerNotInScope') : className(index));
/** The same in English: file names stay the same whatever the UI language. */
const fileFilterName = (index: number) => (index === OUTLIER ? 'Not one of the 10 kinds' : CLASS_NAMES[index]);

export function App() {
  const { all, loaded, error, setError, refresh, undoable, dismissUndo, focusId, remove, correct, clearAll } = useHistory();
  const [filter, setFilter] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);

  const classifyFile = async (dataUrl: string, name: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await sendMessage('background:classify', { source: dataUrl, pageUrl: `file: ${name}`, privateWindow: await inPrivateWindow() });
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  // The page behind the popup: its tab's id needs no permission. The side panel opens beside it with
  // the counts (only in the click itself may it), and the popup closes so the badges can be seen.
  const scanPage = async () => {
    openScanPanel();
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await sendMessage('background:toggle-scan', { tabId: tab.id });
    window.close();
  };

  const shown = filter === undefined ? all : all.filter((e) => isFiledUnder(e, filter));
  const names = useMemo(() => entryNames(shown), [shown]);
  // Private answers are never kept, so they are not written to a file either.
  // A page scan's pictures go one by one, and under a filter only those of its kind.
  const exported = answersOf(shown.filter((e) => !isPrivateAnswer(e))).filter((a) => filter === undefined || filedUnder(a) === filter);
  const save = (format: 'json' | 'csv') =>
    download(
      format === 'json' ? answersToJson(exported) : answersToCsv(exported),
      format === 'json' ? 'application/json' : 'text/csv',
      exportFileName(format, new Date(), filter === undefined ? undefined : fileFilterName(filter)),
    );

  return (
    <>
      <header class="bar">
        <h1>{t('extName')}</h1>
        <a
          href={browser.runtime.getURL('/options.html')}
          data-testid="open-options"
          onClick={(e) => {
            e.preventDefault();
            void browser.runtime.openOptionsPage();
          }}
        >
          {t('popupOpenOptions')}
        </a>
      </header>
      <main>
        <button type="button" data-testid="scan-page" onClick={() => void scanPage()}>
          {t('popupScanPage')}
        </button>
        <FilePicker onImage={classifyFile} onRefused={setError} busy={busy} />
        {error && (
          <p role="alert" class="error" data-testid="error">
            {localizeMessage(error)}
          </p>
        )}
        <section aria-labelledby="answers-heading">
          <div class="toolbar">
            <h2 id="answers-heading" tabIndex={-1}>
              {t('popupAnswers')}{' '}
              <span class="muted small" data-testid="answer-count">
                {filter === undefined ? formatCount(all.length) : t('popupCountOf', { shown: formatCount(shown.length), all: formatCount(all.length) })}
              </span>
            </h2>
            <select
              aria-label={t('popupFilter')}
              value={filter ?? ''}
              disabled={all.length === 0}
              onChange={(e) => setFilter(e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))}
            >
              <option value="">{t('popupAllClasses')}</option>
              {FILTERS.map((i) => (
                <option key={i} value={i}>
                  {filterName(i)}
                </option>
              ))}
            </select>
          </div>
          {shown.length > 0 ? (
            <ul class="history" data-testid="history">
              {shown.map((e, i) =>
                isScanEntry(e) ? (
                  <ScanHistoryEntry key={e.id} entry={e} name={names[i]} focusDelete={e.id === focusId} onDelete={(entry) => remove(entry, shown, names[i])} />
                ) : (
                <HistoryEntry
                  key={e.id}
                  entry={e}
                  name={names[i]}
                  featured={i === 0}
                  focusDelete={e.id === focusId}
                  onDelete={(entry) => remove(entry, shown, names[i])}
                  onCorrect={correct}
                />
                ),
              )}
            </ul>
          ) : all.length > 0 ? (
            <p class="empty" data-testid="no-match">
              {t('popupNoMatch', { count: formatCount(all.length), kind: filterName(filter!) })}{' '}
              <button type="button" class="quiet" onClick={() => setFilter(undefined)}>
                {t('popupShowAll')}
              </button>
            </p>
          ) : (
            // Where the latest answer will be.
            <p class="empty" data-testid="latest">
              {loaded ? t('popupEmpty') : t('popupLoading')}
            </p>
          )}
          <div class="toolbar actions">
            <span class="muted small">{filter === undefined ? t('popupSaveAll') : t('popupSaveThese', { count: formatCount(exported.length) })}</span>
            <button type="button" class="quiet" disabled={exported.length === 0} onClick={() => save('json')}>
              JSON
            </button>
            <button type="button" class="quiet" disabled={exported.length === 0} onClick={() => save('csv')}>
              CSV
            </button>
            <button type="button" class="quiet danger push" disabled={all.length === 0} onClick={clearAll}>
              {t('popupClearAll')}
            </button>
          </div>
        </section>
      </main>
      <UndoBar action={undoable} onDone={dismissUndo} />
    </>
  );
}

