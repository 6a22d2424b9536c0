import { onMessageFrom, sendMessage } from '../../lib/messages';
import { findPicture, NO_PICTURE } from './find-source';
import { AnswerOverlay } from './overlay';
import { boxOnScreen } from './screen-box';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  main(ctx) {
    // The menu click reaches the service worker, not the page: remember what was right-clicked.
    let lastRightClick: { element: Element; point: { x: number; y: number } } | undefined;
    ctx.addEventListener(document, 'contextmenu', (e) => {
      if (e.target instanceof Element) lastRightClick = { element: e.target, point: { x: e.clientX, y: e.clientY } };
    }, { capture: true });

    const overlays = new Map<number, AnswerOverlay>();
    let nextTargetId = 1;

    // Closing a card before its answer came stops the work behind it.
    const overlayFor = (targetId: number, element: Element) => {
      const overlay = new AnswerOverlay(element, () => {
        overlays.delete(targetId);
        if (overlay.pending) void sendMessage('background:cancel', { targetId }).catch(() => undefined);
      });
      overlays.set(targetId, overlay);
      return overlay;
    };

    onMessageFrom('content:resolve-target', 'background', async ({ data }) => {
      const targetId = nextTargetId++;
      const picture = await findPicture(document, lastRightClick?.point, data.srcUrl);
      if (!picture) {
        overlayFor(targetId, lastRightClick?.element ?? document.body);
        return { targetId, error: NO_PICTURE };
      }
      overlayFor(targetId, picture.element).show({ state: 'pending' });
      return { targetId, source: picture.source, crop: picture.crop, onScreen: picture.onScreen };
    });

    // The screenshot must show the picture, not the cards over it: they come back with the next answer.
    onMessageFrom('content:prepare-capture', 'background', async ({ data }) => {
      const overlay = overlays.get(data.targetId);
      const box = overlay && (await boxOnScreen(overlay.anchor, () => overlays.forEach((o) => o.hide())));
      return box ? { box } : { error: 'This picture can be read only from the screen, and its frame does not say where it is on the screen.' };
    });

    onMessageFrom('content:show', 'background', ({ data }) => {
      overlays.forEach((o) => o.unhide());
      overlays.get(data.targetId)?.show(data.overlay);
    });

    ctx.onInvalidated(() => overlays.forEach((o) => o.remove()));
  },
});
