/**
 * Firefox's host for the classifier page: Firefox has no offscreen API, but its MV3 background is an
 * event page with a DOM, so the page runs in an iframe there. It lives at most as long as the event page:
 * when Firefox suspends an idle event page the iframe and its model go too, and the next click loads
 * them again. The page may also remove its own iframe when idle (entrypoints/offscreen/idle-close.ts).
 */
import { browser } from 'wxt/browser';
import type { ClassifierHost } from './classifier-host';

const frame = () => document.querySelector<HTMLIFrameElement>('iframe#classifier');

export const classifierIframe: ClassifierHost = {
  isOpen: async () => frame() !== null,
  open: (path) =>
    new Promise<void>((resolve, reject) => {
      const iframe = Object.assign(document.createElement('iframe'), { id: 'classifier', src: browser.runtime.getURL(path as '/') });
      // `load` comes after the page's module scripts have run, so its listeners are in place.
      iframe.addEventListener('load', () => resolve(), { once: true });
      iframe.addEventListener('error', () => (iframe.remove(), reject(new Error('The classifier page could not be opened.'))), { once: true });
      document.body.append(iframe);
    }),
};
