/**
 * Runs an expression in the extension's content-script world of a tab (an isolated world the page's
 * own scripts never see), through DevTools: what the content script itself could do there. In the
 * top frame, or in the child frame whose address is `frameUrl`.
 */
import type { Page } from 'playwright-core';

export async function evaluateInContentScript<T>(page: Page, expression: string, frameUrl?: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const worlds: { id: number; name: string; auxData?: { type?: string; isDefault?: boolean; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
    await cdp.send('Runtime.enable'); // reports every world that exists
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const frameId = frameUrl === undefined ? frameTree.frame.id : frameTree.childFrames?.find((f) => f.frame.url === frameUrl)?.frame.id;
    const world = worlds.find((w) => w.auxData?.type === 'isolated' && w.name === 'Garment Scout' && w.auxData.frameId === frameId);
    if (!world) throw new Error(`The extension's content-script world is not in ${frameUrl ?? 'the page'}`);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
