import { onMessageFrom, sendMessage } from '../../lib/messages';
import { findPicture, imageShowing } from './find-source';
import { AnswerOverlay } from './overlay';

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
      const shown = data.srcUrl ? imageShowing(document, data.srcUrl) : undefined;
      const clicked = lastRightClick && (!shown || lastRightClick.element === shown) ? lastRightClick : undefined;
      const element = clicked?.element ?? shown;
      if (!element) return { targetId, error: 'No picture found where you right-clicked.' };
      try {
        const picture = await findPicture(element, clicked?.point);
        overlayFor(targetId, picture.element).show({ state: 'pending' });
        return { targetId, source: picture.source };
      } catch (err) {
        overlayFor(targetId, element);
        return { targetId, error: (err as Error).message };
      }
    });

    onMessageFrom('content:show', 'background', ({ data }) => {
      overlays.get(data.targetId)?.show(data.overlay);
    });

    ctx.onInvalidated(() => overlays.forEach((o) => o.remove()));
  },
});
