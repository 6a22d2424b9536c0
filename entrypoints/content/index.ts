import { browser } from 'wxt/browser';
import { NO_PICTURE, onMessageFrom, sendMessage } from '../../lib/messages';
import { findPicture } from './find-source';
import { AnswerOverlay } from './overlay';
import { PageScan } from './page-scan';
import { ScanPanels } from './scan-panels';
import { boxOnScreen } from './screen-box';

const NO_PICTURE_FOR_KEYS = 'No picture in focus or under the mouse.';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  main(ctx) {
    // The menu click reaches the service worker, not the page: remember what was right-clicked.
    let lastRightClick: { element: Element; point: { x: number; y: number } } | undefined;
    ctx.addEventListener(document, 'contextmenu', (e) => {
      if (e.target instanceof Element) lastRightClick = { element: e.target, point: { x: e.clientX, y: e.clientY } };
    }, { capture: true });

    // The keyboard shortcut classifies the picture in focus, or else the one under the mouse.
    let lastPointer: { x: number; y: number } | undefined;
    ctx.addEventListener(document, 'pointermove', (e) => (lastPointer = { x: e.clientX, y: e.clientY }), { capture: true, passive: true });
    const keyboardPoint = () => {
      const focused = document.activeElement;
      if (!focused || focused === document.body || focused === document.documentElement) return lastPointer;
      const box = focused.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    };

    const overlays = new Map<number, AnswerOverlay>();
    let nextTargetId = 1;

    // One card per picture: a new request for a picture replaces its card (and stops the old request).
    // Closing a card before its answer came stops the work behind it.
    const overlayFor = (targetId: number, element: Element) => {
      for (const other of overlays.values()) if (other.anchor === element) other.close();
      const overlay = new AnswerOverlay(element, () => {
        overlays.delete(targetId);
        if (overlay.pending) void sendMessage('background:cancel', { targetId }).catch(() => undefined);
      });
      overlays.set(targetId, overlay);
      return overlay;
    };

    // Escape closes the newest card wherever the focus is; a click elsewhere closes the answered ones
    // (a card still classifying stays, and so does everything on a right-click, which may be the next one).
    ctx.addEventListener(document, 'keydown', (e) => {
      if (e.key === 'Escape' && overlays.size) [...overlays.values()].at(-1)!.close();
    }, { capture: true });
    ctx.addEventListener(document, 'pointerdown', (e) => {
      if (e.button !== 0) return;
      for (const overlay of [...overlays.values()]) if (!overlay.pending && !overlay.contains(e)) overlay.close();
    }, { capture: true });

    onMessageFrom('content:resolve-target', 'background', async ({ data }) => {
      const targetId = nextTargetId++;
      const point = data.fromKeyboard ? keyboardPoint() : lastRightClick?.point;
      const picture = await findPicture(document, point, data.srcUrl);
      if (!picture) {
        overlayFor(targetId, (data.fromKeyboard ? document.activeElement : lastRightClick?.element) ?? document.body);
        return { targetId, error: data.fromKeyboard ? NO_PICTURE_FOR_KEYS : NO_PICTURE };
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

    // One scan per page: the same command starts it and stops it; a new scan replaces the old badges.
    // Side panels follow it (the top page only: a scan is the top page's).
    let scan: PageScan | undefined;
    const panels = new ScanPanels(() => scan);
    if (window === window.top) browser.runtime.onConnect.addListener(panels.accept);
    onMessageFrom('content:toggle-scan', 'background', () => {
      if (scan?.isRunning) {
        scan.stop();
        return { scanning: false };
      }
      scan?.clear();
      scan = new PageScan(panels.report);
      panels.started(scan);
      return { scanning: true };
    });

    ctx.onInvalidated(() => {
      browser.runtime.onConnect.removeListener(panels.accept);
      overlays.forEach((o) => o.remove());
      scan?.clear();
    });
  },
});
