/**
 * The answer card as a shopper meets it: it covers at most a quarter of a picture (beside a small
 * one), one card per picture, closed by Escape wherever the focus is or by a click elsewhere, and it
 * never takes the focus from what the user is typing. The keyboard shortcut classifies the picture in
 * focus, or under the mouse.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { coveredShare } from '../lib/card-placement';
import { answerCards, newestCardBox, removeAnswerCards } from './support/answer-cards';
import { checkAccessibility } from './support/axe';
import { evaluateInContentScript } from './support/content-world';
import { classifyWithMenu, dispatchMenuClick, overlayAnswer } from './support/context-menu';
import type { LoadedExtension } from './support/extension';
import { useShopSession } from './support/shop-session';

async function share(page: Page, selector: string): Promise<number> {
  const picture = (await page.locator(selector).boundingBox())!;
  const card = await newestCardBox(page);
  return coveredShare({ left: picture.x, top: picture.y, width: picture.width, height: picture.height }, { left: card.x, top: card.y, width: card.width, height: card.height });
}

/** The shortcut as Chrome delivers it: `commands.onCommand` in the worker, with the active tab. */
async function pressShortcut(extension: LoadedExtension, page: Page): Promise<void> {
  const worker = await extension.serviceWorker();
  await worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    (chrome.commands.onCommand as unknown as { dispatch(c: string, t: object): void }).dispatch('classify-picture', tab);
  }, page.url());
}

describe('the answer card', () => {
  const session = useShopSession();

  it('covers at most a quarter of a 200 px picture, and sits beside a small one', async () => {
    const { extension, page } = session;
    await classifyWithMenu(extension, page, '#same');
    expect((await overlayAnswer(page)).state).toBe('answer');
    expect(await share(page, '#same')).toBeLessThanOrEqual(0.25);

    await page.evaluate(() => document.body.prepend(Object.assign(document.createElement('img'), { id: 'small', src: '/img/boot.png', alt: '', style: 'width: 90px; height: 90px' })));
    await classifyWithMenu(extension, page, '#small');
    expect((await overlayAnswer(page)).state).toBe('answer');
    expect(await share(page, '#small')).toBe(0);
  });

  it('keeps the model and timing under Details, and does not repeat the answer among the others', async () => {
    const { text } = await overlayAnswer(session.page);
    expect(text).toMatch(/^Ankle boot · \d+% Also possible: .+ Details$/);
    expect(text.match(/Ankle boot/g)).toHaveLength(1);
  });

  it('shows one card per picture: a second answer replaces the first', async () => {
    const { extension, page } = session;
    await classifyWithMenu(extension, page, '#same');
    await overlayAnswer(page);
    await page.locator('#same').click({ button: 'right' });
    await dispatchMenuClick(extension, page.url(), await page.locator('#same').evaluate((img: HTMLImageElement) => img.currentSrc));
    await expect.poll(async () => (await answerCards(page)).map((c) => c.state)).toEqual(['answer']);
  });

  it('never takes the focus from a search box the user is typing in, and closes with Escape there', async () => {
    const { extension, page } = session;
    await removeAnswerCards(page);
    await page.evaluate(() => document.body.prepend(Object.assign(document.createElement('input'), { id: 'search', type: 'search' })));
    await page.locator('#cross').click({ button: 'right' });
    await page.locator('#search').focus();
    await page.keyboard.type('wool co');
    await dispatchMenuClick(extension, page.url(), await page.locator('#cross').evaluate((img: HTMLImageElement) => img.currentSrc));
    expect((await overlayAnswer(page)).state).toBe('answer');
    await page.keyboard.type('at');
    expect(await page.locator('#search').inputValue()).toBe('wool coat');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await answerCards(page)).length).toBe(0);
  });

  it('passes axe-core, in light and in dark, with its own colours in each', async () => {
    const { extension, page } = session;
    await classifyWithMenu(extension, page, '#same');
    expect((await overlayAnswer(page)).state).toBe('answer');
    // axe cannot enter a closed shadow root: the card's markup and styles, taken out with the content
    // script's own chrome.dom, are copied into an open one at the same place, and checked there.
    const markup = await evaluateInContentScript<string>(page, "chrome.dom.openOrClosedShadowRoot(document.querySelector('garment-scout-answer')).innerHTML");
    await page.evaluate((markup) => {
      const copy = Object.assign(document.createElement('div'), { id: 'card-copy' });
      copy.attachShadow({ mode: 'open' }).innerHTML = markup;
      document.body.append(copy);
    }, markup);
    const backgrounds: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await checkAccessibility(page, '#card-copy')).toEqual({ violations: [], seriousIncomplete: [] });
      backgrounds.push(await page.evaluate(() => getComputedStyle(document.getElementById('card-copy')!.shadowRoot!.querySelector('.card')!).backgroundColor));
    }
    expect(backgrounds[0]).not.toBe(backgrounds[1]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.evaluate(() => document.getElementById('card-copy')!.remove());
  });

  it('closes when the user clicks elsewhere on the page', async () => {
    const { extension, page } = session;
    await classifyWithMenu(extension, page, '#same');
    expect((await overlayAnswer(page)).state).toBe('answer');
    await page.mouse.click(5, 5);
    await expect.poll(async () => (await answerCards(page)).length).toBe(0);
  });
});

describe('the keyboard shortcut', () => {
  const session = useShopSession();

  it('is Alt+Shift+G unless the user changed it', async () => {
    const worker = await session.extension.serviceWorker();
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'classify-picture')?.shortcut).toBe('Alt+Shift+G');
  });

  it('classifies the picture under the mouse', async () => {
    const { extension, page } = session;
    const box = (await page.locator('#cross').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await pressShortcut(extension, page);
    expect((await overlayAnswer(page)).text).toContain('Pullover · ');
  });

  it('classifies the picture in focus, whatever the mouse is over', async () => {
    const { extension, page } = session;
    await removeAnswerCards(page);
    await page.evaluate(() => {
      const link = Object.assign(document.createElement('a'), { id: 'product-link', href: '#boot' });
      link.append(Object.assign(document.createElement('img'), { src: '/img/boot.png', alt: 'An ankle boot', style: 'width: 200px; height: 200px' }));
      document.body.prepend(link);
    });
    await page.locator('#product-link').focus();
    await pressShortcut(extension, page);
    expect((await overlayAnswer(page)).text).toContain('Ankle boot · ');
  });
});
