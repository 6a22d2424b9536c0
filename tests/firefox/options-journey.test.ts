import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startShopPages, type ShopPages } from '../support/shop-pages';
import { overlayAnswer } from './support/answer-cards';
import { launchFirefox, type LoadedFirefox } from './support/firefox';
import { classifyWithNativeMenu } from './support/native-menu';

describe('Firefox: the options page fine-tunes in its Workers', () => {
  let firefox: LoadedFirefox;
  let shop: ShopPages;
  let shopPage: Page;
  let options: Page;
  let bundledVersion: string;

  const text = (selector: string) => options.$eval(selector, (e) => (e as HTMLElement).innerText);
  const modelInUse = async () => (await text('[data-testid="model-in-use"]')).replace('Model in use: ', '');
  const until = async (read: () => Promise<string>, wanted: RegExp, timeout = 30_000) => {
    const deadline = Date.now() + timeout;
    let value: string;
    while (!wanted.test((value = await read()))) {
      if (Date.now() > deadline) throw new Error(`Still '${value}', not ${wanted}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return value;
  };
  const answerVersion = async () => {
    await classifyWithNativeMenu(firefox, shopPage, '#same');
    const { state, details } = await overlayAnswer(firefox, shopPage);
    expect(state).toBe('answer');
    return /Model (\S+)/.exec(details)![1]; // under the card's Details
  };
  const setSetting = (name: string, value: string) =>
    options.$eval(
      `input[name="${name}"]`,
      (input, value) => {
        (input as HTMLInputElement).value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      },
      value,
    );

  beforeAll(async () => {
    [firefox, shop] = await Promise.all([launchFirefox(), startShopPages()]);
    shopPage = await firefox.newPage(shop.url);
    bundledVersion = await answerVersion();
    options = await firefox.newPage(`${firefox.baseUrl}options.html`);
    await options.waitForSelector('[data-testid="dataset-counts"]', { timeout: 60_000 });
    await until(modelInUse, new RegExp(`^${bundledVersion}$`));
    // A short run: one epoch over 2,000 images.
    await setSetting('epochs', '1');
    await setSetting('trainImages', '2000');
  });
  afterAll(async () => {
    await firefox?.close();
    await shop?.close();
  });

  it('times this computer on the workers a run trains on, one per core (up to 4), before Start', async () => {
    const cores = await options.evaluate(() => Math.min(4, navigator.hardwareConcurrency));
    const onCores = cores > 1 ? `, training on ${cores} cores at once` : '';
    await until(() => text('[data-testid="estimate"]'), new RegExp(`^Takes about .+ on this computer${onCores}\\.$`), 60_000);
  });

  it('cancelling leaves the model in use untouched', async () => {
    await options.click('[data-testid="start"]');
    await options.waitForSelector('[data-testid="training-progress"]', { timeout: 60_000 });
    await options.click('[data-testid="cancel"]');
    await until(() => text('[data-testid="phase"]').catch(() => ''), /^Training cancelled; the model in use is unchanged\.$/, 30_000);
    expect(await options.$('[data-testid="keep"]')).toBeNull();
    expect(await modelInUse()).toBe(bundledVersion);
    expect(await answerVersion()).toBe(bundledVersion);
  });

  it('fine-tunes with live progress, and keeping the new model switches the classifier', async () => {
    await options.click('[data-testid="start"]');
    await until(() => text('[data-testid="training-progress"]').catch(() => ''), /Epoch 1\/1 · batch \d+\/\d+ · [\d,]+ images\/s/, 60_000);
    await options.waitForSelector('[data-testid="keep"]', { timeout: 170_000 });
    expect(await text('[data-testid="accuracy-after"]')).toMatch(/^\d+\.\d%$/);

    await options.click('[data-testid="keep"]');
    const kept = await until(modelInUse, /^finetuned-\d{8}-[0-9a-f]{8}$/);
    expect(await answerVersion()).toBe(kept);

    await options.click('button::-p-text(Reset to the bundled model)');
    await until(modelInUse, new RegExp(`^${bundledVersion}$`));
    expect(await answerVersion()).toBe(bundledVersion);
  });
});
