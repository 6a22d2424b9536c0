import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASS_NAMES } from '../../lib/classes';
import { startCataloguePages, type CataloguePages } from '../support/catalogue-pages';
import { overlayAnswer } from './support/answer-cards';
import { launchFirefox, type LoadedFirefox } from './support/firefox';
import { chooseFromNativeMenu, classifyWithNativeMenu } from './support/native-menu';
import { scanBadges } from './support/scan-badges';

const SCAN_ITEM = 'Classify all garments on this page';

describe('Firefox: "Classify all garments on this page" from the real context menu', () => {
  let firefox: LoadedFirefox;
  let catalogue: CataloguePages;
  let page: Page;
  beforeAll(async () => {
    [firefox, catalogue] = await Promise.all([launchFirefox(), startCataloguePages()]);
    page = await firefox.newPage(`${catalogue.url}/catalogue`);
    // The size of Chromium's test pages, so the whole catalogue lies within a screen of the viewport.
    await page.setViewport({ width: 1280, height: 720 });
    await page.reload();
  });
  afterAll(async () => {
    await firefox?.close();
    await catalogue?.close();
  });

  const badgedIds = async () => new Set((await scanBadges(firefox, page)).map((b) => b.pictureId));
  const productIds = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `p${from + i}`);

  it('badges every product picture and the large furniture, never an icon', async () => {
    // On the page, not a picture: a picture's menu has only "Classify garment".
    await chooseFromNativeMenu(firefox, page, '#title', SCAN_ITEM);
    const expected = catalogue.products + catalogue.largeFurniture;
    await expect.poll(async () => (await scanBadges(firefox, page)).length, { timeout: 120_000, interval: 500 }).toBe(expected);
    const ids = await badgedIds();
    for (const id of [...productIds(0, catalogue.products), 'banner', 'logo', 'landscape', 'hero']) expect(ids.has(id), id).toBe(true);
  });

  it('badges the 20 products the infinite scroll adds', async () => {
    await page.evaluate(() => document.getElementById('end')!.scrollIntoView());
    const all = catalogue.products + catalogue.largeFurniture + catalogue.added;
    await expect.poll(async () => (await scanBadges(firefox, page)).length, { timeout: 120_000, interval: 500 }).toBe(all);
    const ids = await badgedIds();
    for (const id of productIds(catalogue.products, catalogue.products + catalogue.added)) expect(ids.has(id), id).toBe(true);
  });

  it('gives the same answer as a right-click on the same picture', async () => {
    const badges = await scanBadges(firefox, page);
    const sample = badges.filter((b) => b.verdict === 'answer' && b.pictureId.startsWith('p')).slice(0, 3);
    expect(sample.length).toBeGreaterThan(0);
    for (const badge of sample) {
      await classifyWithNativeMenu(firefox, page, `#${badge.pictureId}`);
      const { state, text } = await overlayAnswer(firefox, page);
      expect(state).toBe('answer');
      expect(text).toContain(`${CLASS_NAMES[badge.classIndex!]} · `);
    }
  });
});
