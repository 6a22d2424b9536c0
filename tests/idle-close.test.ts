/**
 * The classifier page closes itself when idle, which gives its memory back, and the next click still
 * answers. The idle time is shortened through storage.session from the service worker, as no web page
 * can, on the build users get.
 */
import { describe, expect, it } from 'vitest';
import { answerCards, removeAnswerCards } from './support/answer-cards';
import { classifyWithMenu, dispatchMenuClick, overlayAnswer } from './support/context-menu';
import type { LoadedExtension } from './support/extension';
import { useShopSession } from './support/shop-session';

async function setIdleMs(extension: LoadedExtension, ms: number): Promise<void> {
  await (await extension.serviceWorker()).evaluate((ms) => chrome.storage.session.set({ classifierIdleMs: ms }), ms);
}

async function classifierPageOpen(extension: LoadedExtension): Promise<boolean> {
  return (await extension.serviceWorker()).evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })).length > 0);
}

describe('the classifier page when idle', () => {
  const session = useShopSession();

  it('closes after the idle time, and the next click opens it again and answers', async () => {
    await setIdleMs(session.extension, 2_000);
    await classifyWithMenu(session.extension, session.page, '#same');
    expect((await overlayAnswer(session.page)).state).toBe('answer');
    expect(await classifierPageOpen(session.extension)).toBe(true);
    await expect.poll(() => classifierPageOpen(session.extension), { timeout: 20_000, interval: 250 }).toBe(false);

    await classifyWithMenu(session.extension, session.page, '#cross');
    expect((await overlayAnswer(session.page)).state).toBe('answer');
    expect(await classifierPageOpen(session.extension)).toBe(true);
  });

  it('stays open while a request is under way, however long it takes', async () => {
    await setIdleMs(session.extension, 300);
    await removeAnswerCards(session.page);
    // A picture the site sends only after 2 s, far beyond the idle time.
    await session.page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { id: 'slow', src: '/img/slow.png?after=2000', alt: '' })));
    await classifyWithMenu(session.extension, session.page, '#slow');
    expect((await overlayAnswer(session.page)).state).toBe('answer');
  });

  it('loses no request to a close that races it', async () => {
    // Closing as soon as it is idle, the page closes between requests again and again.
    await setIdleMs(session.extension, 1);
    await removeAnswerCards(session.page);
    const sources = await session.page.locator('#same').evaluate((img: HTMLImageElement) =>
      Array.from({ length: 12 }, (_, i) => {
        const copy = Object.assign(document.createElement('img'), { className: 'copy', src: `${img.currentSrc}?copy=${i}`, alt: '' });
        Object.assign(copy.style, { width: '40px', height: '40px' });
        document.body.append(copy);
        return copy.src;
      }),
    );
    for (const [i, src] of sources.entries()) {
      await dispatchMenuClick(session.extension, session.page.url(), src);
      await new Promise((resolve) => setTimeout(resolve, (i % 4) * 40));
    }
    await expect.poll(async () => (await answerCards(session.page)).filter((c) => c.state === 'answer').length, { timeout: 90_000 }).toBe(12);
    expect((await answerCards(session.page)).filter((c) => c.state === 'error')).toEqual([]);
  });
});
