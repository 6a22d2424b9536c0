import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';

export const CLASSIFY_MENU_ID = 'classify-garment';
/** The keyboard shortcut's command, declared in the manifest (wxt.config.ts). */
export const CLASSIFY_COMMAND = 'classify-picture';
/** "Classify all garments on this page": starts a page scan, or stops the one running. */
export const SCAN_MENU_ID = 'classify-page';
export const SCAN_COMMAND = 'classify-page';

/**
 * Registers the menu entry; removing all first keeps an update from failing on a duplicate id. Wherever
 * a picture can be, not only on an <img>: a product picture is often a CSS background or lies under a
 * link or an overlay (Chrome says "page" or "link" there), a video's poster is the "video" context, and
 * a picture in an iframe is the "frame" context. A <canvas> has no context of its own, and Chrome gives
 * "page" only where the media type is none (a canvas's is "canvas"): a canvas gets the entry when it
 * lies in a link or under an overlay (as 360° viewers put one), never bare. Only "all" would reach it,
 * and that puts the entry on every text selection and text field too.
 */
export async function registerContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CLASSIFY_MENU_ID, title: t('menuClassify'), contexts: ['image', 'link', 'page', 'video', 'frame'] });
  // The scan covers the top page (not a frame's). Offered on the page only: where both entries show,
  // browsers fold them into a submenu, and a right-click on a picture would take a click more.
  browser.contextMenus.create({ id: SCAN_MENU_ID, title: t('menuClassifyPage'), contexts: ['page'] });
}
