import { browser } from 'wxt/browser';

export const CLASSIFY_MENU_ID = 'classify-garment';

/**
 * Registers the menu entry; removing all first keeps an update from failing on a duplicate id. Pages and
 * links too, not only <img>: a product picture is often a CSS background, which Chrome does not call an image.
 */
export async function registerContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CLASSIFY_MENU_ID, title: 'Classify garment', contexts: ['image', 'link', 'page'] });
}
