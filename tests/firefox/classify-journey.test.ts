import { describe, expect, it } from 'vitest';
import { CLASS_NAMES } from '../../lib/classes';
import { overlayAnswer } from './support/answer-cards';
import { readHistory } from './support/history';
import { classifyWithNativeMenu } from './support/native-menu';
import { useFirefoxShopSession } from './support/shop-session';

describe('Firefox: right-click "Classify garment" in the real context menu', () => {
  const session = useFirefoxShopSession();
  const labels = CLASS_NAMES.map((c) => c.replace('/', '\\/')).join('|');

  it.each([
    ['a cross-origin image served without CORS', '#cross'],
    ['a same-origin image', '#same'],
    ['a CSS background', '#background'],
  ])('answers next to %s', async (_, selector) => {
    await classifyWithNativeMenu(session.firefox, session.page, selector);
    const { state, text } = await overlayAnswer(session.firefox, session.page);
    expect(state, text).toBe('answer');
    expect(text).toMatch(new RegExp(`^(${labels}) · \\d+%|^Not sure|^Not one of the 10 kinds`));
  });

  it('names the garment of a Fashion-MNIST test picture rendered large', async () => {
    expect(CLASS_NAMES[session.shop.labels.same]).toBe('Ankle boot');
    await classifyWithNativeMenu(session.firefox, session.page, '#same');
    expect((await overlayAnswer(session.firefox, session.page)).text).toContain('Ankle boot · ');
  });

  it.each([
    ['a URL that serves HTML', '#html', /did not send a picture at this address/],
    // Firefox decodes what a truncated JPEG has and leaves the rest blank, where Chromium refuses it:
    // the classifier then finds nothing in it, and says so.
    ['a corrupt JPEG', '#corrupt', /looks empty or is a single flat colour/],
  ])('says clearly what went wrong for %s', async (_, selector, message) => {
    await classifyWithNativeMenu(session.firefox, session.page, selector);
    const { state, text } = await overlayAnswer(session.firefox, session.page);
    expect(state).toBe('error');
    expect(text).toMatch(message);
  });

  it('keeps each answer in the history, with the page it came from', async () => {
    const history = await readHistory(session.firefox);
    expect(history.length).toBeGreaterThanOrEqual(4);
    expect(history.map((e) => e.imageUrl)).toContain(`${session.shop.cdnUrl}/img/pullover.jpg`);
    expect(history.every((e) => e.pageUrl === session.shop.url)).toBe(true);
  });
});
