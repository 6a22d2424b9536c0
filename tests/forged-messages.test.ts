/**
 * A content script speaks for a web page, and a compromised page's renderer can make it say anything:
 * messages meant for the popup or for the service worker must be ignored when they come from it.
 * The forged messages are sent from the extension's real content-script world in the shop's tab.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { classifyWithMenu, overlayAnswer } from './support/context-menu';
import { evaluateInContentScript } from './support/content-world';
import { readHistory } from './support/history-store';
import { useShopSession } from './support/shop-session';

async function sendFrom(page: Page, world: 'content script' | 'extension page', type: string, data: unknown): Promise<unknown> {
  const message = { id: 1, type, data, timestamp: Date.now() };
  if (world === 'extension page') return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  return evaluateInContentScript(page, `chrome.runtime.sendMessage(${JSON.stringify(message)})`);
}

describe('messages from the wrong sender', () => {
  const session = useShopSession();
  const forgedPicture = (tag: string) => `${session.shop.url}img/boot.png?forged=${tag}`;
  const wasRead = (tag: string) => session.shop.requested.includes(`/img/boot.png?forged=${tag}`);

  it('a content script cannot ask the service worker to classify and record a picture', async () => {
    const reply = await sendFrom(session.page, 'content script', 'background:classify', { source: forgedPicture('worker'), pageUrl: 'https://forged.example/' });
    expect(reply).toEqual({});
    expect(wasRead('worker')).toBe(false);
    const history = await readHistory(await session.extension.openPage('popup.html'));
    expect(history.filter((e) => e.pageUrl === 'https://forged.example/')).toEqual([]);
  });

  it('a content script cannot ask the offscreen document directly', async () => {
    await classifyWithMenu(session.extension, session.page, '#same'); // the offscreen document is open and listening
    expect((await overlayAnswer(session.page)).state).toBe('answer');
    const reply = await sendFrom(session.page, 'content script', 'offscreen:classify', { source: forgedPicture('offscreen'), requestId: 'forged' });
    expect(reply).toEqual({});
    expect(wasRead('offscreen')).toBe(false);
  });

  it('the same request from an extension page is answered (the check is on the sender, not the message)', async () => {
    const popup = await session.extension.openPage('popup.html');
    const reply = (await sendFrom(popup, 'extension page', 'background:classify', { source: forgedPicture('popup'), pageUrl: 'popup' })) as {
      res?: { answer: { label: string } };
    };
    expect(reply.res?.answer.label).toBe('Ankle boot');
    expect(wasRead('popup')).toBe(true);
  });
});
