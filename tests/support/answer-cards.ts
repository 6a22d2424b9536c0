/**
 * The answer cards on a page, read the way only a privileged tool can. The card lives in a CLOSED
 * shadow root (see entrypoints/content/overlay.ts), which neither the page nor Playwright's locators
 * can enter; DevTools can: `DOM.getDocument` with `pierce` lists closed shadow roots too.
 *
 * Each read opens its own DevTools session and closes it after, so node ids from one read can never
 * be mixed up with those of another (every `DOM.getDocument` renumbers the nodes).
 */
import type { CDPSession, Page } from 'playwright-core';

export interface AnswerCard {
  state: string; // 'pending' | 'answer' | 'error'
  verdict?: string; // set on answers only
  /** The card's innerText, whitespace collapsed: "Ankle boot · 97% Also possible: …". */
  text: string;
  /** What "Details" shows once opened (the model's version and the time taken), or '' without it. */
  details: string;
}

/** The part of DevTools' DOM.Node this module reads. */
export interface DomNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[]; // name, value, name, value, …
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

export const attribute = (node: DomNode, name: string) => {
  const at = node.attributes?.findIndex((value, i) => i % 2 === 0 && value === name) ?? -1;
  return at >= 0 ? node.attributes![at + 1] : undefined;
};

/** Every node of the tree, frames and shadow roots included, in document order. */
export function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
    yield* walk(child);
  }
}

/** The `.card` of each `<garment-scout-answer>` host, oldest first (hosts are appended as cards appear). */
async function cardNodes(cdp: CDPSession): Promise<DomNode[]> {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const cards: DomNode[] = [];
  for (const node of walk(root)) {
    if (node.nodeName !== 'GARMENT-SCOUT-ANSWER') continue;
    const card = node.shadowRoots?.[0]?.children?.find((c) => attribute(c, 'class')?.split(' ').includes('card'));
    if (card) cards.push(card);
  }
  return cards;
}

export async function withDevTools<T>(page: Page, read: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await read(cdp);
  } finally {
    await cdp.detach().catch(() => {}); // the page may have closed meanwhile
  }
}

export function answerCards(page: Page): Promise<AnswerCard[]> {
  return withDevTools(page, async (cdp) => {
    const cards: AnswerCard[] = [];
    for (const node of await cardNodes(cdp)) {
      // innerText needs the live element (layout decides what is text); attributes come with the tree.
      const { object } = await cdp.send('DOM.resolveNode', { nodeId: node.nodeId, objectGroup: 'answer-cards' });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: "function () { return [this.innerText, this.querySelector('details')?.textContent ?? '']; }",
        returnByValue: true,
      });
      const [text, details] = result.value as [string, string];
      cards.push({ state: attribute(node, 'data-state')!, verdict: attribute(node, 'data-verdict'), text: text.replace(/\s+/g, ' ').trim(), details });
    }
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'answer-cards' });
    return cards;
  });
}

/** Takes every card off the page, as closing them would; the hosts are in the light DOM. */
export async function removeAnswerCards(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('garment-scout-answer').forEach((e) => e.remove()));
}

/** Clicks the × of the newest card with the mouse, where a user would. */
export async function closeNewestCard(page: Page): Promise<void> {
  const point = await withDevTools(page, async (cdp) => {
    const card = (await cardNodes(cdp)).at(-1);
    const close = card?.children?.find((c) => c.nodeName === 'BUTTON' && attribute(c, 'aria-label') === 'Close');
    if (!close) throw new Error('No answer card with a close button on the page');
    await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId: close.nodeId });
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId: close.nodeId });
    const [x1, y1, , , x3, y3] = model.border; // viewport coordinates, the ones the mouse uses
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  });
  await page.mouse.click(point.x, point.y);
}

/** The newest card's box in the viewport (the coordinates Playwright's boundingBox gives). */
export async function newestCardBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  return withDevTools(page, async (cdp) => {
    const card = (await cardNodes(cdp)).at(-1);
    if (!card) throw new Error('No answer card on the page');
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId: card.nodeId });
    const [x1, y1, , , x3, y3] = model.border;
    return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
  });
}
