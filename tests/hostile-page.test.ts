import { describe, expect, it } from 'vitest';
import { closeNewestCard } from './support/answer-cards';
import { classifyWithMenu, overlayAnswer } from './support/context-menu';
import { useShopSession } from './support/shop-session';

declare global {
  interface Window {
    /** Every shadow root the page's hooked attachShadow saw made. */
    capturedRoots?: ShadowRoot[];
  }
}

/**
 * The answer card's text (an answer, or an error that could tell an intranet address exists) is the
 * user's, not the page's: whatever the page's own scripts try, they cannot read it.
 */
describe('a page that spies on the answer card', () => {
  const session = useShopSession();

  it('can read neither the answer nor the shadow root it is in', async () => {
    const { extension, page } = session;
    // Before any card exists, the page hooks attachShadow to keep every root made in its world.
    await page.evaluate(() => {
      const attach = Element.prototype.attachShadow;
      window.capturedRoots = [];
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, init);
        window.capturedRoots!.push(root);
        return root;
      };
      document.createElement('div').attachShadow({ mode: 'closed' }); // the hook works: this one is caught
    });

    await classifyWithMenu(extension, page, '#same'); // an ankle boot
    const { state, text } = await overlayAnswer(page);
    expect(state).toBe('answer');
    expect(text).toContain('Ankle boot · ');

    const seen = await page.evaluate(() => {
      const host = document.querySelector('garment-scout-answer')!;
      return {
        shadowRoot: host.shadowRoot === null ? 'null' : 'readable',
        capturedHosts: window.capturedRoots!.map((root) => root.host.localName),
        hostText: host.textContent! + (host as HTMLElement).innerText,
        bodyText: document.body.innerText,
        html: document.documentElement.outerHTML, // attributes too
      };
    });
    expect(seen.shadowRoot).toBe('null'); // closed
    expect(seen.capturedHosts).toEqual(['div']); // the content script's attachShadow is its own world's
    expect(seen.hostText).toBe('');
    expect(seen.bodyText).not.toContain('Ankle boot');
    expect(seen.html).not.toContain('Ankle boot');

    // The user can still close it, with the × where they see it.
    await closeNewestCard(page);
    await expect.poll(() => page.locator('garment-scout-answer').count()).toBe(0);
  });
});
