/**
 * The side panels that watch this page's scan: each opens a port to the top page (lib/messages.ts,
 * SCAN_PANEL_PORT). The port is accepted only from one of the extension's own pages, as the browser
 * names the sender: a web page cannot open one. Every report of the scan goes to each panel; a panel
 * asks for its filter and for a picture to be shown. When the last panel closes, the scan stops and
 * the veils go.
 */
import { browser, type Browser } from 'wxt/browser';
import { SCAN_PANEL_PORT, type PanelRequest, type ScanReport } from '../../lib/messages';
import type { ScanGroup } from '../../lib/scan/scan-counts';
import { senderKind } from '../../lib/senders';
import type { PageScan } from './page-scan';

type Port = Browser.runtime.Port;

export class ScanPanels {
  private ports = new Set<Port>();
  /** The panels' filter, kept for the next scan of the page. */
  private shownGroup: ScanGroup | undefined;

  /** `scan()` is the page's scan now, if one was started. */
  constructor(private scan: () => PageScan | undefined) {}

  readonly report = (report: ScanReport): void => {
    for (const port of this.ports) port.postMessage(report);
  };

  /** For `runtime.onConnect`: takes a panel's port, or leaves any other alone. */
  readonly accept = (port: Port): void => {
    if (port.name !== SCAN_PANEL_PORT || !port.sender) return;
    if (senderKind(port.sender, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') }) !== 'extension-page') {
      port.disconnect();
      return;
    }
    this.ports.add(port);
    port.onMessage.addListener((request: PanelRequest) => this.handle(request));
    port.onDisconnect.addListener(() => {
      this.ports.delete(port);
      if (this.ports.size === 0) this.lastPanelClosed();
    });
    for (const report of this.scan()?.snapshot() ?? [{ kind: 'progress', scanning: false, done: 0, underWay: 0 } as const]) port.postMessage(report);
  };

  /** A new scan of the page starts: the panels hear of it, and its pictures follow their filter. */
  started(scan: PageScan): void {
    scan.showOnly(this.shownGroup);
    scan.snapshot().forEach(this.report);
  }

  private handle(request: PanelRequest): void {
    if (request?.kind === 'filter') {
      this.shownGroup = request.group;
      this.scan()?.showOnly(request.group);
    }
    if (request?.kind === 'reveal' && Number.isInteger(request.pictureId)) this.scan()?.reveal(request.pictureId);
  }

  private lastPanelClosed(): void {
    const scan = this.scan();
    this.shownGroup = undefined;
    scan?.showOnly(undefined);
    if (scan?.isRunning) scan.stop();
  }
}
