import { browser } from 'wxt/browser';
import { onMessageFrom, sendMessage } from '../../lib/messages';
import { cancelRequests, classifyAndRecord, requestIdOf, tabRequestPrefix } from './classify';
import { CLASSIFY_COMMAND, CLASSIFY_MENU_ID, registerContextMenu, SCAN_COMMAND, SCAN_MENU_ID } from './context-menu';
import { onClassifyClicked } from './menu-click';
import { askOffscreen } from './offscreen-document';
import { classifyScanPicture, toggleScan } from './page-scan';
import { forgetPrivateAnswersWhenPrivateWindowsClose } from './private-browsing';

// Stateless: every listener is registered at start-up, nothing lives only in memory.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => void registerContextMenu());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CLASSIFY_MENU_ID) void onClassifyClicked(info, tab);
    if (info.menuItemId === SCAN_MENU_ID && tab?.id !== undefined) void toggleScan(tab.id);
  });
  // The keyboard shortcut (manifest `commands`): the same as the menu, for the picture in focus or under the mouse.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CLASSIFY_COMMAND && tab) void onClassifyClicked({ menuItemId: CLASSIFY_MENU_ID, editable: false, pageUrl: tab.url ?? '', frameId: 0 }, tab, true);
    if (command === SCAN_COMMAND && tab?.id !== undefined) void toggleScan(tab.id);
  });
  // A closed tab, or one that goes to another page, waits for nothing: its requests stop where they are.
  browser.tabs.onRemoved.addListener((tabId) => void cancelRequests(tabRequestPrefix(tabId)));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void cancelRequests(tabRequestPrefix(tabId));
  });
  forgetPrivateAnswersWhenPrivateWindowsClose();

  onMessageFrom('background:classify', 'extension-page', ({ data }) => classifyAndRecord(data.source, data.pageUrl, data.privateWindow));
  // A content script can cancel only its own tab's requests: the tab and frame come from the browser.
  onMessageFrom('background:cancel', 'content-script', ({ data, sender }) => {
    if (sender.tab?.id !== undefined) void cancelRequests(requestIdOf(sender.tab.id, sender.frameId ?? 0, data.targetId));
  });
  onMessageFrom('background:scan-picture', 'content-script', ({ data, sender }) => classifyScanPicture(data, sender));
  onMessageFrom('background:toggle-scan', 'extension-page', ({ data }) => toggleScan(data.tabId));
  onMessageFrom('background:reload-model', 'extension-page', () => askOffscreen(() => sendMessage('offscreen:reload-model')));
  onMessageFrom('background:model-status', 'extension-page', () => askOffscreen(() => sendMessage('offscreen:model-status')));
});
