/**
 * A page scan's answers on their way to the scan's one history entry. They are gathered for a moment
 * and written together: one IndexedDB transaction for many answers, rather than one each, which made
 * the catalogue's scan take twice as long on a 2-core machine (bench:scan --against a build without
 * the writes). The badge never waits for them. A private window's scan follows the rule of single
 * answers (classify.ts): in memory only, and nothing once the last private window has closed.
 */
import { shortSource, type Classification, type ScanPicture } from '../../lib/messages';
import type { ScanAnswer } from '../../lib/storage/db';
import { addToScan, type ScanKey } from '../../lib/storage/history';
import { keepPrivateScanAnswers } from '../../lib/storage/private-answers';
import { privateWindowOpen } from './private-browsing';

/** How long answers wait to be written together: far less than a service worker's idle time (30 s). */
const GATHER_MS = 500;

const waiting = new Map<string, { scan: ScanKey; pictures: ScanAnswer[]; privateWindow: boolean }>();
let timer: ReturnType<typeof setTimeout> | undefined;

export function recordScanAnswer(picture: ScanPicture, pageUrl: string, classification: Classification, privateWindow = false): void {
  const key = JSON.stringify([picture.scanId, pageUrl]);
  const batch = waiting.get(key) ?? { scan: { scanId: picture.scanId, pageUrl, time: Date.now(), thumbnail: classification.thumbnail }, pictures: [], privateWindow };
  batch.pictures.push({ imageUrl: shortSource(picture.source), answer: classification.answer, modelVersion: classification.modelVersion });
  waiting.set(key, batch);
  timer ??= setTimeout(() => void write(), GATHER_MS);
}

async function write(): Promise<void> {
  timer = undefined;
  const batches = [...waiting.values()];
  waiting.clear();
  for (const { scan, pictures, privateWindow } of batches) {
    try {
      if (!privateWindow) await addToScan(scan, pictures);
      else if (await privateWindowOpen()) await keepPrivateScanAnswers(scan, pictures);
    } catch (err) {
      console.warn(`Garment Scout: ${pictures.length} answers of a page scan were not kept:`, (err as Error).message);
    }
  }
}
