import { describe, expect, it } from 'vitest';
import { answerCards } from './support/answer-cards';
import { classifyWithMenu, overlayAnswer } from './support/context-menu';
import { useShopSession } from './support/shop-session';

describe('a picture that is none of the 10 kinds', () => {
  const session = useShopSession();

  it('is called out of scope on the card, in the popup and in the history, where the filter finds it', async () => {
    const { extension, page } = session;
    await classifyWithMenu(extension, page, '#watch');
    const { state, text } = await overlayAnswer(page);
    expect(state).toBe('answer');
    expect(text).toContain('Not one of the 10 kinds');
    expect(text).toMatch(/doesn't look like any of the 10 kinds/);
    expect((await answerCards(page)).at(-1)?.verdict).toBe('out-of-scope');

    await classifyWithMenu(extension, page, '#same'); // an ankle boot, for the filter to leave out
    expect((await overlayAnswer(page)).text).toContain('Ankle boot · ');

    const popup = await extension.openPage('popup.html');
    const entries = popup.getByTestId('history-entry');
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.nth(1).innerText()).toContain('Not one of the 10 kinds');
    await popup.getByLabel('Filter by class').selectOption({ label: 'Not one of the 10 kinds' });
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().innerText()).toContain('Not one of the 10 kinds');
    await popup.getByLabel('Filter by class').selectOption({ label: 'Ankle boot' });
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().innerText()).toContain('Ankle boot');
  });
});
