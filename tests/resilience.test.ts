import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { classifyWithMenu, dispatchMenuClick, overlayAnswer } from './support/context-menu';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { startShopPages, type ShopPages } from './support/shop-pages';

describe('the classifier under stress', () => {
  let extension: LoadedExtension;
  let shop: ShopPages;
  let page: Page;

  beforeAll(async () => {
    [extension, shop] = await Promise.all([launchWithExtension(), startShopPages()]);
    page = await extension.context.newPage();
    await page.goto(shop.url);
  });
  afterAll(async () => {
    await extension?.close();
    await shop?.close();
  });

  const answeredCards = () => page.locator('garment-scout-answer .card[data-state="answer"]');
  const clearOverlays = () => page.evaluate(() => document.querySelectorAll('garment-scout-answer').forEach((e) => e.remove()));

  it('answers after the service worker was stopped between two classifications', async () => {
    await classifyWithMenu(extension, page, '#same');
    expect((await overlayAnswer(page)).state).toBe('answer');
    await (await extension.serviceWorker()).evaluate(() => ((globalThis as { marker?: number }).marker = 1));
    await extension.stopServiceWorker();
    await classifyWithMenu(extension, page, '#cross'); // wakes a new worker, as Chrome would for a menu click
    expect((await overlayAnswer(page)).state).toBe('answer');
    // It really was a new worker: nothing of the old one's memory is left.
    expect(await (await extension.serviceWorker()).evaluate(() => (globalThis as { marker?: number }).marker)).toBeUndefined();
  });

  it('answers every request when the offscreen document is closed mid-queue', async () => {
    await clearOverlays();
    const src = await page.locator('#same').evaluate((img: HTMLImageElement) => img.currentSrc);
    for (let i = 0; i < 5; i++) await dispatchMenuClick(extension, page.url(), src);
    await (await extension.serviceWorker()).evaluate(() => chrome.offscreen.closeDocument());
    await expect.poll(() => answeredCards().count(), { timeout: 60_000 }).toBe(5);
  });

  it('answers all of 30 rapid requests', async () => {
    await clearOverlays();
    const src = await page.locator('#cross').evaluate((img: HTMLImageElement) => img.currentSrc);
    await Promise.all(Array.from({ length: 30 }, () => dispatchMenuClick(extension, page.url(), src)));
    await expect.poll(() => answeredCards().count(), { timeout: 90_000 }).toBe(30);
    expect(await page.locator('garment-scout-answer .card[data-state="error"]').count()).toBe(0);
  });
});
