import { browser } from 'wxt/browser';

/** The parts of each browser's panel API used here: Chrome's side panel, Firefox's sidebar. */
interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the page scan's panel in this window. Called in the click's own task, without awaiting
 * anything first: both browsers open a panel only in answer to the user's gesture. Where the browser
 * will not (no panel there, or the gesture is gone), the scan runs without it.
 */
export function openScanPanel(): void {
  const apis = browser as unknown as PanelApis;
  const ignore = () => undefined;
  if (apis.sidebarAction) void apis.sidebarAction.open().catch(ignore);
  else if (apis.sidePanel) void browser.windows.getCurrent().then((w) => apis.sidePanel!.open({ windowId: w.id! })).catch(ignore);
}
