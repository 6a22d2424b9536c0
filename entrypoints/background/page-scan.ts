/**
 * A page scan, from the service worker's side: the content script of the tab's top page finds the
 * pictures and asks for them one by one (entrypoints/content/page-scan.ts); this starts and stops it
 * and classifies each picture under the same rules as a right-click.
 */
import { sendMessage, type Classification, type ScanPicture } from '../../lib/messages';
import { classifyImage, tabRequestPrefix } from './classify';
import { recordScanAnswer } from './scan-history';

/** Starts the scan in the tab's top page, or stops the one running there. A page with no content script (the browser's own) has nothing to scan. */
export async function toggleScan(tabId: number): Promise<void> {
  await sendMessage('content:toggle-scan', undefined, { tabId, frameId: 0 }).catch(() => undefined);
}

/** The scan's ids start with the tab's prefix, so the tab going to another page or closing stops them too. */
const scanRequestId = (tabId: number, frameId: number, pictureId: number) => `${tabRequestPrefix(tabId)}${frameId}/scan/${pictureId}/`;

/**
 * Classifies one picture of a scan. The page (for the address rule) and the tab come from the browser's
 * sender, never from the message. There is no screen fallback: a scan reads files only.
 */
export async function classifyScanPicture(picture: ScanPicture, sender: { tab?: { id?: number; incognito?: boolean }; frameId?: number; url?: string }): Promise<Classification> {
  if (sender.tab?.id === undefined || !sender.url) throw new Error('A page scan runs only in a tab.');
  const requestId = scanRequestId(sender.tab.id, sender.frameId ?? 0, picture.pictureId);
  const classification = await classifyImage({ source: picture.source, crop: picture.crop, requestedBy: sender.url, requestId, scan: true });
  recordScanAnswer(picture, sender.url, classification, sender.tab.incognito);
  return classification;
}

