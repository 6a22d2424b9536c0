import { beforeAll, describe, expect, it } from 'vitest';
import { CLASS_NAMES } from '../lib/classes';
import { classifyWithMenu, overlayAnswer } from './support/context-menu';
import { useShopSession } from './support/shop-session';

describe('Right-click "Classify garment"', () => {
  const session = useShopSession();
  beforeAll(async () => {
    await session.page.locator('#blob[src^="blob:"]').waitFor({ state: 'attached' });
  });

  it.each([
    ['a same-origin image', '#same'],
    ['a cross-origin image served without CORS', '#cross'],
    ['the largest srcset candidate', '#srcset'],
    ['a CSS background', '#background'],
    ['a data: URL', '#data'],
    ['a blob: URL', '#blob'],
    ['a 50-megapixel photo', '#huge'],
  ])('answers next to %s', async (_, selector) => {
    await classifyWithMenu(session.extension, session.page, selector);
    const { state, text } = await overlayAnswer(session.page);
    expect(state, text).toBe('answer');
    const labels = CLASS_NAMES.map((c) => c.replace('/', '\\/')).join('|');
    expect(text).toMatch(new RegExp(`^(${labels}) · \\d+%|^Not sure|^Not one of the 10 kinds`));
    expect(text).toMatch(/\d+%/);
  });

  it.each([
    ['#same', 'Ankle boot'],
    ['#srcset', 'Trouser'],
  ])('names the garment of a Fashion-MNIST test picture rendered large (%s)', async (selector, label) => {
    expect(CLASS_NAMES[session.shop.labels[selector.slice(1)]]).toBe(label);
    await classifyWithMenu(session.extension, session.page, selector);
    const { text } = await overlayAnswer(session.page);
    expect(text).toContain(`${label} · `);
  });

  it.each([
    // One message for whatever a site sends that is not a picture (tests/address-rules.test.ts has more).
    ['a 404', '#missing', /did not send a picture at this address/],
    ['a URL that serves HTML', '#html', /did not send a picture at this address/],
    ['a corrupt JPEG', '#corrupt', /could not be read as an image/],
    // 388 KB that would decode to 400 MB: refused from its header (lib/picture-size.ts).
    ['a 20000x20000 PNG', '#bomb', /The picture is too large \(400 megapixels\)/],
  ])('says clearly what went wrong for %s', async (_, selector, message) => {
    await classifyWithMenu(session.extension, session.page, selector);
    const { state, text } = await overlayAnswer(session.page);
    expect(state).toBe('error');
    expect(text).toMatch(message);
  });
});
