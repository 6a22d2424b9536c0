import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { overlayAnswer } from './support/answer-cards';
import { readHistory } from './support/history';
import { classifyWithNativeMenu } from './support/native-menu';
import { useFirefoxShopSession } from './support/shop-session';

describe('Firefox: the popup', () => {
  const session = useFirefoxShopSession();
  let popup: Page;
  const entryTexts = () => popup.$$eval('[data-testid="history-entry"]', (items) => items.map((li) => (li as HTMLElement).innerText));
  const poll = async <T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 10_000): Promise<T> => {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await read();
      if (ok(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    for (const selector of ['#same', '#cross']) {
      await classifyWithNativeMenu(session.firefox, session.page, selector);
      expect((await overlayAnswer(session.firefox, session.page)).state).toBe('answer');
    }
    popup = await session.firefox.newPage(`${session.firefox.baseUrl}popup.html`);
  });

  it('shows the latest answer and the history, newest first, with thumbnails', async () => {
    expect(await poll(entryTexts, (t) => t.length === 2)).toHaveLength(2);
    expect(await popup.$eval('[data-testid="latest"]', (e) => (e as HTMLElement).innerText)).toMatch(/\d+%/);
    // Newest first: the cross-origin picture was classified last, and Firefox decoded its thumbnail.
    expect((await entryTexts())[0]).toContain('127.0.0.1');
    const width = await popup.$eval('[data-testid="history-entry"] img.thumb', (img) => (img as HTMLImageElement).naturalWidth);
    expect(width).toBeGreaterThan(10);
  });

  it('keeps the label the user marks as right', async () => {
    // A menu of choices: the correction is saved when one is chosen.
    await popup.click('[data-testid="history-entry"] .correct > button');
    await popup.click('[data-testid="history-entry"] [role="menuitemradio"]:nth-child(3)');
    const corrected = await poll(() => readHistory(session.firefox), (h) => h.some((e) => e.correctedIndex === 2));
    expect(corrected.map((e) => e.correctedIndex)).toContain(2);
  });

  it('deletes one entry', async () => {
    await popup.click('[data-testid="history-entry"] button.delete');
    expect(await poll(entryTexts, (t) => t.length === 1)).toHaveLength(1);
    expect(await readHistory(session.firefox)).toHaveLength(1);
  });
});
