/**
 * Who sent a runtime message, told from what the browser fills in (never from the message itself).
 * Each message type is meant for one kind of sender; a handler ignores the others.
 */

export type SenderKind = 'content-script' | 'extension-page' | 'background' | 'offscreen-document';

/** The fields of `runtime.MessageSender` this needs; the browser sets them, a page cannot. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** The extension's own id and base URL (`runtime.getURL('')`). */
export interface ThisExtension {
  id: string;
  baseUrl: string;
}

/** The background's documents: Chrome's service worker and Firefox's event page. */
const BACKGROUND_FILES = ['background.js', 'background.html', '_generated_background_page.html'];
const OFFSCREEN_FILE = 'offscreen.html';

export function senderKind(sender: Sender, extension: ThisExtension): SenderKind | undefined {
  if (sender.id !== extension.id || !sender.url) return undefined;
  if (!sender.url.startsWith(extension.baseUrl)) return sender.tab ? 'content-script' : undefined;
  const file = new URL(sender.url).pathname.slice(1);
  if (BACKGROUND_FILES.includes(file)) return 'background';
  if (file === OFFSCREEN_FILE) return 'offscreen-document';
  return 'extension-page';
}
