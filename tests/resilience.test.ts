import { describe, expect, it } from 'vitest';
import { answerCards, removeAnswerCards } from './support/answer-cards';
import { classifyWithMenu, dispatchMenuClick, overlayAnswer } from './support/context-menu';
import { useShopSession } from './support/shop-session';

describe('the classifier under stress', () => {
  const session = useShopSession();

  const cardsIn = async (state: string) => (await answerCards(session.page)).filter((c) => c.state === state).length;
  const clearOverlays = () => removeAnswerCards(session.page);

  it('answers after the service worker was stopped between two classifications', async () => {
    await classifyWithMenu(session.extension, session.page, '#same');
    expect((await overlayAnswer(session.page)).state).toBe('answer');
    await (await session.extension.serviceWorker()).evaluate(() => ((globalThis as { marker?: number }).marker = 1));
    await session.extension.stopServiceWorker();
    await classifyWithMenu(session.extension, session.page, '#cross'); // wakes a new worker, as Chrome would for a menu click
    expect((await overlayAnswer(session.page)).state).toBe('answer');
    // It really was a new worker: nothing of the old one's memory is left.
    expect(await (await session.extension.serviceWorker()).evaluate(() => (globalThis as { marker?: number }).marker)).toBeUndefined();
  });

  it('answers every request when the offscreen document is closed mid-queue', async () => {
    await clearOverlays();
    const src = await session.page.locator('#same').evaluate((img: HTMLImageElement) => img.currentSrc);
    for (let i = 0; i < 5; i++) await dispatchMenuClick(session.extension, session.page.url(), src);
    await (await session.extension.serviceWorker()).evaluate(() => chrome.offscreen.closeDocument());
    await expect.poll(() => cardsIn('answer'), { timeout: 60_000 }).toBe(5);
  });

  it('answers all of 30 rapid requests', async () => {
    await clearOverlays();
    const src = await session.page.locator('#cross').evaluate((img: HTMLImageElement) => img.currentSrc);
    await Promise.all(Array.from({ length: 30 }, () => dispatchMenuClick(session.extension, session.page.url(), src)));
    await expect.poll(() => cardsIn('answer'), { timeout: 90_000 }).toBe(30);
    expect(await cardsIn('error')).toBe(0);
  });
});
