/** Chrome's host for the classifier page: the offscreen document (Chrome 109+). */
import type { ClassifierHost } from './classifier-host';

export const chromeOffscreenDocument: ClassifierHost = {
  async isOpen() {
    // An extension has at most one offscreen document, and this is the only one this one makes.
    const contexts = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] });
    return contexts.length > 0;
  },
  async open(path) {
    await chrome.offscreen
      .createDocument({
        url: path,
        reasons: [chrome.offscreen.Reason.BLOBS],
        justification: 'Decode images and run the garment classifier (TensorFlow.js on WebAssembly).',
      })
      .catch((err: Error) => {
        // Another creation won the race: the document exists, which is all we need.
        if (!/single offscreen document/i.test(err.message)) throw err;
      });
  },
};
