import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCards, closeNewestCard } from './support/answer-cards';
import { classifyWithMenu } from './support/context-menu';
import { useShopSession } from './support/shop-session';
import { startStuckServer, type StuckServer } from './support/stuck-server';

describe('closing the card or the tab stops its request', () => {
  const session = useShopSession();
  let stuck: StuckServer;
  beforeAll(async () => void (stuck = await startStuckServer()));
  afterAll(() => stuck?.close());

  /** Right-clicks a picture on `page` whose site never answers; only the extension asks for it (lazy `data-src`). */
  async function classifyStuckPicture(page: Page): Promise<void> {
    await page.evaluate((src) => {
      document.getElementById('stuck')?.remove();
      const img = Object.assign(document.createElement('img'), { id: 'stuck', alt: '', width: 200, height: 200 });
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      img.dataset.src = src;
      document.body.prepend(img);
    }, stuck.url);
    await classifyWithMenu(session.extension, page, '#stuck');
    await expect.poll(async () => (await answerCards(page)).at(-1)?.state).toBe('pending');
    await expect.poll(() => stuck.openRequests()).toBe(1);
  }

  it('closing the card with × drops the connection to the site, long before the time limit', async () => {
    await classifyStuckPicture(session.page);
    await closeNewestCard(session.page);
    await expect.poll(() => stuck.openRequests(), { timeout: 5_000 }).toBe(0);
    expect(await answerCards(session.page)).toEqual([]);
  });

  it('the tab going to another page drops it', async () => {
    await classifyStuckPicture(session.page);
    await session.page.goto(session.shop.url);
    await expect.poll(() => stuck.openRequests(), { timeout: 5_000 }).toBe(0);
  });

  it('closing the tab drops it too', async () => {
    const page = await session.extension.context.newPage();
    await page.goto(`${session.shop.url}again`); // a tab the menu click can tell from the first
    await classifyStuckPicture(page);
    await page.close();
    await expect.poll(() => stuck.openRequests(), { timeout: 5_000 }).toBe(0);
  });
});
