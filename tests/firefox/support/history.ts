/** The add-on's history store, read from one of its own pages (IndexedDB belongs to the add-on's origin). */
import type { HistoryEntry } from '../../../lib/storage/db';
import { DB_NAME } from '../../../lib/storage/db';
import type { LoadedFirefox } from './firefox';

export async function readHistory(firefox: LoadedFirefox): Promise<Omit<HistoryEntry, 'seen'>[]> {
  const page = await firefox.newPage(`${firefox.baseUrl}popup.html`);
  try {
    return await page.evaluate(async (name) => {
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
    }, DB_NAME);
  } finally {
    await page.close();
  }
}
