/**
 * Exactly one offscreen document: created on demand, creation races joined, and a request that was
 * lost because the document closed (or was not listening yet) sent again to a fresh one.
 */
import { browser } from 'wxt/browser';

const PATH = '/offscreen.html';
let creating: Promise<void> | undefined;

async function documentExists(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [browser.runtime.getURL(PATH)],
  });
  return contexts.length > 0;
}

export async function ensureOffscreenDocument(): Promise<void> {
  if (await documentExists()) return;
  creating ??= chrome.offscreen
    .createDocument({
      url: PATH,
      reasons: [chrome.offscreen.Reason.BLOBS],
      justification: 'Decode images and run the garment classifier (TensorFlow.js on WebAssembly).',
    })
    .catch((err: Error) => {
      // Another creation won the race: the document exists, which is all we need.
      if (!/single offscreen document/i.test(err.message)) throw err;
    })
    .finally(() => (creating = undefined));
  await creating;
}

/** Errors that mean the message never reached a live document, as opposed to an answer that failed. */
const NOT_DELIVERED = /Receiving end does not exist|message (port|channel) closed|No response|Could not establish connection/i;

/** Sends only if the document is open: a message that is no use to a fresh document does not create one. */
export async function tellOffscreenIfOpen(send: () => Promise<void>): Promise<void> {
  if (await documentExists()) await send().catch((err: Error) => console.warn('Garment Scout:', err.message));
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
