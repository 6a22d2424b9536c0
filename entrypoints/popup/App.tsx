import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AnswerView } from '../../components/AnswerView';
import { FilePicker } from '../../components/FilePicker';
import { HistoryList, PrivateMark } from '../../components/HistoryList';
import { SeenImage } from '../../components/SeenImage';
import { verdictOf } from '../../lib/answer';
import { CLASS_NAMES, OUTLIER } from '../../lib/classes';
import { sendMessage } from '../../lib/messages';
import type { HistoryEntry } from '../../lib/storage/db';
import { historyToCsv, historyToJson } from '../../lib/storage/export';
import { clearHistory, correctEntry, deleteFromHistory, listHistory } from '../../lib/storage/history';
import { forgetPrivateAnswer, forgetPrivateAnswers, isPrivateAnswer, listPrivateAnswers } from '../../lib/storage/private-answers';

function download(text: string, type: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A private (incognito) window's popup shows its answers, and asks that the files it classifies be kept in memory only. */
const inPrivateWindow = () => browser.windows.getCurrent().then((w) => w.incognito);

/**
 * The class an entry is filed under: the user's correction, else none of the 10 kinds for an
 * out-of-scope answer (its label is only the closest guess), else the answer's class.
 */
function filedUnder(e: HistoryEntry): number {
  return e.correctedIndex ?? (verdictOf(e.answer) === 'out-of-scope' ? OUTLIER : e.answer.index);
}

export function App() {
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  // Answers from private windows, shown only in a private window's popup and never kept.
  const [privateAnswers, setPrivateAnswers] = useState<HistoryEntry[]>([]);
  const [filter, setFilter] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const refresh = async () => {
    try {
      const [kept, unkept] = await Promise.all([listHistory(), (await inPrivateWindow()) ? listPrivateAnswers() : []]);
      setHistory(kept);
      setPrivateAnswers(unkept);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => void refresh(), []);

  const act = (action: Promise<unknown>) => action.then(refresh, (e: Error) => setError(e.message));

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

  const all = privateAnswers.length ? [...privateAnswers, ...history].sort((a, b) => b.time - a.time) : history;
  const latest = all[0];
  const shown = filter === undefined ? all : all.filter((e) => filedUnder(e) === filter);
  return (
    <main>
      <h1>Garment Scout</h1>
      <section aria-label="Latest answer" data-testid="latest">
        {latest ? (
          <div class="latest">
            <img class="thumb" src={latest.thumbnail} alt="" width={72} height={72} />
            <SeenImage pixels={latest.seen} size={72} />
            <AnswerView answer={latest.answer} modelVersion={latest.modelVersion} />
            {isPrivateAnswer(latest) && <PrivateMark />}
          </div>
        ) : (
          <p class="muted">Right-click a product picture and choose “Classify garment”.</p>
        )}
      </section>
      <FilePicker onImage={classifyFile} onRefused={setError} busy={busy} />
      {error && (
        <p role="alert" class="error" data-testid="error">
          {error}
        </p>
      )}
      <section aria-label="History">
        <div class="toolbar">
          <h2>History</h2>
          <select aria-label="Filter by class" onChange={(e) => setFilter(e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))}>
            <option value="">All classes</option>
            {CLASS_NAMES.map((name, i) => (
              <option key={name} value={i}>
                {name}
              </option>
            ))}
            <option value={OUTLIER}>Not one of the 10 kinds</option>
          </select>
          <button type="button" onClick={() => download(historyToJson(history), 'application/json', 'garment-scout-history.json')}>
            JSON
          </button>
          <button type="button" onClick={() => download(historyToCsv(history), 'text/csv', 'garment-scout-history.csv')}>
            CSV
          </button>
          <button
            type="button"
            onClick={() => confirm('Clear the whole history?') && act(Promise.all([clearHistory(), privateAnswers.length ? forgetPrivateAnswers() : undefined]))}
          >
            Clear all
          </button>
        </div>
        <HistoryList
          entries={shown}
          onDelete={(id) => act(id < 0 ? forgetPrivateAnswer(id) : deleteFromHistory(id))}
          onCorrect={(id, index) => act(correctEntry(id, index))}
        />
      </section>
    </main>
  );
}
