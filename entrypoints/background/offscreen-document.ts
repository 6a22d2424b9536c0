/**
 * The classifier page (entrypoints/offscreen/), one at a time, in whichever host the browser has: Chrome's
 * offscreen document, or in Firefox, which has no offscreen API, an iframe of the background event page.
 * Chosen at build time, so each build carries only its own host. Created on demand, creation races
 * joined, and a request that was lost because the page closed (or was not listening yet, or was
 * closing itself after idling) sent again to a fresh one. The messages are the same in both browsers.
 */
import { classifierIframe } from './classifier-iframe';
import { chromeOffscreenDocument } from './chrome-offscreen';
import { CLASSIFIER_CLOSING } from '../../lib/messages';
import { classifierIdleMs } from '../../lib/storage/classifier-idle';
import type { ClassifierHost } from './classifier-host';

const host: ClassifierHost = import.meta.env.FIREFOX ? classifierIframe : chromeOffscreenDocument;
let creating: Promise<void> | undefined;

export async function ensureOffscreenDocument(): Promise<void> {
  if (await host.isOpen()) return;
  // Marked for `npm run bench:e2e`'s split of a cold click; one mark, replaced at each opening.
  performance.clearMarks('classifier-page-opening');
  performance.mark('classifier-page-opening');
  creating ??= classifierIdleMs()
    .then((idleMs) => host.open(`/offscreen.html?idleMs=${idleMs}`))
    .finally(() => (creating = undefined));
  await creating;
}

/** Errors that mean the message never reached a live page, as opposed to an answer that failed. */
const NOT_DELIVERED = new RegExp(
  `Receiving end does not exist|message (port|channel) closed|No response|Could not establish connection|${CLASSIFIER_CLOSING}`,
  'i',
);

/** Sends only if the page is open: a message that is no use to a fresh page does not create one. */
export async function tellOffscreenIfOpen(send: () => Promise<void>): Promise<void> {
  if (await host.isOpen()) await send().catch((err: Error) => console.warn('Garment Scout:', err.message));
}

export async function askOffscreen<T>(send: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    await ensureOffscreenDocument();
    try {
      return await send();
    } catch (err) {
      if (attempt >= attempts || !NOT_DELIVERED.test((err as Error).message)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
