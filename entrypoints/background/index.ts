import { browser } from 'wxt/browser';
import { registerContextMenu } from './context-menu';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => void registerContextMenu());
});
