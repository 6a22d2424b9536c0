import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CLASS_NAMES } from '../lib/classes';
import { checkAccessibility, expectAccessibleInLightAndDark } from './support/axe';
import { classifyWithMenu, overlayAnswer } from './support/context-menu';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { startShopPages, type ShopPages } from './support/shop-pages';

describe('the options page', () => {
  let extension: LoadedExtension;
  let shop: ShopPages;
  let options: Page;
  let shopPage: Page;
  let bundledVersion: string;

  const modelInUse = async () => (await options.getByTestId('model-in-use').innerText()).replace('Model in use: ', '');
  const answerVersion = async () => {
    await classifyWithMenu(extension, shopPage, '#same');
    const { state, details } = await overlayAnswer(shopPage);
    expect(state).toBe('answer');
    return /Model (\S+)/.exec(details)![1]; // under the card's Details
  };
  /** The page's workers, by file: 'fine-tune' (the coordinator), 'replica'. */
  const workerFiles = () => options.workers().map((w) => /\/(fine-tune|replica)\.worker/.exec(w.url())?.[1] ?? w.url()).sort();
  const setSetting = (name: string, value: string) => options.locator(`input[name="${name}"]`).fill(value);
  const expectAccessible = async () => expect(await checkAccessibility(options)).toEqual({ violations: [], seriousIncomplete: [] });
  const inView = (testId: string) =>
    options.getByTestId(testId).evaluate((e) => {
      const box = e.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });

  beforeAll(async () => {
    [extension, shop] = await Promise.all([launchWithExtension(), startShopPages()]);
    shopPage = await extension.context.newPage();
    await shopPage.goto(shop.url);
    bundledVersion = await answerVersion();
    options = await extension.openPage('options.html');
    await options.getByTestId('dataset-counts').waitFor({ timeout: 60_000 });
    await options.getByText(`Model in use: ${bundledVersion}`).waitFor();
    await setSetting('trainImages', '2000');
  });
  afterAll(async () => {
    await extension?.close();
    await shop?.close();
  });

  it('on a fresh install: nothing to go back to, an estimate before Start, the bundled model’s curves, no empty charts; passes axe in light and dark', async () => {
    expect(await options.getByRole('button', { name: 'Reset to the bundled model' }).isDisabled()).toBe(true);
    expect(await options.getByRole('button', { name: /Go back to the previous version/ }).isDisabled()).toBe(true);
    // Timed on the workers a run trains on: one per core, up to 4.
    const cores = await options.evaluate(() => Math.min(4, navigator.hardwareConcurrency));
    const onCores = cores > 1 ? `, training on ${cores} cores at once` : '';
    await expect.poll(() => options.getByTestId('estimate').innerText(), { timeout: 60_000 }).toMatch(new RegExp(`^Takes about .+ on this computer${onCores}\\.$`));
    expect(await options.getByTestId('loss-chart').innerText()).toContain('appear here once it starts');
    expect(await options.getByTestId('loss-chart').locator('canvas').count()).toBe(0);
    expect(Number(await options.getByTestId('bundled-loss-chart').getAttribute('data-points'))).toBeGreaterThan(10);
    expect(await options.getByTestId('bundled-accuracy-chart').innerText()).toMatch(/After \d+ epochs: training \d+\.\d%, validation \d+\.\d%/);
    // The bundled model is a soup: the curves are its start's, and a sentence says what came after them.
    expect(await options.getByText(/Then \d+ runs of \d+ more epochs each, .+ were averaged into this model/).count()).toBe(1);
    await expectAccessibleInLightAndDark(options);
  });

  it('counts a correction made in the popup', async () => {
    const popup = await extension.openPage('popup.html');
    await popup.getByTestId('history-entry').first().getByRole('button', { name: /^Correct the label/ }).click();
    await popup.getByRole('menuitemradio', { name: 'Ankle boot' }).click();
    await expect.poll(() => popup.getByTestId('correction').innerText()).toBe('You said: Ankle boot');
    await popup.close();
    await options.reload();
    await expect.poll(() => options.getByTestId('corrections').innerText()).toMatch(/Your corrections: 1\b/);
  });

  it('refuses settings out of range', async () => {
    await setSetting('epochs', '0');
    await expect.poll(() => options.locator('.problem').first().innerText()).toBe('Epochs must be a whole number from 1 to 30.');
    expect(await options.getByTestId('start').isDisabled()).toBe(true);
    await setSetting('epochs', '1');
    await setSetting('trainImages', '2000');
  });

  it('cancelling stops every worker and leaves the model in use untouched', async () => {
    await options.getByTestId('dataset-counts').waitFor({ timeout: 60_000 });
    await options.getByTestId('start').click();
    // Cancelled while the replicas train, not before they start.
    await expect.poll(() => options.getByTestId('training-progress').innerText(), { timeout: 60_000 }).toMatch(/batch \d+\//);
    const cores = await options.evaluate(() => Math.min(4, navigator.hardwareConcurrency));
    expect(workerFiles()).toEqual(['fine-tune', ...(cores > 1 ? Array(cores).fill('replica') : [])]);
    await options.getByTestId('cancel').click();
    await expect.poll(() => options.getByTestId('phase').innerText()).toBe('Training cancelled; the model in use is unchanged.');
    await expect.poll(workerFiles, { timeout: 10_000 }).toEqual([]);
    expect(await options.getByTestId('keep').count()).toBe(0);
    expect(await modelInUse()).toBe(bundledVersion);
    expect(await answerVersion()).toBe(bundledVersion);
  });

  it('a training worker that crashes ends the run with a message saying so, stops the others, and the model in use stays', async () => {
    await options.getByTestId('start').click();
    await expect.poll(() => options.getByTestId('training-progress').innerText(), { timeout: 60_000 }).toMatch(/batch \d+\//);
    const replica = options.workers().find((w) => w.url().includes('/replica.worker'));
    // One core: no replica workers, so nothing of this to check.
    if (!replica) return expect(await options.evaluate(() => navigator.hardwareConcurrency)).toBe(1);
    await replica.evaluate(() => void setTimeout(() => { throw new Error('simulated crash'); }));
    await expect.poll(() => options.getByRole('alert').innerText()).toMatch(
      /^Training failed: training worker \d of \d stopped \(.*simulated crash\)\. The model in use is unchanged\.$/,
    );
    await expect.poll(workerFiles, { timeout: 10_000 }).toEqual([]);
    expect(await options.getByTestId('keep').count()).toBe(0);
    expect(await modelInUse()).toBe(bundledVersion);
    expect(await answerVersion()).toBe(bundledVersion);
  });

  it('fine-tunes with live progress and charts, shows before and after, and keeping it switches the classifier', async () => {
    await options.getByTestId('start').click();
    // Measuring the model in use comes first, and says so.
    await expect.poll(() => options.getByTestId('phase').innerText()).toMatch(/^Evaluating the model in use on 10,000 test images…$|^Training…$/);
    await options.getByTestId('training-progress').waitFor({ timeout: 60_000 });
    await expect.poll(() => options.getByTestId('training-progress').innerText(), { timeout: 60_000 }).toMatch(/Epoch 1\/1 · batch \d+\/\d+ · [\d,]+ images\/s/);
    await expectAccessible();
    await options.getByTestId('keep').waitFor({ timeout: 170_000 });
    expect(await options.getByTestId('phase').innerText()).toBe('Training finished.');
    expect(await options.getByTestId('phase').getAttribute('role')).toBe('status');
    expect(await options.getByRole('heading', { name: 'Training finished' }).count()).toBe(1);
    await expect.poll(() => inView('keep')).toBe(true);
    expect(await options.getByTestId('progress-bar').evaluate((bar: HTMLProgressElement) => bar.position)).toBe(1);
    expect(await options.getByTestId('training-progress').innerText()).not.toMatch(/left/);
    expect(Number(await options.getByTestId('loss-chart').getAttribute('data-points'))).toBeGreaterThan(1);
    expect(await options.getByTestId('accuracy-before').innerText()).toMatch(/^\d+\.\d%$/);
    expect(await options.getByTestId('accuracy-after').innerText()).toMatch(/^\d+\.\d%$/);
    expect(await options.getByTestId('evaluation').locator('caption').innerText()).toMatch(/10,000 Fashion-MNIST test images/);
    const matrix = options.getByRole('table', { name: 'New model: confusion matrix' });
    expect(await matrix.locator('th[scope=col]').allInnerTexts()).toEqual([...CLASS_NAMES]);
    expect(await matrix.locator('th[scope=row]').allInnerTexts()).toEqual([...CLASS_NAMES]);
    await expectAccessible();
    await options.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible();
    await options.emulateMedia({ colorScheme: 'light' });

    await options.getByTestId('keep').click();
    await expect.poll(modelInUse).toMatch(/^finetuned-\d{8}-[0-9a-f]{8}$/);
    const kept = await modelInUse();
    expect(await answerVersion()).toBe(kept);

    await options.getByRole('button', { name: 'Reset to the bundled model' }).click();
    await expect.poll(modelInUse).toBe(bundledVersion);
    expect(await answerVersion()).toBe(bundledVersion);

    await options.getByRole('button', { name: /Go back to the previous version/ }).click();
    await expect.poll(modelInUse).toBe(kept);
    expect(await options.getByRole('button', { name: 'Reset to the bundled model' }).isEnabled()).toBe(true);
  });

  it('refuses a corrupt stored model and uses the bundled one, with a message', async () => {
    await options.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('garment-scout');
        open.onsuccess = () => resolve(open.result);
      });
      const tx = db.transaction(['models', 'settings'], 'readwrite');
      const models = tx.objectStore('models');
      const version = (await new Promise((resolve) => (tx.objectStore('settings').get('activeModel').onsuccess = (e) => resolve((e.target as IDBRequest).result)))) as string;
      models.get(version).onsuccess = (e) => {
        const model = (e.target as IDBRequest).result;
        model.files['weights.bin'] = new Uint8Array(model.files['weights.bin'].length).fill(255); // NaN weights
        models.put(model);
      };
      await new Promise((resolve) => (tx.oncomplete = resolve));
    });
    // As after a browser restart: the classifier loads the stored model afresh.
    await (await extension.serviceWorker()).evaluate(() => chrome.offscreen.closeDocument());
    await options.reload();
    await expect.poll(() => options.getByTestId('model-refused').innerText(), { timeout: 30_000 }).toMatch(/could not be used .*weights\.bin/);
    expect(await modelInUse()).toBe(bundledVersion);
    expect(await answerVersion()).toBe(bundledVersion);
  });
});
