import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { answerFrom } from '../lib/answer';
import { OUTLIER, PIXELS } from '../lib/classes';
import { checkAccessibility, expectAccessibleInLightAndDark } from './support/axe';
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
  const corrections = async () => (await readHistory(popup)).map((e) => e.correctedIndex);
  const correctMenu = (row: number) => entries().nth(row).getByRole('button', { name: /^(Correct the label|Change my correction) for the answer from/ });
  const expectAccessible = async () => expect(await checkAccessibility(popup)).toEqual({ violations: [], seriousIncomplete: [] });

  it('shows the newest answer once, in full, above the rest of the history', async () => {
    await expect.poll(() => entries().count()).toBe(2);
    await expect.poll(() => popup.getByTestId('latest').innerText()).toMatch(/\d+%/);
    expect(await popup.getByTestId('answer').count()).toBe(1);
    expect(await popup.getByTestId('latest').count()).toBe(1);
    expect(await entries().first().getByTestId('latest').count()).toBe(1);
    expect(await popup.getByTestId('model-version').innerText()).toMatch(/^Model \S+/);
    const thumbnail = entries().first().locator('img.thumb');
    expect(await thumbnail.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(10);
    // What the model saw, with words for those who cannot see it.
    expect(await entries().first().getByRole('img', { name: /^What the model saw/ }).count()).toBe(1);
    // Newest first: the cross-origin picture was classified last.
    expect(await entries().first().innerText()).toContain('127.0.0.1');
  });

  it('links each answer to its page and its picture, in new tabs, on a line that wraps rather than clips', async () => {
    const first = entries().first();
    expect(await first.getByTestId('page-link').getAttribute('href')).toBe(shop.url);
    expect(await first.getByTestId('picture-link').getAttribute('href')).toBe(`${shop.cdnUrl}/img/pullover.jpg`);
    for (const link of await first.getByRole('link').all()) expect(await link.getAttribute('target')).toBe('_blank');
    expect(await first.getByRole('link', { name: /the page, in a new tab/ }).count()).toBe(1);
    const clipped = await popup.locator('.entry-meta').evaluateAll((lines: HTMLElement[]) => lines.filter((l) => l.scrollWidth > l.clientWidth).length);
    expect(clipped).toBe(0);
  });

  it('names every row’s buttons after its answer, and passes axe in light and dark', async () => {
    const names = await popup.locator('[data-testid="history"] button').evaluateAll((buttons: HTMLElement[]) => buttons.map((b) => b.textContent!.replace('×', '').trim()));
    expect(names.every((n) => /^(Delete|Correct the label for) the answer from .+, .+/.test(n)), names.join('\n')).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    await expectAccessibleInLightAndDark(popup);
  });

  it('fits from 320 to 800 px wide without clipping', async () => {
    for (const width of [320, 800]) {
      await popup.setViewportSize({ width, height: 600 });
      const overflow = await popup.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        controls: [...document.querySelectorAll('button, select, a')].filter((c) => c.getBoundingClientRect().right > document.documentElement.clientWidth).length,
      }));
      expect(overflow, `at ${width} px`).toEqual({ page: 0, controls: 0 });
    }
    await popup.setViewportSize({ width: 1280, height: 720 });
  });

  it('saves a correction only when one is chosen, shows it at once, and can undo it', async () => {
    // Arrowing through the closed control opens its menu; nothing is saved until an item is chosen.
    await correctMenu(0).focus();
    await popup.keyboard.press('ArrowDown');
    await expect.poll(() => popup.getByRole('menu').count()).toBe(1);
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Escape');
    expect(await popup.getByRole('menu').count()).toBe(0);
    expect(await correctMenu(0).evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await corrections()).toEqual([undefined, undefined]);

    // Enter on the third item (Pullover) chooses it.
    await popup.keyboard.press('Enter');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    expect(await entries().first().getByTestId('correction').innerText()).toBe('You said: Pullover');
    await expect.poll(corrections).toContain(2);
    expect(await popup.getByTestId('undo-bar').innerText()).toContain('Saved: Pullover.');

    await popup.getByTestId('undo-bar').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(corrections).toEqual([undefined, undefined]);
    await expect.poll(() => entries().first().getByTestId('correction').count()).toBe(0);

    await correctMenu(0).click();
    await popup.getByRole('menuitemradio', { name: 'Pullover' }).click();
    await expect.poll(corrections).toContain(2);
    await popup.reload();
    await expect.poll(() => entries().first().getByTestId('correction').innerText()).toBe('You said: Pullover');
    await popup.getByLabel('Filter by class').selectOption('Pullover');
    await expect.poll(() => entries().count()).toBe(1);
    await popup.getByLabel('Filter by class').selectOption('');
  });

  it('exports what the filter shows, under a dated name', async () => {
    const saveAs = async (name: string) => {
      const [file] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name }).click()]);
      return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
    };
    const json = await saveAs('JSON');
    expect(json.name).toMatch(/^garment-scout-history-\d{4}-\d{2}-\d{2}\.json$/);
    const rows = JSON.parse(json.text);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ pageUrl: shop.url, imageUrl: `${shop.cdnUrl}/img/pullover.jpg` });
    expect(rows[0].top3).toHaveLength(3);

    const csv = await saveAs('CSV');
    expect(csv.name).toMatch(/^garment-scout-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^time,pageUrl,imageUrl,label,confidence/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${shop.cdnUrl}/img/pullover.jpg`);

    await popup.getByLabel('Filter by class').selectOption('Pullover');
    const filtered = await saveAs('JSON');
    expect(filtered.name).toMatch(/^garment-scout-history-pullover-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(filtered.text).map((r: { correctedLabel: string }) => r.correctedLabel)).toEqual(['Pullover']);
    await popup.getByLabel('Filter by class').selectOption('');
  });

  it('says when a filter matches nothing, and offers all classes again', async () => {
    await popup.getByLabel('Filter by class').selectOption('Trouser');
    await expect.poll(() => popup.getByTestId('no-match').innerText()).toMatch(/None of the 2 answers is filed under Trouser/);
    await expectAccessible();
    await popup.getByRole('button', { name: 'Show all classes' }).click();
    await expect.poll(() => entries().count()).toBe(2);
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
    expect(await entries().last().getAttribute('data-verdict')).toBe('unsure');
    expect(await entries().last().locator('.entry-label').innerText()).toBe('Not sure (T-shirt/top?) · 46%');

    // Filed as none of the 10 kinds: corrected so, or out of scope and not corrected.
    const filedAsOutOfScope = () =>
      entries().evaluateAll(
        (items: HTMLElement[]) =>
          items.filter((li) => li.dataset.corrected === '255' || (li.dataset.corrected === undefined && li.dataset.verdict === 'out-of-scope')).length,
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

    await correctMenu(3).click();
    await popup.getByRole('menuitemradio', { name: 'None of these' }).click();
    await expect
      .poll(async () => (await readHistory(popup)).filter((e) => e.correctedIndex === OUTLIER).map((e) => e.pageUrl))
      .toEqual(['https://old.example/shirt']);
    await popup.reload();
    await expect.poll(() => entries().last().getByTestId('correction').innerText()).toBe('You said: None of these');
    expect(await filedAsOutOfScope()).toBe(before + 1);
    await filterBy(String(OUTLIER), before + 1);
    expect(await entries().filter({ hasText: 'old.example' }).count()).toBe(1);
    await filterBy('', 4);

    // Leave the history as the next steps expect it.
    await entries().first().getByRole('button', { name: /^Delete / }).click();
    await expect.poll(() => entries().count()).toBe(3);
    await entries().last().getByRole('button', { name: /^Delete / }).click();
    await expect.poll(() => entries().count()).toBe(2);
  });

  it('picks a file from the keyboard, and says clearly when a file is not an image', async () => {
    const button = popup.getByRole('button', { name: 'Classify an image file…' });
    await button.focus();
    const chosen = popup.waitForEvent('filechooser');
    // A round trip first, so Playwright intercepts the chooser before Enter opens it.
    await popup.evaluate(() => document.activeElement?.textContent);
    await popup.keyboard.press('Enter');
    const chooser = await chosen;
    await chooser.setFiles({ name: 'boot.png', mimeType: 'image/png', buffer: await shopImage(shop, 'boot.png') });
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

  it('deletes one entry with focus on the next, and clears all with an undo', async () => {
    const count = await entries().count();
    const next = await entries().nth(1).getByRole('button', { name: /^Delete / }).textContent();
    await entries().first().getByRole('button', { name: /^Delete / }).click();
    await expect.poll(() => entries().count()).toBe(count - 1);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe(next);
    expect(await popup.getByTestId('undo-bar').innerText()).toMatch(/^Deleted the answer from .+\.\s*Undo$/);
    await popup.getByTestId('undo-bar').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => entries().count()).toBe(count);

    await popup.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => entries().count()).toBe(0);
    expect(await popup.getByTestId('undo-bar').innerText()).toMatch(new RegExp(`^Cleared ${count} answers\\.\\s*Undo$`));
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    expect(await popup.getByRole('button', { name: 'Clear all' }).isDisabled()).toBe(true);
    await popup.keyboard.press('Enter');
    await expect.poll(() => entries().count()).toBe(count);
    expect((await readHistory(popup)).length).toBe(count);

    await popup.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => readHistory(popup)).toEqual([]);
    await popup.reload();
    await expect.poll(() => popup.getByTestId('latest').innerText()).toMatch(/^No answers yet\. Right-click a product picture/);
    expect(await popup.getByRole('button', { name: 'Clear all' }).isDisabled()).toBe(true);
    expect(await popup.getByRole('button', { name: 'JSON' }).isDisabled()).toBe(true);
  });

  it('passes axe when empty, in light and dark', async () => {
    await expectAccessibleInLightAndDark(popup);
  });

  it('opens the options page to fine-tune the model', async () => {
    const [options] = await Promise.all([extension.context.waitForEvent('page'), popup.getByRole('link', { name: 'Fine-tune the model' }).click()]);
    await options.waitForLoadState();
    expect(options.url()).toBe(`chrome-extension://${extension.id}/options.html`);
    await options.close();
  });
});

async function shopImage(shop: ShopPages, name: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(`${shop.url}img/${name}`)).arrayBuffer());
}
