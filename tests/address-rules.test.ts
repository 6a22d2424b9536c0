/**
 * A page must not use the extension to read what it could not read itself. A page on the public
 * internet (shop.example) points lazy pictures at local files, other extensions and the machine's own
 * network: each gets the same message whether something lies there or not, and nothing reaches the
 * history. Whatever a site sends that is not a picture gets one message too.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_REFUSED } from '../lib/allowed-address';
import { classifyWithMenu, overlayAnswer } from './support/context-menu';
import { readHistory } from './support/history-store';
import { useShopSession } from './support/shop-session';

const NOT_SENT = 'The site did not send a picture at this address.';

describe('what a public page may make the extension read', () => {
  const session = useShopSession();
  let page: Page;
  beforeAll(async () => {
    page = await session.extension.context.newPage();
    await page.goto(session.shop.publicUrl);
  });

  /** Puts one picture on the page as a lazy loader would (a placeholder, the address in data-src), or as a CSS background. */
  async function classifyDecoy(address: string, as: 'lazy' | 'background' = 'lazy') {
    await page.evaluate(
      ({ address, as }) => {
        document.getElementById('decoy')?.remove();
        const decoy =
          as === 'lazy'
            ? Object.assign(document.createElement('img'), { src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', alt: '' })
            : Object.assign(document.createElement('div'), { style: `background-image: url("${address}")` });
        if (as === 'lazy') decoy.dataset.src = address;
        Object.assign(decoy, { id: 'decoy' });
        Object.assign(decoy.style, { display: 'block', width: '200px', height: '200px' });
        document.body.prepend(decoy);
      },
      { address, as },
    );
    await classifyWithMenu(session.extension, page, '#decoy');
    return overlayAnswer(page);
  }

  it('answers a picture of its own site (the rule does not refuse everything)', async () => {
    const { state, text } = await classifyDecoy(`${session.shop.publicUrl}img/boot.png`);
    expect(state).toBe('answer');
    expect(text).toContain('Ankle boot · ');
  });

  const loopback = () => new URL(session.shop.url).origin;
  it.each([
    ['a local file that exists', (): string => 'file:///etc/passwd', 'lazy'],
    ['a local file that does not', (): string => 'file:///no/such/picture.png', 'lazy'],
    ['a local file as a CSS background', (): string => 'file:///etc/passwd', 'background'],
    ['a picture on this machine (loopback) that exists', (): string => `${loopback()}/img/boot.png`, 'lazy'],
    ['a loopback address where nothing listens', (): string => 'http://127.0.0.1:9/picture.png', 'lazy'],
    ['an address of the private network', (): string => 'http://192.168.0.1/logo.png', 'lazy'],
    ['an intranet name', (): string => 'http://intranet/logo.png', 'background'],
    ['a page of the extension itself', (): string => `chrome-extension://${session.extension.id}/popup.html`, 'lazy'],
    ['a public address that redirects into the loopback', (): string => `${session.shop.publicUrl}redirect?to=${loopback()}/img/boot.png`, 'lazy'],
  ] as const)('refuses %s with the one message', async (_, address, as) => {
    const { state, text } = await classifyDecoy(address(), as);
    expect(state).toBe('error');
    expect(text).toBe(`Could not classify this picture ${ADDRESS_REFUSED}`);
  });

  it.each([
    ['a 404', 'img/missing.png'],
    ['an HTML page', 'img/not-an-image'],
    ['the shop page itself', ''],
  ])('says only that no picture came for %s', async (_, path) => {
    const { state, text } = await classifyDecoy(`${session.shop.publicUrl}${path}`);
    expect(state).toBe('error');
    expect(text).toBe(`Could not classify this picture ${NOT_SENT}`);
  });

  it('kept only the answer it gave in the history', async () => {
    const history = await readHistory(await session.extension.openPage('popup.html'));
    expect(history.map((e) => e.imageUrl)).toEqual([`${session.shop.publicUrl}img/boot.png`]);
  });

  it('lets a page on this machine read this machine: the rule follows where the page is', async () => {
    // The shop's own tab is on 127.0.0.1, and its pullover comes from another port of it.
    await classifyWithMenu(session.extension, session.page, '#cross');
    expect((await overlayAnswer(session.page)).state).toBe('answer');
  });
});
