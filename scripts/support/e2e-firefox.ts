/**
 * The Firefox half of `npm run bench:e2e`: the same page and picture in Firefox ESR headless with the
 * Firefox build, the real context menu chosen in the browser window (tests/firefox/support). Cold: the
 * event page was suspended after idling, and the classifier page (its iframe) with it, so the next
 * click wakes the event page and loads TF.js, WASM and the model again; warm: both are up.
 *
 * Each click is timed from two moments: the item chosen, and Firefox running its command, which is
 * when it tells the add-on (Chromium's figures start there too: its bench dispatches the click to the
 * service worker). Between the two Firefox blinks the item (tests/firefox/support/native-menu.ts),
 * whatever the add-on does.
 */
import { answerCards, answerShownAt } from '../../tests/firefox/support/answer-cards';
import { launchFirefox, type LoadedFirefox } from '../../tests/firefox/support/firefox';
import { classifyWithNativeMenu, commandRanAt } from '../../tests/firefox/support/native-menu';
import { classifierMillis } from './card-details';

/** Short, so that a cold run waits seconds, not Firefox's 30 s; long enough that warm runs never idle. */
const IDLE_TIMEOUT = 3_000;

export interface FirefoxClick {
  /** Milliseconds from choosing the item to the answer card showing an answer. */
  fromMenu: number;
  /** The same from Firefox running the item's command: the add-on's part. */
  fromCommand: number;
  /** The classifier page's part of it (the card's Details). */
  classifier: number;
}

async function waitUntilSuspended(firefox: LoadedFirefox): Promise<void> {
  const deadline = Date.now() + IDLE_TIMEOUT * 10;
  while ((await firefox.backgroundState()) !== 'stopped') {
    if (Date.now() > deadline) throw new Error('Firefox did not suspend the idle event page');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface FirefoxBench {
  cold: FirefoxClick[];
  warm: FirefoxClick[];
  /** One cold answer (after the event page was suspended), then two warm ones, the second of them measured. */
  run(): Promise<void>;
  close(): Promise<void>;
}

/** Firefox with the add-on built in `extensionDir` (default: this one's), open on `url`, ready to be clicked. */
export async function openFirefox(url: string, selector: string, extensionDir?: string): Promise<FirefoxBench> {
  const firefox = await launchFirefox({ idleTimeout: IDLE_TIMEOUT, extensionDir });
  const page = await firefox.newPage(url);
  // All clocks are the machine's: Date.now() in the browser window when the item is chosen and when
  // its command runs, and in the page when the answer shows.
  const clickToAnswer = async (): Promise<FirefoxClick> => {
    const chosen = await classifyWithNativeMenu(firefox, page, selector);
    const shown = await answerShownAt(firefox, page);
    const { details } = (await answerCards(firefox, page)).at(-1)!;
    return { fromMenu: shown - chosen, fromCommand: shown - (await commandRanAt(firefox)), classifier: classifierMillis(details) };
  };
  try {
    await clickToAnswer(); // the first answer after install also fills the HTTP and compiled-WASM caches
  } catch (err) {
    await firefox.close();
    throw err;
  }
  const bench: FirefoxBench = {
    cold: [],
    warm: [],
    async run() {
      await waitUntilSuspended(firefox);
      bench.cold.push(await clickToAnswer());
      await clickToAnswer(); // as in Chromium: the first warm run after a cold start still settles caches
      bench.warm.push(await clickToAnswer());
    },
    close: () => firefox.close(),
  };
  return bench;
}
