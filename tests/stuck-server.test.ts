import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCards } from './support/answer-cards';
import { classifyWithMenu, overlayAnswer } from './support/context-menu';
import { useShopSession } from './support/shop-session';

describe('a picture whose server never answers', () => {
  const session = useShopSession();
  let stuck: Server;
  let stuckUrl: string;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // Accepts every connection and never sends a byte back.
    stuck = createServer(() => undefined);
    stuck.on('connection', (socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))));
    await new Promise<void>((resolve) => stuck.listen(0, '127.0.0.1', resolve));
    stuckUrl = `http://127.0.0.1:${(stuck.address() as AddressInfo).port}/img/stuck.jpg`;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.destroy());
    await new Promise((resolve) => stuck?.close(resolve));
  });

  it('gets a clear message once the time limit is up, and holds up no other answer meanwhile', async () => {
    const { extension, page, shop } = session;
    await page.evaluate((src) => {
      const img = Object.assign(document.createElement('img'), { id: 'stuck', src, alt: '', width: 200, height: 200 });
      document.body.prepend(img);
    }, stuckUrl);
    await classifyWithMenu(extension, page, '#stuck');
    const stuckCardState = async () => (await answerCards(page)).at(-1)?.state;
    await expect.poll(stuckCardState).toBe('pending');

    // Another tab's picture is answered while the stuck one still waits.
    const other = await extension.context.newPage();
    await other.goto(`${shop.url}again`);
    await classifyWithMenu(extension, other, '#same');
    expect((await overlayAnswer(other)).text).toContain('Ankle boot · ');
    expect(await stuckCardState()).toBe('pending');

    const { state, text } = await overlayAnswer(page, 30_000);
    expect(state).toBe('error');
    expect(text).toContain('The site did not send the picture in time.');
    await other.close();
  });
});
