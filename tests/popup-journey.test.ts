import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { answerFrom } from '../lib/answer';
import { OUTLIER, PIXELS } from '../lib/classes';
import { classifyWithMenu, overlayAnswer } from './support/context-menu';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { addHistoryEntry, readHistory, type StoredEntry } from './support/history-store';
import { startShopPages, type ShopPages } from './support/shop-pages';

describe('the popup', () => {
  let extension: LoadedExtension;
  let shop: ShopPages;
  let popup: Page;

  beforeAll(async () => {
    [extension, shop] = await Promise.all([launchWithExtension(), startShopPages()]);
    const page = await extension.context.newPage();
    await page.goto(shop.url);
    for (const selector of ['#same', '#cross']) {
      await classifyWithMenu(extension, page, selector);
      expect((await overlayAnswer(page)).state).toBe('answer');
    }
    popup = await extension.openPage('popup.html');
  });
  afterAll(async () => {
    await extension?.close();
    await shop?.close();
  });

  const entries = () => popup.getByTestId('history-entry');

  it('shows the latest answer and the history, newest first, with thumbnails', async () => {
    await expect.poll(() => entries().count()).toBe(2);
    await expect.poll(() => popup.getByTestId('latest').innerText()).toMatch(/\d+%/);
    expect(await popup.getByTestId('model-version').first().innerText()).toMatch(/^Model \S+/);
    const thumbnail = entries().first().locator('img.thumb');
    expect(await thumbnail.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(10);
    expect(await entries().first().locator('canvas').count()).toBe(1);
    // Newest first: the cross-origin picture was classified last.
    expect(await entries().first().innerText()).toContain('127.0.0.1');
  });

  it('exports the history as JSON and CSV', async () => {
    const [json] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'JSON' }).click()]);
    const rows = JSON.parse(await readFile((await json.path())!, 'utf8'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ pageUrl: shop.url, imageUrl: `${shop.cdnUrl}/img/pullover.jpg` });
    expect(rows[0].top3).toHaveLength(3);

    const [csv] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'CSV' }).click()]);
    const lines = (await readFile((await csv.path())!, 'utf8')).trim().split('\r\n');
    expect(lines[0]).toMatch(/^time,pageUrl,imageUrl,label,confidence/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${shop.cdnUrl}/img/pullover.jpg`);
  });

  it('keeps the label the user marks as right', async () => {
    await entries().first().getByLabel('The right label').selectOption('Pullover');
    // The correction is written after the change event: reloading sooner could lose it.
    await expect.poll(async () => (await readHistory(popup)).map((e) => e.correctedIndex)).toContain(2);
    await popup.reload();
    await expect.poll(() => entries().first().getByLabel('The right label').inputValue()).toBe('2');
    await popup.getByLabel('Filter by class').selectOption('Pullover');
    await expect.poll(() => entries().count()).toBe(1);
    await popup.getByLabel('Filter by class').selectOption('');
  });

  it('files answers that are not one of the 10 kinds apart, and takes "None of these" as a correction', async () => {
    // No picture on the shop page is sure to be out of scope for every model, so that answer, and one
    // stored by a version without verdicts, go into the history directly.
    const thumbnail = await sharp({ create: { width: 48, height: 48, channels: 3, background: '#888' } }).jpeg().toBuffer();
    const seeded = (time: number, pageUrl: string, answer: StoredEntry['answer']): StoredEntry => ({
      time,
      pageUrl,
      imageUrl: `${pageUrl}.jpg`,
      answer,
      modelVersion: 'seeded',
      thumbnail: `data:image/jpeg;base64,${thumbnail.toString('base64')}`,
      seen: new Uint8Array(PIXELS),
    });
    const probabilities = (best: number, p: number) => Array.from({ length: 10 }, (_, i) => (i === best ? p : (1 - p) / 9));
    const { verdict: _, inScopeScore: __, ...old } = answerFrom(probabilities(0, 0.46), { threshold: 0 });
    const outOfScope = answerFrom(probabilities(8, 0.37), { threshold: 0.8 });
    await addHistoryEntry(popup, seeded(Date.now(), 'https://lamps.example/lamp', outOfScope));
    await addHistoryEntry(popup, seeded(1, 'https://old.example/shirt', { ...old, unsure: true }));
    await popup.reload();
    await expect.poll(() => entries().count()).toBe(4);

    const latest = popup.getByTestId('answer');
    expect(await latest.getAttribute('data-verdict')).toBe('out-of-scope');
    expect(await latest.innerText()).toMatch(/^Not one of the 10 kinds\s+This doesn't look like any of the 10 kinds .*\s+Closest: Bag 37%/);
    expect(await entries().first().getAttribute('data-verdict')).toBe('out-of-scope');
    expect(await entries().first().locator('.entry-label').innerText()).toBe('Not one of the 10 kinds (closest: Bag)');
    expect(await entries().last().getAttribute('data-verdict')).toBe('unsure');
    expect(await entries().last().locator('.entry-label').innerText()).toBe('Not sure (T-shirt/top?) · 46%');

    // Filed as none of the 10 kinds: corrected so, or out of scope and not corrected.
    const filedAsOutOfScope = () =>
      entries().evaluateAll(
        (items: HTMLElement[]) =>
          items.filter((li) => {
            const corrected = li.querySelector('select')!.value;
            return corrected === '255' || (corrected === '' && li.dataset.verdict === 'out-of-scope');
          }).length,
      );
    const filterBy = async (value: string, count: number) => {
      await popup.getByLabel('Filter by class').selectOption(value);
      await expect.poll(() => entries().count()).toBe(count);
    };
    const before = await filedAsOutOfScope();
    await filterBy(String(OUTLIER), before);
    expect(await filedAsOutOfScope()).toBe(before);
    expect(await entries().filter({ hasText: 'lamps.example' }).count()).toBe(1);
    // Its closest guess is not its class.
    await popup.getByLabel('Filter by class').selectOption('8');
    await expect.poll(() => entries().filter({ hasText: 'lamps.example' }).count()).toBe(0);
    await filterBy('', 4);

    await entries().last().getByLabel('The right label').selectOption('None of these');
    await expect
      .poll(async () => (await readHistory(popup)).filter((e) => e.correctedIndex === OUTLIER).map((e) => e.pageUrl))
      .toEqual(['https://old.example/shirt']);
    await popup.reload();
    await expect.poll(() => entries().last().getByLabel('The right label').inputValue()).toBe(String(OUTLIER));
    expect(await filedAsOutOfScope()).toBe(before + 1);
    await filterBy(String(OUTLIER), before + 1);
    expect(await entries().filter({ hasText: 'old.example' }).count()).toBe(1);
    await filterBy('', 4);

    // Leave the history as the next steps expect it.
    await entries().first().getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => entries().count()).toBe(3);
    await entries().last().getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => entries().count()).toBe(2);
  });

  it('classifies a picked file and says clearly when a file is not an image', async () => {
    await popup.locator('input[type=file]').setInputFiles({ name: 'boot.png', mimeType: 'image/png', buffer: await shopImage(shop, 'boot.png') });
    await expect.poll(() => entries().count()).toBe(3);
    expect(await entries().first().innerText()).toContain('boot.png');

    await popup.locator('input[type=file]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect.poll(() => popup.getByTestId('error').innerText()).toMatch(/not an image|could not be read as an image/);
    expect(await entries().count()).toBe(3);
  });

  it('classifies a dropped file', async () => {
    const bytes = [...(await shopImage(shop, 'sandal.png'))];
    const dataTransfer = await popup.evaluateHandle((bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'dropped-sandal.png', { type: 'image/png' }));
      return transfer;
    }, bytes);
    await popup.getByTestId('file-drop').dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => entries().first().innerText()).toContain('dropped-sandal.png');
  });

  it('deletes one entry and clears all', async () => {
    const before = await entries().count();
    await entries().first().getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => entries().count()).toBe(before - 1);
    popup.once('dialog', (dialog) => void dialog.accept());
    await popup.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => entries().count()).toBe(0);
  });
});

async function shopImage(shop: ShopPages, name: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(`${shop.url}img/${name}`)).arrayBuffer());
}
