/** The add-on's history store, read from one of its own pages (IndexedDB belongs to the add-on's origin). */
import type { HistoryEntry } from '../../../lib/storage/db';
import { historyInPage } from '../../support/history-store';
import { DB_NAME } from '../../../lib/storage/db';
import type { LoadedFirefox } from './firefox';

export async function readHistory(firefox: LoadedFirefox): Promise<Omit<HistoryEntry, 'seen'>[]> {
  const page = await firefox.newPage(`${firefox.baseUrl}popup.html`);
  try {
    return await page.evaluate(historyInPage, DB_NAME);
  } finally {
    await page.close();
  }
}
