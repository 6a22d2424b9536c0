/**
 * "Classify garment" as a user chooses it in Firefox: a real right-click on the element, then the
 * add-on's item of the real context menu (#contentAreaContextMenu, or its add-on submenu) activated in
 * the browser window, headless. Firefox then calls the add-on's contextMenus.onClicked itself, with what it filled in.
 *
 * Not at once: Firefox on Linux blinks a chosen menu item first (two 67 ms steps, its
 * `chosenMenuItemsShouldBlink` look-and-feel setting) and runs the item's command, which is what tells
 * the add-on, only after. `commandRanAt` says when that was.
 */
import type { Page } from 'puppeteer-core';
import { removeAnswerCards } from './answer-cards';
import type { LoadedFirefox } from './firefox';

/** Right-clicks `selector` and chooses "Classify garment"; returns Date.now() at the moment it was chosen. */
export async function classifyWithNativeMenu(firefox: LoadedFirefox, page: Page, selector: string): Promise<number> {
  await removeAnswerCards(page);
  return chooseFromNativeMenu(firefox, page, selector, 'Classify garment');
}

/** Right-clicks `selector` and chooses the add-on's item `label` in the real context menu. */
export async function chooseFromNativeMenu(firefox: LoadedFirefox, page: Page, selector: string, label: string): Promise<number> {
  const element = await page.waitForSelector(selector);
  await element!.scrollIntoView();
  await element!.click({ button: 'right' });
  return firefox.inChrome<number>(`new Promise((resolve, reject) => {
    const menu = document.getElementById('contentAreaContextMenu');
    const deadline = Date.now() + 10000;
    const choose = () => {
      const item = [...menu.querySelectorAll('menuitem')].find((i) => i.label === ${JSON.stringify(label)} && !i.hidden);
      // Where both of the add-on's entries show (on the page, not on a picture), Firefox folds them into a
      // submenu named after the add-on: a user opens it first.
      const popup = item?.parentElement;
      if (menu.state === 'open' && item && popup !== menu && popup.state !== 'open' && popup.state !== 'showing') {
        item.closest('menu').openMenu(true);
        setTimeout(choose, 10);
      } else if (menu.state === 'open' && item && popup.state === 'open') {
        window.garmentScoutCommandRan = new Promise((ran) => item.addEventListener('command', () => ran(Date.now()), { once: true }));
        const at = Date.now();
        popup.activateItem(item);
        resolve(at);
      } else if (Date.now() > deadline) reject(new Error('The context menu did not open with "${label}" in it (state ' + menu.state + ')'));
      else setTimeout(choose, 10);
    };
    choose();
  })`);
}

/** Date.now() in the browser window when the item chosen last ran its command, the moment Firefox tells the add-on. */
export function commandRanAt(firefox: LoadedFirefox): Promise<number> {
  return firefox.inChrome<number>('window.garmentScoutCommandRan');
}
