/**
 * The answer cards on a page in Firefox. The card lives in a CLOSED shadow root that the page cannot
 * enter; WebDriver BiDi can: a node serialized with `includeShadowTree: 'all'` carries its shadow root,
 * closed or open, as a reference that can be handed back to a function run in the page.
 */
import type { Page } from 'puppeteer-core';
import { contextOf, type LoadedFirefox } from './firefox';

export interface AnswerCard {
  state: string; // 'pending' | 'answer' | 'error'
  verdict?: string;
  /** The card's innerText, whitespace collapsed. */
  text: string;
  /** What "Details" shows once opened (the model's version and the time taken), or '' without it. */
  details: string;
}

interface SerializedNode {
  sharedId: string;
  value: { shadowRoot?: { sharedId: string } | null };
}

/** References to the shadow root of each `<tag>` on the page, in document order. */
async function shadowRootsOf(firefox: LoadedFirefox, page: Page, tag: string): Promise<{ sharedId: string }[]> {
  const evaluated = await firefox.bidi('script.evaluate', {
    expression: `[...document.querySelectorAll(${JSON.stringify(tag)})]`,
    target: { context: contextOf(page) },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  const hosts = (evaluated.result?.value ?? []) as SerializedNode[];
  return hosts.flatMap((h) => (h.value.shadowRoot ? [{ sharedId: h.value.shadowRoot.sharedId }] : []));
}

const cardRoots = (firefox: LoadedFirefox, page: Page) => shadowRootsOf(firefox, page, 'garment-scout-answer');

/**
 * `read` (the source of a function of one shadow root, run in the page, returning JSON-able data) over
 * the shadow root of each `<tag>`, even closed ones.
 */
export async function readShadowRoots<T>(firefox: LoadedFirefox, page: Page, tag: string, read: string): Promise<T[]> {
  const roots = await shadowRootsOf(firefox, page, tag);
  if (!roots.length) return [];
  const called = await firefox.bidi('script.callFunction', {
    functionDeclaration: `(...roots) => JSON.stringify(roots.map(${read}))`,
    arguments: roots,
    target: { context: contextOf(page) },
    awaitPromise: false,
  });
  if (called.type === 'exception') throw new Error(called.exceptionDetails.text);
  return JSON.parse(called.result.value);
}

export function answerCards(firefox: LoadedFirefox, page: Page): Promise<AnswerCard[]> {
  return readShadowRoots(firefox, page, 'garment-scout-answer', `(root) => {
    const card = root.querySelector('.card');
    const details = card.querySelector('details')?.textContent ?? '';
    return { state: card.dataset.state, verdict: card.dataset.verdict, text: card.innerText.replace(/\\s+/g, ' ').trim(), details };
  }`);
}

/** Resolves with Date.now() in the page when the newest card shows an answer (late by a round trip if it already does). */
export async function answerShownAt(firefox: LoadedFirefox, page: Page, timeout = 60_000): Promise<number> {
  const deadline = Date.now() + timeout;
  let root: { sharedId: string } | undefined;
  while (!(root = (await cardRoots(firefox, page)).at(-1))) {
    if (Date.now() > deadline) throw new Error('No answer card appeared');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const called = await firefox.bidi('script.callFunction', {
    functionDeclaration: `(root) => new Promise((resolve) => {
      const shown = () => root.querySelector('.card[data-state="answer"]') && (resolve(Date.now()), true);
      if (shown()) return;
      new MutationObserver((_, observer) => shown() && observer.disconnect()).observe(root, { subtree: true, attributes: true, childList: true });
    })`,
    arguments: [root],
    target: { context: contextOf(page) },
    awaitPromise: true,
  });
  if (called.type === 'exception') throw new Error(called.exceptionDetails.text);
  return called.result.value;
}

/** The state and text of the newest card once it has left the pending state. */
export async function overlayAnswer(firefox: LoadedFirefox, page: Page, timeout = 60_000): Promise<AnswerCard> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const newest = (await answerCards(firefox, page)).at(-1);
    if (newest && newest.state !== 'pending') return newest;
    if (Date.now() > deadline) throw new Error(`No answer card left 'pending' within ${timeout} ms (newest: ${newest?.state ?? 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Takes every card off the page, as closing them would; the hosts are in the light DOM. */
export async function removeAnswerCards(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('garment-scout-answer').forEach((e) => e.remove()));
}
