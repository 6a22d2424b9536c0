/**
 * A user's right-click and "Classify garment", as close as a test can get: a real right-click on the
 * element (the content script sees the contextmenu event), then the extension's real menu listener
 * called with what Chrome would pass, through `chrome.contextMenus.onClicked.dispatch` in the worker.
 */
import type { Page } from 'playwright-core';
import type { LoadedExtension } from './extension';

export async function classifyWithMenu(extension: LoadedExtension, page: Page, selector: string): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('garment-scout-answer').forEach((e) => e.remove()));
  const element = page.locator(selector);
  await element.scrollIntoViewIfNeeded();
  await element.click({ button: 'right' });
  const srcUrl = await element.evaluate((e) => (e instanceof HTMLImageElement ? e.currentSrc || e.src : undefined));
  await dispatchMenuClick(extension, page.url(), srcUrl);
}

export async function dispatchMenuClick(extension: LoadedExtension, pageUrl: string, srcUrl?: string): Promise<void> {
  const worker = await extension.serviceWorker();
  await worker.evaluate(
    async ({ pageUrl, srcUrl }) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl.replace(/#.*$/, '') });
      const info = { menuItemId: 'classify-garment', editable: false, frameId: 0, pageUrl, srcUrl, mediaType: srcUrl ? 'image' : undefined };
      (chrome.contextMenus.onClicked as unknown as { dispatch(i: object, t: object): void }).dispatch(info, tab);
    },
    { pageUrl, srcUrl },
  );
}

/** The text of the newest answer card once it has left the pending state. */
export async function overlayAnswer(page: Page, timeout = 60_000): Promise<{ state: string; text: string }> {
  const card = page.locator('garment-scout-answer .card:is([data-state="answer"], [data-state="error"])').last();
  await card.waitFor({ timeout });
  return { state: (await card.getAttribute('data-state'))!, text: (await card.innerText()).replace(/\s+/g, ' ') };
}
