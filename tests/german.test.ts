/**
 * The extension in a German browser: the words from _locales/de, numbers and dates through Intl in
 * German. Chromium on Linux takes its languages from LANGUAGE/LANG (and --lang); this Chromium has
 * only its en-US resources, so its own UI stays English, yet it hands the extension its German words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import de from '../public/_locales/de/messages.json';
import { CLASS_NAMES } from '../lib/classes';
import { checkAccessibility, expectAccessibleInLightAndDark } from './support/axe';
import { classifyWithMenu, overlayAnswer } from './support/context-menu';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { startShopPages, type ShopPages } from './support/shop-pages';

// Intl's German percent has a (no-break) space before the sign: "93 %"; the English one has none.
const GERMAN_PERCENT = /\d+\s%/;
// With a decimal comma, as the options page shows accuracy: "92,9 %".
const GERMAN_PERCENT_TENTHS = /\d+,\d\s%/;
const GERMAN_CLASS_NAMES = CLASS_NAMES.map((_, i) => de[`class_${i}` as keyof typeof de].message);

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

  describe('the options page', () => {
    let options: Page;
    const text = (testId: string) => options.getByTestId(testId).innerText();
    const setSetting = (name: string, value: string) => options.locator(`input[name="${name}"]`).fill(value);

    beforeAll(async () => {
      options = await extension.openPage('options.html');
      await options.getByTestId('dataset-counts').waitFor({ timeout: 60_000 });
    });

    it('is in German, with German numbers, an estimate in German, and passes axe in light and dark', async () => {
      expect(await options.locator('html').getAttribute('lang')).toBe('de');
      expect(await options.title()).toBe('Garment Scout: Nachtrainieren');
      expect(await options.getByRole('heading', { level: 1 }).innerText()).toBe('Garment Scout nachtrainieren');
      expect(await options.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([
        'Verwendetes Modell',
        'Trainingsdaten',
        'Trainieren',
        'Wie das mitgelieferte Modell trainiert wurde',
      ]);
      expect(await text('dataset-counts')).toBe('Fashion-MNIST geladen: 60.000 Trainingsbilder, 10.000 Testbilder.');
      expect(await text('model-in-use')).toMatch(/^Verwendetes Modell: \S+$/);
      expect(await options.getByRole('button', { name: 'Auf das mitgelieferte Modell zurücksetzen' }).isDisabled()).toBe(true);
      expect(await options.getByRole('button', { name: 'Training starten' }).count()).toBe(1);
      expect(await options.getByRole('group', { name: 'Einstellungen' }).count()).toBe(1);
      expect(await options.getByRole('combobox', { name: 'Zu trainierende Schichten' }).innerText()).toContain('Nur die letzte Schicht (schneller)');
      // Timed on this computer first, then said in German: "Dauert auf diesem Rechner etwa 2½ Min."
      await expect.poll(() => text('estimate'), { timeout: 60_000 }).toMatch(/^Dauert auf diesem Rechner etwa \d+½? (Sek|Min|Std)\./);
      expect(await text('loss-chart')).toContain('sobald ein Training beginnt');
      expect(await text('bundled-accuracy-chart')).toMatch(/Nach \d+ Epochen: Training \d+,\d\s%, Validierung \d+,\d\s%\./);
      expect(await text('bundled-loss-chart')).toMatch(/Nach \d+ Epochen: Training \d+,\d{3}, Validierung \d+,\d{3}\./);
      expect(await options.getByText(/Danach wurden \d+ Läufe von je \d+ weiteren Epochen/).count()).toBe(1);
      await expectAccessibleInLightAndDark(options);
    });

    it('says what is wrong with a setting in German, with a decimal comma', async () => {
      await setSetting('learningRate', '1');
      await expect.poll(() => options.locator('.problem').innerText()).toBe('Bitte für „Lernrate“ eine Zahl von 0,00001 bis 0,05 angeben.');
      expect(await options.getByTestId('start').isDisabled()).toBe(true);
      await setSetting('learningRate', '0.0005');
      expect(await options.locator('.problem').count()).toBe(0);
    });

    it('fine-tunes in German: each phase, the progress, the results and the confusion matrices', async () => {
      await setSetting('trainImages', '2000');
      await options.getByRole('button', { name: 'Training starten' }).click();
      // Measuring the model in use comes first, and says so.
      await expect.poll(() => text('phase')).toMatch(/^Das verwendete Modell wird an 10\.000 Testbildern geprüft …$|^Training läuft …$/);
      await expect
        .poll(() => text('training-progress'), { timeout: 60_000 })
        .toMatch(/Epoche 1\/1 · Batch \d+\/\d+ · [\d.]+ Bilder\/s · noch etwa .+ · Verlust \d+,\d{3} · Genauigkeit \d+,\d\s%/);
      expect(await options.getByRole('progressbar', { name: 'Trainingsfortschritt' }).count()).toBe(1);
      await options.getByTestId('keep').waitFor({ timeout: 170_000 });
      expect(await text('phase')).toBe('Training abgeschlossen.');
      expect(await text('training-progress')).toMatch(/Dauerte (\d+ Min\. )?\d+ Sek\./);
      expect(await options.getByRole('heading', { name: 'Training abgeschlossen' }).count()).toBe(1);
      expect(await text('finished')).toMatch(/^Genauigkeit auf den Testbildern: \d+,\d\s% mit dem verwendeten Modell, \d+,\d\s% mit dem neuen \(/m);
      expect(await text('keep')).toMatch(/^Neues Modell behalten \(finetuned-/);
      expect(await text('accuracy-after')).toMatch(new RegExp(`^${GERMAN_PERCENT_TENTHS.source}$`));
      expect(await options.getByTestId('evaluation').locator('caption').innerText()).toBe('Genauigkeit auf den 10.000 Fashion-MNIST-Testbildern (nie zum Training verwendet)');
      expect(await text('loss-chart')).toMatch(/Bei Epoche \d+,\d{2}: Training \d+,\d{3}, Validierung \d+,\d{3}\./);
      const matrix = options.getByRole('table', { name: 'Neues Modell: Konfusionsmatrix' });
      expect(await matrix.locator('th[scope=col]').allInnerTexts()).toEqual(GERMAN_CLASS_NAMES);
      expect(await matrix.locator('th[scope=row]').allInnerTexts()).toEqual(GERMAN_CLASS_NAMES);
      expect(await checkAccessibility(options)).toEqual({ violations: [], seriousIncomplete: [] });
      await options.getByRole('button', { name: 'Verwerfen' }).click();
      expect(await options.getByTestId('keep').count()).toBe(0);
    });
  });
  it('shows the page scan side panel in German, accessible in light and dark', async () => {
    await page.goto(shop.url);
    const panel = await extension.openPage('sidepanel.html');
    await page.bringToFront(); // the panel follows the tab in front, as in the side panel
    await expect.poll(() => panel.getByTestId('panel-toggle').isEnabled(), { timeout: 10_000 }).toBe(true);
    expect(await panel.getByRole('heading', { level: 1 }).innerText()).toBe('Garment Scout: diese Seite');
    expect(await panel.getByTestId('panel-progress').innerText()).toBe('Auf dieser Seite lief noch kein Scan.');
    await panel.getByTestId('panel-toggle').click();
    await expect.poll(() => panel.getByTestId('scan-pictures').locator('li').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await panel.getByRole('heading', { level: 2 }).first().innerText()).toBe('Was auf der Seite ist');
    const counted = await panel.getByTestId('scan-counts').locator('li span').allInnerTexts();
    for (const name of counted) expect([...GERMAN_CLASS_NAMES, 'Nicht sicher', 'Keine der 10 Arten', 'Nicht lesbar']).toContain(name);
    await expectAccessibleInLightAndDark(panel);
    await panel.close();
  });
});
