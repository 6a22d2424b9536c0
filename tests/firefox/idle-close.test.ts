/**
 * Firefox: the classifier page removes its own iframe from the event page when idle, and the next click
 * still answers. The event page is kept from suspending (which would take the iframe with it anyway),
 * so that the page's own close is what is seen; the idle time is shortened through storage.session
 * from an extension page, as no web page can.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { overlayAnswer } from './support/answer-cards';
import { classifyWithNativeMenu } from './support/native-menu';
import { useFirefoxShopSession } from './support/shop-session';

describe('Firefox: the classifier page when idle', () => {
  const session = useFirefoxShopSession({ idleTimeout: 10 * 60_000 });

  const classifierFrames = (extensionPage: Page) =>
    extensionPage.evaluate(async () => {
      const background = (await browser.runtime.getBackgroundPage()) as unknown as { document: Document } | null;
      return background?.document.querySelectorAll('iframe#classifier').length;
    });

  it('removes its iframe after the idle time, and the next click opens it again and answers', async () => {
    const extensionPage = await session.firefox.newPage(`${session.firefox.baseUrl}popup.html`);
    await extensionPage.evaluate(() => browser.storage.session.set({ classifierIdleMs: 2_000 }));
    await session.page.bringToFront();

    await classifyWithNativeMenu(session.firefox, session.page, '#cross');
    expect((await overlayAnswer(session.firefox, session.page)).state).toBe('answer');
    expect(await classifierFrames(extensionPage)).toBe(1);
    await expect.poll(() => classifierFrames(extensionPage), { timeout: 20_000, interval: 250 }).toBe(0);

    await session.page.bringToFront();
    await classifyWithNativeMenu(session.firefox, session.page, '#same');
    const { state, text } = await overlayAnswer(session.firefox, session.page);
    expect(state, text).toBe('answer');
    expect(await classifierFrames(extensionPage)).toBe(1);
  });
});
