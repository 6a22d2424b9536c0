import { describe, expect, it } from 'vitest';
import { overlayAnswer } from './support/answer-cards';
import { classifyWithNativeMenu } from './support/native-menu';
import { useFirefoxShopSession } from './support/shop-session';

const IDLE = 2_000;

describe('Firefox: the background event page suspended after idling', () => {
  // Firefox suspends an idle event page after 30 s; a short timeout makes the wait short.
  const session = useFirefoxShopSession({ idleTimeout: IDLE });

  const waitForState = async (wanted: string, timeout: number) => {
    const deadline = Date.now() + timeout;
    let state: string;
    while ((state = await session.firefox.backgroundState()) !== wanted) {
      if (Date.now() > deadline) throw new Error(`The event page stayed '${state}', not '${wanted}'`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  it('answers, is suspended with its classifier page, and answers again on the next click', async () => {
    await classifyWithNativeMenu(session.firefox, session.page, '#cross');
    expect((await overlayAnswer(session.firefox, session.page)).state).toBe('answer');

    await waitForState('stopped', IDLE * 10);

    // The menu item was registered on install and outlives the suspension; choosing it wakes the page.
    await classifyWithNativeMenu(session.firefox, session.page, '#same');
    const { state, text } = await overlayAnswer(session.firefox, session.page);
    expect(state, text).toBe('answer');
    expect(text).toContain('Ankle boot · ');
    expect(await session.firefox.backgroundState()).toBe('running');
  });
});
