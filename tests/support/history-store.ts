/**
 * The extension's history store, written and read from one of its pages: to have answers that no
 * picture on the shop page is sure to give (out of scope, or stored by an older version), and to
 * check what the UI stored.
 */
import type { Page } from 'playwright-core';
import type { verdictOf } from '../../lib/answer';
import { DB_NAME, type HistoryEntry } from '../../lib/storage/db';

/** An entry as any version stored it: older answers have `unsure` instead of a verdict and a score. */
export type StoredEntry = Omit<HistoryEntry, 'id' | 'answer'> & { answer: Parameters<typeof verdictOf>[0] };

export async function addHistoryEntry(page: Page, entry: StoredEntry): Promise<void> {
  await page.evaluate(
    async ({ name, entry }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction('history', 'readwrite');
      tx.objectStore('history').add({ ...entry, seen: Uint8Array.from(entry.seen) });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    // Plain numbers cross into the page; the store keeps a Uint8Array, as the extension writes it.
    { name: DB_NAME, entry: { ...entry, seen: [...entry.seen] } },
  );
}

/**
 * Every history entry but its picture, read inside one of the extension's pages: the one function
 * both browsers' drivers hand to their `page.evaluate`, with DB_NAME.
 */
export async function historyInPage(name: string): Promise<Omit<HistoryEntry, 'seen'>[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const all = await new Promise<HistoryEntry[]>((resolve, reject) => {
    const request = db.transaction('history').objectStore('history').getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return all.map(({ seen: _, ...entry }) => entry);
}

export async function readHistory(page: Page): Promise<Omit<HistoryEntry, 'seen'>[]> {
  return page.evaluate(historyInPage, DB_NAME);
}
