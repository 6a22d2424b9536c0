import { useEffect, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { SCAN_PANEL_PORT, type PanelRequest, type ScanReport, type ScanResult } from '../../lib/messages';

/** What the panel knows of the tab in front. `reachable` is undefined until its page answers or refuses. */
export interface PageScanState {
  /** Counts the links made: a new one is a page with no filter yet. */
  link: number;
  tabId?: number;
  pageUrl?: string;
  reachable?: boolean;
  scanning: boolean;
  done: number;
  underWay: number;
  results: ScanResult[];
}

const NOTHING: Omit<PageScanState, 'link'> = { scanning: false, done: 0, underWay: 0, results: [] };

/**
 * The tab in front of the panel's window. Opened in a tab of its own (as the journeys open it, and as
 * a user may), the panel is never its own subject.
 */
async function tabInFront(): Promise<Browser.tabs.Tab | undefined> {
  const [own, [front]] = await Promise.all([browser.tabs.getCurrent(), browser.tabs.query({ active: true, currentWindow: true })]);
  return front && front.id !== own?.id ? front : undefined;
}

/**
 * Follows the page scan of the tab in front: a port to its top page (entrypoints/content/scan-panels.ts)
 * carries the scan's reports here and the panel's requests there. The panel watches one tab at a time:
 * when another tab comes to the front, or the panel closes, the port closes and the scan it watched
 * stops. A page that loads again is linked again.
 */
const CONNECT_ATTEMPTS = 5;
const CONNECT_RETRY_MS = 500;

export function usePageScan() {
  const [state, setState] = useState<PageScanState>({ ...NOTHING, link: 0 });
  const port = useRef<Browser.runtime.Port>();

  useEffect(() => {
    let linkedTab: number | undefined;
    const link = (tab: Browser.tabs.Tab | undefined, attempt = 1) => {
      port.current?.disconnect();
      port.current = undefined;
      linkedTab = tab?.id;
      if (tab?.id === undefined) return setState((s) => ({ ...NOTHING, link: s.link + 1, reachable: false }));
      setState((s) => ({ ...NOTHING, link: s.link + 1, tabId: tab.id, pageUrl: tab.url }));
      const opened = browser.tabs.connect(tab.id, { name: SCAN_PANEL_PORT, frameId: 0 });
      port.current = opened;
      let heard = false;
      opened.onMessage.addListener((report: ScanReport) => {
        heard = true;
        setState((s) => applyReport(s, report));
      });
      // No content script there (the browser's own pages), or the page went away.
      opened.onDisconnect.addListener(() => {
        if (port.current !== opened) return;
        port.current = undefined;
        // Just after a page loads its content script may not listen yet (Firefox): try again a few times.
        if (!heard && attempt < CONNECT_ATTEMPTS) {
          setTimeout(() => linkedTab === tab.id && !port.current && link(tab, attempt + 1), CONNECT_RETRY_MS);
          return;
        }
        setState((s) => ({ ...s, reachable: false, scanning: false, underWay: 0 }));
      });
    };
    const follow = () => void tabInFront().then(link);
    const onActivated = () => follow();
    const onUpdated = (tabId: number, change: { status?: string }) => {
      if (tabId === linkedTab && change.status === 'complete') follow();
    };
    follow();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      port.current?.disconnect();
    };
  }, []);

  const ask = (request: PanelRequest) => port.current?.postMessage(request);
  return { state, ask };
}

function applyReport(state: PageScanState, report: ScanReport): PageScanState {
  if (report.kind === 'progress') return { ...state, reachable: true, scanning: report.scanning, done: report.done, underWay: report.underWay };
  return { ...state, reachable: true, results: report.fresh ? report.results : [...state.results, ...report.results] };
}
