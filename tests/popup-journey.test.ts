import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { classifyWithMenu, overlayAnswer } from './support/context-menu';
import { launchWithExtension, type LoadedExtension } from './support/extension';
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
    await popup.reload();
    await expect.poll(() => entries().first().getByLabel('The right label').inputValue()).toBe('2');
    await popup.getByLabel('Filter by class').selectOption('Pullover');
    await expect.poll(() => entries().count()).toBe(1);
    await popup.getByLabel('Filter by class').selectOption('');
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
