/**
 * Where the classifier page runs: Chrome's offscreen document (chrome-offscreen.ts) or, in Firefox, an
 * iframe of the event page (classifier-iframe.ts). offscreen-document.ts picks one at build time.
 */
export interface ClassifierHost {
  isOpen(): Promise<boolean>;
  /** Opens the page at `path`; resolves once its scripts have run (they register the message listeners). */
  open(path: string): Promise<void>;
}
