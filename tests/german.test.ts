/**
 * The extension in a German browser: the words from _locales/de, numbers and dates through Intl in
 * German. Chromium on Linux takes its languages from LANGUAGE/LANG (and --lang); this Chromium has
 * only its en-US resources, so its own UI stays English, yet it hands the extension its German words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { classifyWithMenu, overlayAnswer } from './support/context-menu';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { startShopPages, type ShopPages } from './support/shop-pages';

// Intl's German percent has a (no-break) space before the sign: "93 %"; the English one has none.
const GERMAN_PERCENT = /\d+\s%/;

describe('in German', () => {
  let extension: LoadedExtension;
  let shop: ShopPages;
  let page: Page;

  beforeAll(async () => {
    [extension, shop] = await Promise.all([launchWithExtension({ language: 'de' }), startShopPages()]);
    page = await extension.context.newPage();
    await page.goto(shop.url);
  });
  afterAll(async () => {
    await extension?.close();
    await shop?.close();
  });

  it('gives the worker the German menu title, manifest description and shortcut description', async () => {
    const worker = await extension.serviceWorker();
    const words = await worker.evaluate(() => ({
      menu: chrome.i18n.getMessage('menuClassify'),
      name: chrome.runtime.getManifest().name,
      description: chrome.runtime.getManifest().description,
      command: chrome.i18n.getMessage('commandClassify'),
    }));
    expect(words.menu).toBe('Kleidungsstück erkennen');
    expect(words.command).toBe('Das Bild im Fokus oder unter der Maus erkennen');
    // The manifest says __MSG_…__; Chrome fills it in from _locales/de.
    expect(words.name).toBe('Garment Scout');
    expect(words.description).toBe('Rechtsklick auf ein Produktbild zeigt, welche Art Kleidungsstück es zeigt. Läuft auf Ihrem Rechner.');
  });

  it('answers on the card in German, with a German percentage', async () => {
    await classifyWithMenu(extension, page, '#same');
    const { state, text } = await overlayAnswer(page);
    expect(state).toBe('answer');
    expect(text).toContain('Stiefelette · ');
    expect(text).toMatch(GERMAN_PERCENT);
    expect(text).toMatch(/Auch möglich: |^Nicht sicher/m);
    expect(text).toContain('Details');
  });

  it('says what went wrong in German, though the error crossed the extension in English', async () => {
    await classifyWithMenu(extension, page, '#missing');
    const { state, text } = await overlayAnswer(page);
    expect(state).toBe('error');
    expect(text).toContain('Dieses Bild konnte nicht erkannt werden');
    expect(text).toContain('Die Website hat unter dieser Adresse kein Bild gesendet.');
  });

  it('shows the popup in German, with German numbers and dates', async () => {
    const popup = await extension.openPage('popup.html');
    expect(await popup.locator('html').getAttribute('lang')).toBe('de');
    await expect.poll(() => popup.getByTestId('history-entry').count()).toBe(1);
    expect(await popup.getByRole('heading', { level: 2 }).innerText()).toMatch(/^Antworten\s+1$/);
    const latest = await popup.getByTestId('latest').innerText();
    expect(latest).toContain('Stiefelette');
    expect(latest).toMatch(GERMAN_PERCENT);
    expect(latest).toMatch(/Modell \S+/);
    // Intl's German medium date and short time: "30.11.2026, 07:12".
    expect(await popup.locator('time').innerText()).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
    expect(await popup.getByRole('button', { name: /^Art korrigieren für die Antwort von/ }).count()).toBe(1);
    expect(await popup.getByRole('link', { name: 'Modell nachtrainieren' }).count()).toBe(1);
    expect(await popup.getByRole('combobox', { name: 'Nach Art filtern' }).innerText()).toContain('Stiefelette');
    await popup.close();
  });
});
