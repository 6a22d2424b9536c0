/** The history of answers and page scans: newest first, capped so it never fills the disk. */
import type { IDBPTransaction } from 'idb';
import { isScanEntry, openDatabase, type HistoryEntry, type ScanAnswer, type Schema, type StoredEntry } from './db';

export const HISTORY_LIMIT = 200;

export async function addToHistory(entry: Omit<HistoryEntry, 'id'>, limit = HISTORY_LIMIT): Promise<HistoryEntry> {
  const db = await openDatabase();
  const tx = db.transaction('history', 'readwrite');
  const id = await tx.store.add(entry as HistoryEntry);
  await dropBeyond(limit, tx);
  await tx.done;
  return { ...entry, id };
}

type WriteTransaction = IDBPTransaction<Schema, ['history'], 'readwrite'>;

/** Drops the oldest entries beyond the cap, in the transaction that added one. */
async function dropBeyond(limit: number, tx: WriteTransaction): Promise<void> {
  let excess = (await tx.store.count()) - limit;
  for (let cursor = await tx.store.index('byTime').openCursor(); cursor && excess > 0; cursor = await cursor.continue()) {
    await cursor.delete();
    excess--;
  }
}

/** Which scan an answer belongs to, and what its entry starts with when it is made. */
export interface ScanKey {
  scanId: string;
  pageUrl: string;
  /** When the entry is made: its time and its picture. */
  time: number;
  thumbnail: string;
}

/**
 * Adds answers to their page scan's entry, making the entry with the first ones. The entry is found by
 * its scan id and page together, in one transaction, so answers written at once all stay.
 */
export async function addToScan(scan: ScanKey, pictures: ScanAnswer[], limit = HISTORY_LIMIT): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction('history', 'readwrite');
  // Newest first: a running scan's entry is among the last ones written.
  for (let cursor = await tx.store.index('byTime').openCursor(null, 'prev'); cursor; cursor = await cursor.continue()) {
    const e = cursor.value;
    if (isScanEntry(e) && e.scanId === scan.scanId && e.pageUrl === scan.pageUrl) {
      await cursor.update({ ...e, pictures: [...e.pictures, ...pictures] });
      return tx.done;
    }
  }
  await tx.store.add({ kind: 'scan', ...scan, pictures });
  await dropBeyond(limit, tx);
  await tx.done;
}

export async function listHistory(): Promise<StoredEntry[]> {
  const db = await openDatabase();
  return (await db.getAllFromIndex('history', 'byTime')).reverse();
}

export async function deleteFromHistory(id: number): Promise<void> {
  await (await openDatabase()).delete('history', id);
}

/** Puts entries back as they were, ids included: what undoing a delete or a "Clear all" needs. */
export async function restoreToHistory(entries: StoredEntry[]): Promise<void> {
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
  if (!entry || isScanEntry(entry)) throw new Error('That history entry no longer exists');
  await tx.store.put({ ...entry, correctedIndex });
  await tx.done;
}

export async function listCorrections(): Promise<HistoryEntry[]> {
  return (await listHistory()).filter((e): e is HistoryEntry => !isScanEntry(e) && e.correctedIndex !== undefined);
}

export async function clearCorrections(): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction('history', 'readwrite');
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    const e = cursor.value;
    if (!isScanEntry(e) && e.correctedIndex !== undefined) await cursor.update({ ...e, correctedIndex: undefined });
  }
  await tx.done;
}
