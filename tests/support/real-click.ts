/**
 * A real right-click at the centre of a picture, then "Classify garment" through the extension's real
 * menu listener with the info Chrome would pass for what lies under that point: `srcUrl` and
 * mediaType 'image' only when an <img> is the topmost element there (Chrome's image selection under
 * overlays is off, as the content script listens for contextmenu), 'video' for a video, `linkUrl` in a
 * link, and `frameId`/`frameUrl` in an iframe.
 */
import type { Frame, Locator, Page } from 'playwright-core';
import { evaluateInContentScript } from './content-world';
import { dispatchMenuClick } from './context-menu';
import type { LoadedExtension } from './extension';

interface UnderPoint {
  srcUrl?: string;
  mediaType?: 'image' | 'video';
  linkUrl?: string;
}

/** What Chrome's hit test finds at (x, y) of the frame: it respects pointer-events and enters open shadow roots. */
function underPoint(frame: Frame, x: number, y: number): Promise<UnderPoint> {
  return frame.evaluate(
    ({ x, y }) => {
      let hit = document.elementFromPoint(x, y);
      for (let inner = hit?.shadowRoot?.elementFromPoint(x, y); inner && inner !== hit; inner = hit?.shadowRoot?.elementFromPoint(x, y)) hit = inner;
      const link = hit?.closest('a[href]') as HTMLAnchorElement | null;
      const media =
        hit instanceof HTMLImageElement ? { mediaType: 'image' as const, srcUrl: hit.currentSrc || hit.src }
        : hit instanceof HTMLVideoElement ? { mediaType: 'video' as const, srcUrl: hit.currentSrc || undefined }
        : {};
      return { ...media, ...(link ? { linkUrl: link.href } : {}) };
    },
    { x, y },
  );
}

/**
 * The extension's id for a frame: the content script in it sends the worker a message, and the browser
 * writes the frame's id on the sender. The message goes from the content script's own world, which
 * DevTools can evaluate in; the extension answers nothing to it.
 */
async function frameIdOf(extension: LoadedExtension, page: Page, frame: Frame): Promise<number> {
  const worker = await extension.serviceWorker();
  await worker.evaluate(() => {
    const probe = globalThis as { frameProbe?: number; frameProbeListening?: boolean };
    probe.frameProbe = undefined;
    if (!probe.frameProbeListening) {
      chrome.runtime.onMessage.addListener((message, sender) => {
        if (message?.frameProbe) probe.frameProbe = sender.frameId;
      });
      probe.frameProbeListening = true;
    }
  });
  await evaluateInContentScript(page, 'chrome.runtime.sendMessage({ frameProbe: true }).catch(() => {})', frame.url());
  for (;;) {
    const id = await worker.evaluate(() => (globalThis as { frameProbe?: number }).frameProbe);
    if (id !== undefined) return id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Right-clicks the centre of `target` with the mouse and picks "Classify garment"; gives the target's box (page coordinates). */
export async function rightClickAndClassify(extension: LoadedExtension, page: Page, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.click(x, y, { button: 'right' });
  const frame = (await (await target.elementHandle())!.ownerFrame())!;
  const inFrame = frame !== page.mainFrame();
  const offset = inFrame ? (await (await frame.frameElement()).boundingBox())! : { x: 0, y: 0 };
  const info = await underPoint(frame, x - offset.x, y - offset.y);
  const frameInfo = inFrame ? { frameId: await frameIdOf(extension, page, frame), frameUrl: frame.url() } : {};
  await dispatchMenuClick(extension, page.url(), info.srcUrl, { ...info, ...frameInfo });
  return box;
}
