import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '../../lib/messages';
import { classifyAndRecord } from './classify';
import { CLASSIFY_MENU_ID, registerContextMenu } from './context-menu';
import { onClassifyClicked } from './menu-click';
import { askOffscreen } from './offscreen-document';

// Stateless: every listener is registered at start-up, nothing lives only in memory.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => void registerContextMenu());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CLASSIFY_MENU_ID) void onClassifyClicked(info, tab);
  });
  onMessage('background:classify', ({ data }) => classifyAndRecord(data.source, data.pageUrl));
  onMessage('background:reload-model', () => askOffscreen(() => sendMessage('offscreen:reload-model')));
  onMessage('background:model-status', () => askOffscreen(() => sendMessage('offscreen:model-status')));
});
