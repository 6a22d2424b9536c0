import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { CLASS_NAMES } from '../lib/classes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessibleInLightAndDark } from './support/axe';
import { startCataloguePages, type CataloguePages } from './support/catalogue-pages';
import { connectDevTools, launchWithExtension, type LoadedExtension } from './support/extension';
import { readHistory } from './support/history-store';
import { badgeOn, scanBadges, scanVeils, type ScanBadge } from './support/scan-badges';

/**
 * The page scan's side panel. Most tests drive the panel's page in a tab of the same window, which
 * follows the tab in front as the side panel does (entrypoints/sidepanel/use-page-scan.ts), so Playwright
 * can reach it directly; the last opens the real side panel from the toolbar's popup, as a user does,
 * and reaches both over a DevTools connection (connectDevTools).
 */
describe('the page scan side panel', () => {
  let extension: LoadedExtension;
  let catalogue: CataloguePages;
  let page: Page;
  let panel: Page;
  beforeAll(async () => {
    [extension, catalogue] = await Promise.all([launchWithExtension(), startCataloguePages()]);
    page = await extension.context.newPage();
  });
  afterAll(async () => {
    await extension?.close();
    await catalogue?.close();
  });

  const open = async (path: string) => {
    await page.goto(`${catalogue.url}${path}`);
    await page.waitForLoadState('load');
  };
  /** The panel, opened beside the catalogue page, once it has linked to it. */
  const openPanel = async () => {
    panel = await extension.openPage('sidepanel.html');
    await page.bringToFront();
    await expect.poll(() => panel.getByTestId('panel-toggle').isEnabled(), { timeout: 10_000 }).toBe(true);
  };
  const badgeCount = async () => (await scanBadges(page)).length;
  /** The badges' groups as the panel counts them: the class of a sure answer, else the verdict. */
  const groupOfBadge = (b: ScanBadge) => (b.verdict === 'answer' ? String(b.classIndex) : b.verdict);
  const tally = (groups: string[]) => Object.fromEntries([...new Set(groups)].sort().map((g) => [g, groups.filter((x) => x === g).length]));
  const panelCounts = async (inPanel = panel) =>
    tally(
      (await inPanel.getByTestId('scan-counts').locator('li').evaluateAll((items: HTMLElement[]) => items.map((li) => [li.dataset.group!, Number(li.dataset.count)] as const))).flatMap(([g, n]) =>
        Array<string>(n).fill(g),
      ),
    );

  it('starts a scan with its button, and its counts equal the badges on the page', async () => {
    await open('/catalogue');
    await openPanel();
    expect(await panel.getByTestId('panel-progress').innerText()).toBe('No scan on this page yet.');
    await panel.getByTestId('panel-toggle').click();
    const expected = catalogue.products + catalogue.largeFurniture;
    await expect.poll(badgeCount, { timeout: 90_000, interval: 500 }).toBe(expected);
    await expect.poll(() => panel.getByTestId('scan-pictures').locator('li').count(), { timeout: 10_000 }).toBe(expected);
    expect(await panelCounts()).toEqual(tally((await scanBadges(page)).map(groupOfBadge)));
    expect(await panel.getByTestId('panel-toggle').innerText()).toBe('Stop the scan');
    expect(await panel.getByTestId('panel-progress').innerText()).toMatch(/^Classifying: 64 done, 0 under way$/);
  });

  it('is accessible in light and dark', async () => {
    await expectAccessibleInLightAndDark(panel);
  });

  it("the filter veils every other picture with the extension's own elements, and lifts the veils", async () => {
    const badges = await scanBadges(page);
    const counts = tally(badges.map(groupOfBadge));
    // The largest class, "show only Sneakers" or whichever the catalogue has most of.
    const [group] = Object.entries(counts).filter(([g]) => /^\d+$/.test(g)).sort((a, b) => b[1] - a[1])[0];
    const html = await page.evaluate(() => document.body.innerHTML);
    await panel.getByTestId('panel-filter').selectOption(group);
    const others = badges.filter((b) => groupOfBadge(b) !== group);
    await expect.poll(async () => (await scanVeils(page)).length).toBe(others.length);
    // Each veil lies over one of the other pictures (its badge sits 4 px inside the veil's corner).
    const veils = await scanVeils(page);
    for (const b of others) expect(veils.some((v) => Math.abs(v.x + 4 - b.x) < 1 && Math.abs(v.y + 4 - b.y) < 1 && v.width >= 96)).toBe(true);
    for (const b of badges.filter((b) => groupOfBadge(b) === group)) expect(veils.some((v) => Math.abs(v.x + 4 - b.x) < 1 && Math.abs(v.y + 4 - b.y) < 1)).toBe(false);
    // The page's own elements are as they were; its scripts see empty hosts.
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(html);
    expect(await page.evaluate(() => [...document.querySelectorAll('garment-scout-veil')].filter((h) => h.shadowRoot || h.innerHTML).length)).toBe(0);
    await panel.getByTestId('panel-filter').selectOption('');
    await expect.poll(async () => (await scanVeils(page)).length).toBe(0);
  });

  it("a click, or Enter, on a picture in the panel's list scrolls the page to it", async () => {
    const shown = async (imageUrl: string) =>
      page.evaluate((src) => {
        const img = [...document.images].find((i) => i.currentSrc === src)!;
        const box = img.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      }, imageUrl);
    await page.evaluate(() => scrollTo(0, 0));
    const items = panel.getByTestId('scan-pictures').locator('button');
    // The grid's last product: the infinite scroll adds below it, so it stays where it is.
    const urls = await items.evaluateAll((buttons: HTMLElement[]) => buttons.map((b) => b.title));
    const lowest = await page.locator(`#p${catalogue.products - 1}`).evaluate((img: HTMLImageElement) => img.currentSrc);
    expect(urls).toContain(lowest);
    expect(await shown(lowest)).toBe(false);
    await items.nth(urls.indexOf(lowest)).click();
    await expect.poll(() => shown(lowest), { message: `a click on ${lowest}` }).toBe(true);

    await page.evaluate(() => scrollTo(0, 0));
    await items.nth(urls.indexOf(lowest)).focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => shown(lowest), { message: `Enter on ${lowest}` }).toBe(true);
  });

  /** The text of the file a click on the button named `name` saves. */
  const saveFrom = async (from: Page, name: string) => {
    const [file] = await Promise.all([from.waitForEvent('download'), from.getByRole('button', { name, exact: true }).click()]);
    return readFile((await file.path())!, 'utf8');
  };

  it("saves the page's answers as JSON and CSV, one row a picture", async () => {
    const answered = await panel.getByTestId('scan-pictures').locator('button:not([data-verdict="error"])').count();
    const rows = JSON.parse(await saveFrom(panel, 'JSON'));
    expect(rows).toHaveLength(answered);
    expect(rows[0]).toMatchObject({ pageUrl: page.url(), imageUrl: expect.stringMatching(/^http/), verdict: expect.any(String) });
    const csv = (await saveFrom(panel, 'CSV')).trim().split('\r\n');
    expect(csv[0]).toMatch(/^time,pageUrl,imageUrl,label,confidence/);
    expect(csv).toHaveLength(answered + 1);
  });

  it('the scan is one history entry in the popup, with every picture inside', async () => {
    // Nothing under way, and every picture listed has its badge.
    await expect.poll(async () => {
      const [badges, progress, listed] = [await badgeCount(), await panel.getByTestId('panel-progress').innerText(), await panel.getByTestId('scan-pictures').locator('li').count()];
      return progress.endsWith(' 0 under way') && badges === listed;
    }, { timeout: 90_000, interval: 500 }).toBe(true);
    const answered = (await scanBadges(page)).filter((b) => b.verdict !== 'error').length;
    const popup = await extension.openPage('popup.html');
    const rows = popup.getByTestId('history-entry');
    // The service worker writes a scan's answers together, a moment after they come.
    await expect.poll(async () => {
      await popup.reload();
      await popup.getByTestId('answer-count').waitFor();
      return [await rows.count(), Number(await rows.first().getAttribute('data-pictures', { timeout: 1_000 }).catch(() => 0))];
    }, { timeout: 10_000 }).toEqual([1, answered]);
    expect(await rows.first().getAttribute('data-kind')).toBe('scan');
    expect(await popup.getByTestId('scan-summary').innerText()).toMatch(new RegExp(`^${answered} pictures: \\d+ \\S`));
    const [stored] = await readHistory(popup);
    expect(stored).toMatchObject({ kind: 'scan', pageUrl: page.url() });
    // Filtered by a class the scan found, the entry stays; by one it did not, it goes.
    const classes = new Set((await scanBadges(page)).filter((b) => b.verdict !== 'error').map((b) => b.classIndex));
    const absent = [...Array(10).keys()].find((i) => !classes.has(i));
    const [kind] = [...classes];
    await popup.getByRole('combobox', { name: /filter/i }).selectOption(String(kind));
    expect(await rows.count()).toBe(1);
    // Saved under the filter, only the pictures of that kind, one row each.
    const rowsOfKind = (await scanBadges(page)).filter((b) => b.verdict !== 'error' && b.classIndex === kind && b.verdict !== 'out-of-scope').length;
    const saved = JSON.parse(await saveFrom(popup, 'JSON'));
    expect(saved.map((r: { label: string }) => r.label)).toEqual(Array(rowsOfKind).fill(CLASS_NAMES[kind!]));
    if (absent !== undefined) {
      await popup.getByRole('combobox', { name: /filter/i }).selectOption(String(absent));
      expect(await rows.count()).toBe(0);
    }
    await popup.close();
  });

  it('closing the panel stops the scan', async () => {
    await page.bringToFront();
    await open('/many');
    await expect.poll(() => panel.getByTestId('panel-toggle').isEnabled(), { timeout: 10_000 }).toBe(true);
    await panel.getByTestId('panel-toggle').click();
    await expect.poll(badgeCount, { timeout: 60_000 }).toBeGreaterThan(0);
    await panel.close();
    await page.waitForTimeout(500); // the port's close reaches the page
    const before = await badgeCount();
    await page.locator('#p600').scrollIntoViewIfNeeded();
    await page.waitForTimeout(3_000);
    expect(await badgeOn(page, '#p600')).toBeUndefined();
    expect(await badgeCount()).toBeLessThanOrEqual(before + 8); // only what was already under way
  });

  it("the popup's button starts a scan of the page behind it", async () => {
    await open('/catalogue');
    const popup = await extension.openPage('popup.html');
    await page.bringToFront();
    await popup.getByTestId('scan-page').click();
    await expect.poll(badgeCount, { timeout: 90_000, interval: 500 }).toBe(catalogue.products + catalogue.largeFurniture);
  });

  it("the toolbar popup's button opens the real side panel, which counts what the scan badges; closing it stops the scan", async () => {
    // Only the browser's own popup and side panel from here on, not the tabs the tests above opened.
    for (const tab of extension.context.pages()) if (tab.url().startsWith(`chrome-extension://${extension.id}/`)) await tab.close();
    await open('/catalogue');
    const devtools = await connectDevTools(extension);
    try {
      const worker = await extension.serviceWorker();
      const windowId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0].windowId, page.url());
      await worker.evaluate((windowId) => chrome.action.openPopup({ windowId }), windowId);
      await (await devtools.extensionPage('popup.html')).getByTestId('scan-page').click();
      const sidePanel = await devtools.extensionPage('sidepanel.html');
      const expected = catalogue.products + catalogue.largeFurniture;
      await expect.poll(badgeCount, { timeout: 90_000, interval: 500 }).toBe(expected);
      await expect.poll(() => sidePanel.getByTestId('scan-pictures').locator('li').count(), { timeout: 10_000 }).toBe(expected);
      expect(await panelCounts(sidePanel)).toEqual(tally((await scanBadges(page)).map(groupOfBadge)));

      await worker.evaluate((windowId) => chrome.sidePanel.close({ windowId }), windowId);
      await page.waitForTimeout(500); // the port's close reaches the page
      // Pictures that appear on screen after it find no scan to take them.
      await page.evaluate(() => {
        for (const n of [97, 98, 99]) document.getElementById('grid')!.insertAdjacentHTML('afterbegin', `<img id="late${n}" src="/p/${n}.png" style="width:120px;height:120px">`);
        scrollTo(0, 0);
      });
      await page.waitForTimeout(3_000);
      expect(await badgeOn(page, '#late97')).toBeUndefined();
    } finally {
      await devtools.close();
    }
  });
});
