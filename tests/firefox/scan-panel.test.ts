import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCataloguePages, type CataloguePages } from '../support/catalogue-pages';
import { GECKO_ID, launchFirefox, type LoadedFirefox } from './support/firefox';
import { scanBadges, scanVeils, type FirefoxScanBadge } from './support/scan-badges';

/**
 * The page scan's sidebar in Firefox. Most tests drive the panel's page in a tab of the same window,
 * which follows the tab in front as the sidebar does: WebDriver BiDi cannot drive the sidebar's page. The
 * last opens the real sidebar with the browser's own control (SidebarController, in the browser window's
 * scope) and reads and clicks its page through `extension.getViews` from a page of the extension.
 */
describe('Firefox: the page scan sidebar', () => {
  let firefox: LoadedFirefox;
  let catalogue: CataloguePages;
  let page: Page;
  let panel: Page;
  beforeAll(async () => {
    [firefox, catalogue] = await Promise.all([launchFirefox(), startCataloguePages()]);
    page = await firefox.newPage(`${catalogue.url}/catalogue`);
    await page.setViewport({ width: 1280, height: 720 });
    await page.reload();
    panel = await firefox.newPage(`${firefox.baseUrl}sidepanel.html`);
    await page.bringToFront();
  });
  afterAll(async () => {
    await firefox?.close();
    await catalogue?.close();
  });

  const poll = async <T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 120_000): Promise<T> => {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await read();
      if (ok(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const groupOfBadge = (b: FirefoxScanBadge) => (b.verdict === 'answer' ? String(b.classIndex) : b.verdict);
  const panelCounts = () =>
    panel.$$eval('[data-testid="scan-counts"] li', (items) => Object.fromEntries(items.map((li) => [(li as HTMLElement).dataset.group!, Number((li as HTMLElement).dataset.count)])));
  const tally = (groups: string[]) => Object.fromEntries([...new Set(groups)].map((g) => [g, groups.filter((x) => x === g).length]));
  const sorted = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort());

  it("starts a scan with its button, and its counts equal the badges on the page", async () => {
    await poll(() => panel.$eval('[data-testid="panel-toggle"]', (b) => !(b as HTMLButtonElement).disabled).catch(() => false), Boolean, 10_000);
    await panel.click('[data-testid="panel-toggle"]');
    const expected = catalogue.products + catalogue.largeFurniture;
    expect((await poll(() => scanBadges(firefox, page), (b) => b.length === expected)).length).toBe(expected);
    const listed = await poll(() => panel.$$eval('[data-testid="scan-pictures"] li', (li) => li.length), (n) => n === expected, 10_000);
    expect(listed).toBe(expected);
    expect(sorted(await panelCounts())).toEqual(sorted(tally((await scanBadges(firefox, page)).map(groupOfBadge))));
  });

  it('the filter veils every other picture, and only those', async () => {
    const badges = await scanBadges(firefox, page);
    const [group] = Object.entries(tally(badges.map(groupOfBadge))).filter(([g]) => /^\d+$/.test(g)).sort((a, b) => b[1] - a[1])[0];
    await panel.select('[data-testid="panel-filter"]', group);
    const others = badges.filter((b) => groupOfBadge(b) !== group).map((b) => b.pictureId).sort();
    const veiled = await poll(() => scanVeils(firefox, page), (v) => v.length === others.length, 10_000);
    expect(veiled.sort()).toEqual(others);
    await panel.select('[data-testid="panel-filter"]', '');
    expect(await poll(() => scanVeils(firefox, page), (v) => v.length === 0, 10_000)).toEqual([]);
  });

  it("a click on a picture in the panel's list scrolls the page to it", async () => {
    const last = `#p${catalogue.products - 1}`;
    const src = await page.$eval(last, (img) => (img as HTMLImageElement).currentSrc);
    const inView = () => page.$eval(last, (img) => { const box = img.getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight; });
    await page.evaluate(() => scrollTo(0, 0));
    expect(await inView()).toBe(false);
    await panel.click(`[data-testid="scan-pictures"] button[title="${src}"]`);
    expect(await poll(inView, Boolean, 10_000)).toBe(true);
  });

  it('the scan is one history entry in the popup', async () => {
    const popup = await firefox.newPage(`${firefox.baseUrl}popup.html`);
    const kinds = await poll(() => popup.$$eval('[data-testid="history-entry"]', (rows) => rows.map((r) => (r as HTMLElement).dataset.kind ?? 'answer')), (k) => k.length > 0, 10_000);
    expect(kinds).toEqual(['scan']);
    expect(await popup.$eval('[data-testid="scan-summary"]', (e) => (e as HTMLElement).innerText)).toMatch(/^\d+ pictures: \d+ \S/);
    await popup.close();
  });

  it('closing the panel stops the scan', async () => {
    await page.bringToFront();
    await page.goto(`${catalogue.url}/many`);
    await poll(() => panel.$eval('[data-testid="panel-toggle"]', (b) => !(b as HTMLButtonElement).disabled).catch(() => false), Boolean, 10_000);
    await panel.click('[data-testid="panel-toggle"]');
    expect((await poll(() => scanBadges(firefox, page), (b) => b.length > 0, 60_000)).length).toBeGreaterThan(0);
    await panel.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.$eval('#p600', (e) => e.scrollIntoView());
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await scanBadges(firefox, page)).map((b) => b.pictureId)).not.toContain('p600');
  });

  it('the real sidebar counts what the scan badges, and closing it stops the scan', async () => {
    // Firefox's id of an add-on's sidebar: the add-on's id with anything but [a-z0-9_-] as '_', and a suffix.
    const sidebar = JSON.stringify(`${GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-sidebar-action`);
    // An extension page to reach the sidebar's document from, opened first so the catalogue is the tab in front.
    const extensionTab = await firefox.newPage(`${firefox.baseUrl}popup.html`);
    await page.goto(`${catalogue.url}/catalogue`);
    await page.bringToFront();
    const inSidebar = <T>(body: string): Promise<T> =>
      extensionTab.evaluate((body) => {
        const [view] = (globalThis as unknown as { browser: { extension: { getViews(o: object): Window[] } } }).browser.extension.getViews({ type: 'sidebar' });
        return view ? new Function('document', body)(view.document) : undefined;
      }, body) as Promise<T>;
    const readCounts = () =>
      inSidebar<Record<string, number>>(`return Object.fromEntries([...document.querySelectorAll('[data-testid="scan-counts"] li')].map((li) => [li.dataset.group, Number(li.dataset.count)]))`);
    try {
      await firefox.inChrome(`SidebarController.show(${sidebar})`);
      await poll(() => inSidebar<boolean>(`const b = document.querySelector('[data-testid="panel-toggle"]'); return !!b && !b.disabled`), Boolean, 10_000);
      await inSidebar(`document.querySelector('[data-testid="panel-toggle"]').click()`);
      const expected = catalogue.products + catalogue.largeFurniture;
      expect((await poll(() => scanBadges(firefox, page), (b) => b.length === expected)).length).toBe(expected);
      const badges = await scanBadges(firefox, page);
      expect(sorted(await poll(readCounts, (c) => Object.values(c ?? {}).reduce((a, b) => a + b, 0) === expected, 10_000))).toEqual(sorted(tally(badges.map(groupOfBadge))));

      await firefox.inChrome('SidebarController.hide()');
      await new Promise((resolve) => setTimeout(resolve, 500)); // the port's close reaches the page
      // Pictures that appear on screen after it find no scan to take them.
      await page.evaluate(() => {
        for (const n of [97, 98, 99]) document.getElementById('grid')!.insertAdjacentHTML('afterbegin', `<img id="late${n}" src="/p/${n}.png" style="width:120px;height:120px">`);
        scrollTo(0, 0);
      });
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect((await scanBadges(firefox, page)).length).toBe(expected);
    } finally {
      await extensionTab.close();
    }
  });
});
