/** The history of answers: newest first, capped so it never fills the disk. */
import { openDatabase, type HistoryEntry } from './db';

export const HISTORY_LIMIT = 200;

export async function addToHistory(entry: Omit<HistoryEntry, 'id'>, limit = HISTORY_LIMIT): Promise<HistoryEntry> {
  const db = await openDatabase();
  const tx = db.transaction('history', 'readwrite');
  const id = await tx.store.add(entry as HistoryEntry);
  // Drop the oldest entries beyond the cap, in the same transaction.
  let excess = (await tx.store.count()) - limit;
  for (let cursor = await tx.store.index('byTime').openCursor(); cursor && excess > 0; cursor = await cursor.continue()) {
    await cursor.delete();
    excess--;
  }
  await tx.done;
  return { ...entry, id };
}

export async function listHistory(): Promise<HistoryEntry[]> {
  const db = await openDatabase();
  return (await db.getAllFromIndex('history', 'byTime')).reverse();
}

export async function deleteFromHistory(id: number): Promise<void> {
  await (await openDatabase()).delete('history', id);
}

/** Puts entries back as they were, ids included: what undoing a delete or a "Clear all" needs. */
export async function restoreToHistory(entries: HistoryEntry[]): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction('history', 'readwrite');
  await Promise.all([...entries.map((e) => tx.store.put(e)), tx.done]);
}

export async function clearHistory(): Promise<void> {
  await (await openDatabase()).clear('history');
}

/** Records the class the user says is right (or removes the correction with `undefined`). */
export async function correctEntry(id: number, correctedIndex: number | undefined): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction('history', 'readwrite');
  const entry = await tx.store.get(id);
  if (!entry) throw new Error('That history entry no longer exists');
  await tx.store.put({ ...entry, correctedIndex });
  await tx.done;
}

export async function listCorrections(): Promise<HistoryEntry[]> {
  return (await listHistory()).filter((e) => e.correctedIndex !== undefined);
}

export async function clearCorrections(): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction('history', 'readwrite');
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.correctedIndex !== undefined) await cursor.update({ ...cursor.value, correctedIndex: undefined });
  }
  await tx.done;
}
