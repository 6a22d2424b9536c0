/**
 * A user's right-click and "Classify garment", as close as a test can get: a real right-click on the
 * element (the content script sees the contextmenu event), then the extension's real menu listener
 * called with what Chrome would pass, through `chrome.contextMenus.onClicked.dispatch` in the worker.
 */
import type { Page } from 'playwright-core';
import { answerCards, removeAnswerCards } from './answer-cards';
import type { LoadedExtension } from './extension';

export async function classifyWithMenu(extension: LoadedExtension, page: Page, selector: string): Promise<void> {
  await removeAnswerCards(page);
  const element = page.locator(selector);
  await element.scrollIntoViewIfNeeded();
  await element.click({ button: 'right' });
  const srcUrl = await element.evaluate((e) => (e instanceof HTMLImageElement ? e.currentSrc || e.src : undefined));
  await dispatchMenuClick(extension, page.url(), srcUrl);
}

/** `more` is the rest of what Chrome passes for the point: `mediaType`, `linkUrl`, `frameId` and `frameUrl` in a frame. */
export async function dispatchMenuClick(
  extension: LoadedExtension,
  pageUrl: string,
  srcUrl?: string,
  more: { mediaType?: string; linkUrl?: string; frameId?: number; frameUrl?: string } = {},
): Promise<void> {
  const worker = await extension.serviceWorker();
  await worker.evaluate(
    async ({ pageUrl, srcUrl, more }) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl.replace(/#.*$/, '') });
      const info = { menuItemId: 'classify-garment', editable: false, frameId: 0, pageUrl, srcUrl, mediaType: srcUrl ? 'image' : undefined, ...more };
      (chrome.contextMenus.onClicked as unknown as { dispatch(i: object, t: object): void }).dispatch(info, tab);
    },
    { pageUrl, srcUrl, more },
  );
}

/** The state and text of the newest answer card once it has left the pending state. */
export async function overlayAnswer(page: Page, timeout = 60_000): Promise<{ state: string; text: string; details: string }> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const newest = (await answerCards(page)).at(-1);
    if (newest && newest.state !== 'pending') return { state: newest.state, text: newest.text, details: newest.details };
    if (Date.now() > deadline) throw new Error(`No answer card left 'pending' within ${timeout} ms (newest: ${newest?.state ?? 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
