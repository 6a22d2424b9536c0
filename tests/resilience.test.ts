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

  /** `count` pictures of the same file under different addresses: one card per picture, so each gets its own. */
  async function copiesOf(selector: string, count: number): Promise<string[]> {
    return session.page.locator(selector).evaluate((img: HTMLImageElement, count) => {
      document.querySelectorAll('.copy').forEach((e) => e.remove());
      return Array.from({ length: count }, (_, i) => {
        const copy = Object.assign(document.createElement('img'), { className: 'copy', src: `${img.currentSrc}?copy=${i}`, alt: '' });
        Object.assign(copy.style, { width: '40px', height: '40px' });
        document.body.append(copy);
        return copy.src;
      });
    }, count);
  }

  it('answers every request when the offscreen document is closed mid-queue', async () => {
    await clearOverlays();
    for (const src of await copiesOf('#same', 5)) await dispatchMenuClick(session.extension, session.page.url(), src);
    await (await session.extension.serviceWorker()).evaluate(() => chrome.offscreen.closeDocument());
    await expect.poll(() => cardsIn('answer'), { timeout: 60_000 }).toBe(5);
  });

  it('answers all of 30 rapid requests', async () => {
    await clearOverlays();
    const sources = await copiesOf('#same', 30);
    await Promise.all(sources.map((src) => dispatchMenuClick(session.extension, session.page.url(), src)));
    await expect.poll(() => cardsIn('answer'), { timeout: 90_000 }).toBe(30);
    expect(await cardsIn('error')).toBe(0);
  });

  it('keeps one card per picture when it is asked about the same picture again and again', async () => {
    await clearOverlays();
    const src = await session.page.locator('#cross').evaluate((img: HTMLImageElement) => img.currentSrc);
    await Promise.all(Array.from({ length: 5 }, () => dispatchMenuClick(session.extension, session.page.url(), src)));
    await expect.poll(async () => (await answerCards(session.page)).map((c) => c.state), { timeout: 60_000 }).toEqual(['answer']);
  });
});
