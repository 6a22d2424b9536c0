import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASS_NAMES } from '../lib/classes';
import { answerCards } from './support/answer-cards';
import { startCataloguePages, type CataloguePages } from './support/catalogue-pages';
import { classifyWithMenu, overlayAnswer } from './support/context-menu';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { badgeOn, focusBadgeOn, scanBadges, toggleScanWithMenu, type ScanBadge } from './support/scan-badges';
import { startStuckServer, type StuckServer } from './support/stuck-server';

describe('"Classify all garments on this page"', () => {
  let extension: LoadedExtension;
  let catalogue: CataloguePages;
  let stuck: StuckServer;
  let page: Page;
  beforeAll(async () => {
    [extension, catalogue, stuck] = await Promise.all([launchWithExtension(), startCataloguePages(), startStuckServer()]);
    page = await extension.context.newPage();
  });
  afterAll(async () => {
    await extension?.close();
    await Promise.all([catalogue?.close(), stuck?.close()]);
  });

  const open = async (path: string) => {
    await page.goto(`${catalogue.url}${path}`);
    await page.waitForLoadState('load');
  };
  const badgeCount = async () => (await scanBadges(page)).length;

  /** Whether each of `selectors` has a badge on its corner, read in one go. */
  async function badged(selectors: string[]): Promise<boolean[]> {
    const corners = await page.evaluate((selectors) => selectors.map((s) => {
      const box = document.querySelector(s)!.getBoundingClientRect();
      return { x: box.left + scrollX + 4, y: box.top + scrollY + 4 };
    }), selectors);
    const badges = await scanBadges(page);
    return corners.map((c) => badges.some((b: ScanBadge) => Math.abs(b.x - c.x) < 1 && Math.abs(b.y - c.y) < 1));
  }
  const products = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `#p${from + i}`);

  it('has a page menu entry beside "Classify garment", and a shortcut of its own', async () => {
    const worker = await extension.serviceWorker();
    // The entries are made when the extension is installed, which may still be under way as the tests start.
    const updateMenu = () =>
      worker.evaluate(
        () =>
          new Promise<string>((resolve) =>
            chrome.contextMenus.update('classify-page', { title: 'Classify all garments on this page' }, () => resolve(chrome.runtime.lastError?.message ?? 'ok')),
          ),
      );
    await expect.poll(updateMenu, { timeout: 10_000 }).toBe('ok');
    const shortcut = await worker.evaluate(async () => (await chrome.commands.getAll()).find((c) => c.name === 'classify-page')?.shortcut);
    expect(shortcut).toBe('Alt+Shift+S');
  });

  it('badges every product picture and the large furniture, never an icon, and moves nothing on the page', async () => {
    await open('/catalogue');
    const layout = () => page.evaluate(() => [...document.querySelectorAll('img, div')].map((e) => JSON.stringify(e.getBoundingClientRect())).join());
    const before = await layout();
    await toggleScanWithMenu(extension, page.url());
    const expected = catalogue.products + catalogue.largeFurniture;
    await expect.poll(badgeCount, { timeout: 90_000, interval: 500 }).toBe(expected);
    expect(await badged(products(0, catalogue.products))).not.toContain(false);
    expect(await badged(['#banner', '#logo', '#landscape', '#hero'])).toEqual([true, true, true, true]);
    expect(await badged(['.icons img'])).toEqual([false]);
    const badges = await scanBadges(page);
    for (const badge of badges) expect(['answer', 'unsure', 'out-of-scope']).toContain(badge.verdict);
    expect(await badgeCount()).toBe(expected);
    expect(await layout()).toBe(before);
  });

  it("a badge's focus shows the full answer card", async () => {
    expect(await answerCards(page)).toEqual([]);
    await focusBadgeOn(page, '#p0');
    await expect.poll(async () => (await answerCards(page)).map((c) => c.state)).toEqual(['answer']);
    const badge = await badgeOn(page, '#p0');
    const [card] = await answerCards(page);
    expect(card.text).toContain(badge!.verdict === 'out-of-scope' ? 'Not one of the 10 kinds' : CLASS_NAMES[badge!.classIndex!]);
    await page.locator('#banner').click(); // the focus leaves the badge
    await expect.poll(async () => (await answerCards(page)).length).toBe(0);
  });

  it("tells the page's scripts nothing: empty hosts, no shadow root they can reach, no answer in the page's HTML", async () => {
    const seen = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('garment-scout-badge')];
      return { hosts: hosts.length, open: hosts.filter((h) => h.shadowRoot !== null || h.innerHTML !== '').length, html: document.documentElement.outerHTML };
    });
    expect(seen.hosts).toBe(catalogue.products + catalogue.largeFurniture);
    expect(seen.open).toBe(0);
    for (const name of CLASS_NAMES) expect(seen.html).not.toContain(`${name} · `);
    expect(seen.html).not.toContain('data-verdict');
  });

  it('badges the 20 products the infinite scroll adds', async () => {
    await page.evaluate(() => document.getElementById('end')!.scrollIntoView());
    await expect.poll(() => page.locator('#grid img').count()).toBe(catalogue.products + catalogue.added);
    const all = catalogue.products + catalogue.largeFurniture + catalogue.added;
    await expect.poll(badgeCount, { timeout: 90_000, interval: 500 }).toBe(all);
    expect(await badged(products(catalogue.products, catalogue.products + catalogue.added))).not.toContain(false);
  });

  it('gives the same answer as a right-click on the same picture', async () => {
    const sample = ['#p0', '#p1', '#p2', '#p5', '#p7'];
    let compared = 0;
    for (const selector of sample) {
      await page.locator(selector).scrollIntoViewIfNeeded();
      const badge = await badgeOn(page, selector);
      expect(badge, selector).toBeDefined();
      if (badge!.verdict !== 'answer') continue;
      await classifyWithMenu(extension, page, selector);
      const { state, text } = await overlayAnswer(page);
      expect(state).toBe('answer');
      expect(text).toContain(`${CLASS_NAMES[badge!.classIndex!]} · `);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('a stuck image server delays only its own badge', async () => {
    await open(`/catalogue?stuck=${encodeURIComponent(stuck.url)}`);
    await toggleScanWithMenu(extension, page.url());
    const expected = catalogue.products + catalogue.largeFurniture;
    await expect.poll(badgeCount, { timeout: 90_000, interval: 250 }).toBe(expected);
    // Every other picture has its badge while the stuck one is still being read.
    expect(stuck.openRequests()).toBe(1);
    expect(await badged(['#stuck'])).toEqual([false]);
    // Its own badge comes at the time limit, marked as unread.
    await expect.poll(async () => (await badgeOn(page, '#stuck'))?.verdict, { timeout: 60_000, interval: 1_000 }).toBe('error');
  });

  it('going to another page stops the scan and drops its reads', async () => {
    await open(`/catalogue?stuck=${encodeURIComponent(stuck.url)}`);
    await toggleScanWithMenu(extension, page.url());
    await expect.poll(() => stuck.openRequests(), { timeout: 30_000 }).toBe(1);
    await open('/plain');
    // Long before the read's time limit.
    await expect.poll(() => stuck.openRequests(), { timeout: 5_000 }).toBe(0);
    await open('/catalogue');
    await page.waitForTimeout(2_000);
    expect(await badgeCount()).toBe(0);
  });

  it('on a page of 1,000 pictures, scans only what is near the viewport, and what comes near as it scrolls', async () => {
    await open('/many');
    await toggleScanWithMenu(extension, page.url());
    const viewportHeight = await page.evaluate(() => innerHeight);
    // Wait until the scan has taken everything near the viewport.
    let previous = -1;
    await expect.poll(async () => {
      const count = await badgeCount();
      const settled = count > 0 && count === previous;
      previous = count;
      return settled;
    }, { timeout: 90_000, interval: 2_000 }).toBe(true);
    const first = await scanBadges(page);
    expect(first.length).toBeLessThan(300);
    expect(Math.max(...first.map((b) => b.y))).toBeLessThan(2 * viewportHeight + 4);
    expect(await badged(['#p0', '#p8'])).toEqual([true, true]);
    expect(await badged(['#p999'])).toEqual([false]);

    // Scrolled far down, the pictures there come near and are taken too.
    await page.locator('#p600').scrollIntoViewIfNeeded();
    await expect.poll(async () => (await badged(['#p600']))[0], { timeout: 60_000 }).toBe(true);
  });

  it('the shortcut stops a running scan: nothing new is badged after it', async () => {
    await page.locator('#p900').scrollIntoViewIfNeeded();
    await expect.poll(async () => (await badged(['#p900']))[0], { timeout: 60_000 }).toBe(true);
    const worker = await extension.serviceWorker();
    await worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      (chrome.commands.onCommand as unknown as { dispatch(c: string, t: object): void }).dispatch('classify-page', tab);
    }, page.url());
    await page.waitForTimeout(500); // the stop reaches the page
    const before = await badgeCount();
    await page.locator('#p300').scrollIntoViewIfNeeded();
    await page.waitForTimeout(3_000);
    expect(await badged(['#p300'])).toEqual([false]);
    expect(await badgeCount()).toBe(before);
  });

  it('takes no new picture while the page scrolls, and what is near once the scrolling rests', async () => {
    await open('/many');
    await toggleScanWithMenu(extension, page.url());
    await page.locator('#p300').scrollIntoViewIfNeeded();
    let previous = -1;
    await expect.poll(async () => {
      const count = await badgeCount();
      const settled = count === previous;
      previous = count;
      return settled;
    }, { timeout: 90_000, interval: 2_000 }).toBe(true);
    const before = await badgeCount();
    // Upwards from #p300, a step every 30 ms for 2 s: the scrolling never rests for the scan's 150 ms.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const started = performance.now();
          const timer = setInterval(() => {
            scrollBy(0, -60);
            if (performance.now() - started < 2000) return;
            clearInterval(timer);
            resolve();
          }, 30);
        }),
    );
    expect(await badgeCount()).toBe(before);
    await expect.poll(badgeCount, { timeout: 60_000 }).toBeGreaterThan(before);
  });
});
