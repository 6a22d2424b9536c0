import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Undoable } from '../../components/UndoBar';
import { correctionLabel } from '../../lib/answer';
import { formatCount, t } from '../../lib/i18n';
import type { HistoryEntry, StoredEntry } from '../../lib/storage/db';
import { clearHistory, correctEntry, deleteFromHistory, listHistory, restoreToHistory } from '../../lib/storage/history';
import { forgetPrivateAnswer, forgetPrivateAnswers, isPrivateAnswer, keepPrivateAnswer, listPrivateAnswers } from '../../lib/storage/private-answers';

/** A private (incognito) window's popup shows its answers, and asks that the files it classifies be kept in memory only. */
export const inPrivateWindow = () => browser.windows.getCurrent().then((w) => w.incognito);


/** Private answers go back to memory (with new ids: their old ones are never given twice), kept ones to IndexedDB. */
function restore(entries: StoredEntry[]): Promise<unknown> {
  const unkept = entries.filter(isPrivateAnswer);
  return Promise.all([
    restoreToHistory(entries.filter((e) => !isPrivateAnswer(e))),
    ...unkept.map(({ id: _, ...entry }) => keepPrivateAnswer(entry)),
  ]);
}

/**
 * The popup's answers (the history, and in a private window that window's answers too), newest
 * first, and what the user does to them. Each change shows at once and says how to undo it.
 */
export function useHistory() {
  const [history, setHistory] = useState<StoredEntry[]>([]);
  // Answers from private windows, shown only in a private window's popup and never kept.
  const [privateAnswers, setPrivateAnswers] = useState<StoredEntry[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string>();
  const [undoable, setUndoable] = useState<Undoable>();
  /** The row whose Delete button takes focus after the row that had it is gone. */
  const [focusId, setFocusId] = useState<number>();

  const refresh = async () => {
    try {
      const [kept, unkept] = await Promise.all([listHistory(), (await inPrivateWindow()) ? listPrivateAnswers() : []]);
      setHistory(kept);
      setPrivateAnswers(unkept);
      setLoaded(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => void refresh(), []);

  const act = (action: Promise<unknown>) => action.then(refresh, (e: Error) => setError(e.message));
  const offerUndo = (message: string, undo: () => Promise<unknown>, focus = false) =>
    setUndoable({ message, undo: () => void act(undo()), focus });

  const all = privateAnswers.length ? [...privateAnswers, ...history].sort((a, b) => b.time - a.time) : history;

  /** Deletes one answer; focus goes to the next row shown, else the one before. */
  const remove = (entry: StoredEntry, shown: StoredEntry[], name: string) => {
    const at = shown.indexOf(entry);
    setFocusId((shown[at + 1] ?? shown[at - 1])?.id);
    setHistory((h) => h.filter((e) => e !== entry));
    setPrivateAnswers((h) => h.filter((e) => e !== entry));
    void act(isPrivateAnswer(entry) ? forgetPrivateAnswer(entry.id!) : deleteFromHistory(entry.id!));
    offerUndo(t('popupDeleted', { name }), () => restore([entry]), at === 0 && shown.length === 1);
  };

  /** Records the user's label; the row says it at once ("You said: Shirt"). */
  const correct = (entry: HistoryEntry, index: number | undefined) => {
    const before = entry.correctedIndex;
    setHistory((h) => h.map((e) => (e === entry ? { ...entry, correctedIndex: index } : e)));
    void act(correctEntry(entry.id!, index));
    offerUndo(index === undefined ? t('popupCorrectionRemoved') : t('popupSaved', { label: correctionLabel(index) }), () => correctEntry(entry.id!, before));
  };

  const clearAll = () => {
    const cleared = all;
    setHistory([]);
    setPrivateAnswers([]);
    void act(Promise.all([clearHistory(), privateAnswers.length ? forgetPrivateAnswers() : undefined]));
    // "Clear all" is disabled now: focus goes to Undo rather than to the page's start.
    offerUndo(cleared.length === 1 ? t('popupClearedOne') : t('popupClearedMany', { count: formatCount(cleared.length) }), () => restore(cleared), true);
  };

  return { all, loaded, error, setError, refresh, undoable, dismissUndo: () => setUndoable(undefined), focusId, remove, correct, clearAll };
}
