/**
 * Reads a picture from the screen: the content script brings it into view and hides the cards, then
 * the visible tab is captured and the picture's box cropped from it (in the offscreen document, with
 * the other crops). For pictures whose file the extension cannot read although the page shows them:
 * a hotlink-protected server, another site's picture drawn on a canvas, a video frame.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/messages';
import type { Crop } from '../../lib/picture/visible-crop';

const NOT_IN_FRONT = 'This picture can be read only from the screen: bring its tab to the front and try again.';
const NOT_CAPTURED = 'The screen could not be read to classify this picture.';
/** Chrome allows two captures a second; a third waits for the next second. */
const QUOTA = /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/;

async function capture(windowId: number): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      // JPEG at this quality loses nothing the 28x28 classifier sees, and encodes several times faster than PNG.
      return await browser.tabs.captureVisibleTab(windowId, { format: 'jpeg', quality: 95 });
    } catch (err) {
      if (attempt >= 4 || !QUOTA.test((err as Error).message)) throw new Error(NOT_CAPTURED);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export async function pictureFromScreen(to: { tabId: number; frameId: number }, targetId: number): Promise<{ source: string; crop: Crop }> {
  const tab = await browser.tabs.get(to.tabId);
  // The capture shows whichever tab is in front: ours must be.
  if (!tab.active) throw new Error(NOT_IN_FRONT);
  const prepared = await sendMessage('content:prepare-capture', { targetId }, to);
  if ('error' in prepared) throw new Error(prepared.error);
  return { source: await capture(tab.windowId), crop: prepared.box };
}
