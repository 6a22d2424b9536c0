/** Chrome's host for the classifier page: the offscreen document (Chrome 109+). */
import { browser } from 'wxt/browser';
import type { ClassifierHost } from './classifier-host';

const PATH = '/offscreen.html';

export const chromeOffscreenDocument: ClassifierHost = {
  async isOpen() {
    const contexts = await chrome.runtime.getContexts({
      contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
      documentUrls: [browser.runtime.getURL(PATH)],
    });
    return contexts.length > 0;
  },
  async open() {
    await chrome.offscreen
      .createDocument({
        url: PATH,
        reasons: [chrome.offscreen.Reason.BLOBS],
        justification: 'Decode images and run the garment classifier (TensorFlow.js on WebAssembly).',
      })
      .catch((err: Error) => {
        // Another creation won the race: the document exists, which is all we need.
        if (!/single offscreen document/i.test(err.message)) throw err;
      });
  },
};
