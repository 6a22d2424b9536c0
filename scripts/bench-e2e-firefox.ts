/**
 * The Firefox half of `npm run bench:e2e`: the same page and picture in Firefox ESR headless with the
 * Firefox build, the real context menu chosen in the browser window (tests/firefox/support). Cold: the
 * event page was suspended after idling, and the classifier page (its iframe) with it, so the next
 * click wakes the event page and loads TF.js, WASM and the model again; warm: both are up.
 */
import { answerShownAt } from '../tests/firefox/support/answer-cards';
import { launchFirefox, type LoadedFirefox } from '../tests/firefox/support/firefox';
import { classifyWithNativeMenu } from '../tests/firefox/support/native-menu';

/** Short, so that a cold run waits seconds, not Firefox's 30 s; long enough that warm runs never idle. */
const IDLE_TIMEOUT = 3_000;

async function waitUntilSuspended(firefox: LoadedFirefox): Promise<void> {
  const deadline = Date.now() + IDLE_TIMEOUT * 10;
  while ((await firefox.backgroundState()) !== 'stopped') {
    if (Date.now() > deadline) throw new Error('Firefox did not suspend the idle event page');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Milliseconds from choosing the menu item to the answer card showing an answer, cold and warm. */
export async function benchFirefox(url: string, selector: string, runs: number): Promise<{ cold: number[]; warm: number[] }> {
  const firefox = await launchFirefox({ idleTimeout: IDLE_TIMEOUT });
  try {
    const page = await firefox.newPage(url);
    // Both clocks are the machine's: Date.now() in the browser window when the item is chosen, and in the page when the answer shows.
    const clickToAnswer = async () => {
      const clicked = await classifyWithNativeMenu(firefox, page, selector);
      return (await answerShownAt(firefox, page)) - clicked;
    };
    await clickToAnswer(); // the first answer after install also fills the HTTP and compiled-WASM caches
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) {
      await waitUntilSuspended(firefox);
      cold.push(await clickToAnswer());
      await clickToAnswer(); // as in Chromium: the first warm run after a cold start still settles caches
      warm.push(await clickToAnswer());
    }
    return { cold, warm };
  } finally {
    await firefox.close();
  }
}
