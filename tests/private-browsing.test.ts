/**
 * Private browsing leaves nothing on disk: with the extension allowed in Incognito, an answer from an
 * incognito tab is shown on the page and in that window's popup, but never written to the history
 * in IndexedDB, and it is forgotten once the last private window closes. An answer from a normal tab
 * still lands in the history, so the test can tell the two apart. A page scan in an incognito tab
 * follows the same rule, as one entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { classifyWithMenu, overlayAnswer } from './support/context-menu';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { readHistory } from './support/history-store';
import { scanBadges, toggleScanWithMenu } from './support/scan-badges';
import { startShopPages, type ShopPages } from './support/shop-pages';

describe('private browsing', () => {
  let extension: LoadedExtension;
  let shop: ShopPages;
  let privateWindowId: number;
  let privatePage: Page;
  /** An extension page in a normal window, to read the lasting history from. */
  let extensionPage: Page;

  beforeAll(async () => {
    [extension, shop] = await Promise.all([launchWithExtension(), startShopPages()]);
    await extension.allowInIncognito();
    extensionPage = await extension.openPage('popup.html');
  });
  afterAll(async () => {
    await extension?.close();
    await shop?.close();
  });

  /** What the extension holds in memory for private windows (storage.session), read in its worker. */
  const privateAnswers = async () =>
    (await extension.serviceWorker()).evaluate(async () => {
      const { privateAnswers } = await chrome.storage.session.get('privateAnswers');
      const kept = (privateAnswers as { answers: { pageUrl: string; imageUrl: string; answer: { label: string } }[] } | undefined)?.answers ?? [];
      return kept.map((e) => ({ pageUrl: e.pageUrl, imageUrl: e.imageUrl, label: e.answer.label }));
    });

  it('opens a real incognito tab with the content script in it', async () => {
    const worker = await extension.serviceWorker();
    expect(await worker.evaluate(() => chrome.extension.isAllowedIncognitoAccess())).toBe(true);
    const opened = extension.context.waitForEvent('page', { predicate: (p) => p.url() === shop.url });
    const created = await worker.evaluate((url) => chrome.windows.create({ incognito: true, url }), shop.url);
    expect(created?.incognito).toBe(true);
    privateWindowId = created!.id!;
    privatePage = await opened;
    await privatePage.waitForLoadState();
    const tabs = await worker.evaluate((url) => chrome.tabs.query({ url }), shop.url);
    expect(tabs.map((t) => t.incognito)).toEqual([true]);
  });

  it('answers on the page but writes nothing to the lasting history', async () => {
    await classifyWithMenu(extension, privatePage, '#same');
    const { state, text } = await overlayAnswer(privatePage);
    expect(state, text).toBe('answer');
    expect(text).toContain('Ankle boot · ');
    // The answer was kept, in memory: by then a write to the history would have been made too.
    await expect.poll(privateAnswers).toEqual([{ pageUrl: shop.url, imageUrl: `${shop.url}img/boot.png`, label: 'Ankle boot' }]);
    expect(await readHistory(extensionPage)).toEqual([]);
  });

  it("shows the private answer only in a private window's popup, marked as not kept", async () => {
    await extensionPage.reload();
    await expect.poll(() => extensionPage.getByTestId('latest').innerText()).toContain('Right-click a product picture');
    expect(await extensionPage.getByTestId('history-entry').count()).toBe(0);

    // The toolbar button's popup, opened on the private window. Playwright does not attach to popups,
    // but an extension page can read another one's DOM: chrome.extension.getViews.
    await (await extension.serviceWorker()).evaluate((windowId) => chrome.action.openPopup({ windowId }), privateWindowId);
    const readPopup = () =>
      extensionPage.evaluate((windowId) => {
        const [popup] = chrome.extension.getViews({ type: 'popup', windowId });
        const entries = [...(popup?.document.querySelectorAll<HTMLElement>('[data-testid="history-entry"]') ?? [])];
        return {
          latest: popup?.document.querySelector<HTMLElement>('[data-testid="latest"]')?.innerText.replace(/\s+/g, ' '),
          entries: entries.map((e) => ({
            text: e.innerText.replace(/\s+/g, ' '),
            mark: e.querySelector<HTMLElement>('[data-testid="private-mark"]')?.innerText,
            // Corrections are kept to fine-tune the model: a private answer takes none.
            corrections: e.querySelectorAll('select').length,
          })),
        };
      }, privateWindowId);
    await expect.poll(async () => (await readPopup()).entries.length).toBe(1);
    const { latest, entries } = await readPopup();
    expect(latest).toMatch(/Ankle boot.*Private window · not kept/);
    expect(entries).toEqual([{ text: expect.stringContaining('Ankle boot'), mark: 'Private window · not kept', corrections: 0 }]);
    await extensionPage.evaluate((windowId) => chrome.extension.getViews({ type: 'popup', windowId })[0]?.close(), privateWindowId);
  });

  it("keeps a private tab's page scan as one entry in memory, and nothing on disk", async () => {
    await toggleScanWithMenu(extension, privatePage.url());
    const scans = async () =>
      (await extension.serviceWorker()).evaluate(async () => {
        const { privateAnswers } = await chrome.storage.session.get('privateAnswers');
        const kept = (privateAnswers as { answers: { kind?: string; pageUrl: string; pictures?: unknown[] }[] }).answers;
        return kept.filter((e) => e.kind === 'scan').map((e) => ({ pageUrl: e.pageUrl, pictures: e.pictures!.length }));
      });
    // Every answered badge is in the one entry (the page's pictures are all near the viewport).
    const answered = async () => (await scanBadges(privatePage)).filter((b) => b.verdict !== 'error').length;
    await expect.poll(async () => {
      const [kept, badged] = [await scans(), await answered()];
      return badged > 1 && kept.length === 1 && kept[0].pictures === badged ? kept : [...kept, { badged }];
    }, { timeout: 60_000, interval: 500 }).toEqual([{ pageUrl: shop.url, pictures: expect.any(Number) }]);
    expect(await readHistory(extensionPage)).toEqual([]);
  });

  it('forgets private answers when the last private window closes', async () => {
    await (await extension.serviceWorker()).evaluate((windowId) => chrome.windows.remove(windowId), privateWindowId);
    await expect.poll(privateAnswers).toEqual([]);
    expect(await readHistory(extensionPage)).toEqual([]);
  });

  it('still keeps answers from a normal tab in the history', async () => {
    const page = await extension.context.newPage();
    await page.goto(`${shop.url}again`);
    await classifyWithMenu(extension, page, '#same');
    expect((await overlayAnswer(page)).text).toContain('Ankle boot · ');
    await expect.poll(async () => (await readHistory(extensionPage)).map((e) => [e.pageUrl, e.answer.label])).toEqual([[`${shop.url}again`, 'Ankle boot']]);
    expect(await privateAnswers()).toEqual([]);
  });
});
