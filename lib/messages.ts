/**
 * The one typed message contract of the extension (through @webext-core/messaging). Each message
 * type is handled in exactly one context, named by its prefix, and accepted from one kind of sender
 * only (`onMessageFrom`); a context answers only the types it listens to, so a runtime message meant
 * for the offscreen document is ignored by the popup.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { Answer } from './answer';
import type { Crop } from './picture/visible-crop';
import type { ScanGroup } from './scan/scan-counts';
import { senderKind, type SenderKind } from './senders';

export interface Classification {
  answer: Answer;
  modelVersion: string;
  /** The 28x28 picture the model saw, 0..255 row-major, light garment on black. */
  seen: number[];
  /** A small JPEG of the image, as a data URL. */
  thumbnail: string;
  /** Milliseconds spent reading, decoding, preprocessing and classifying. */
  millis: number;
  /** 'screen' when the picture's file could not be read and a screenshot of it was classified instead. */
  readFrom?: 'file' | 'screen';
}

/** One picture to classify, as the service worker asks the offscreen document for it. */
export interface ClassifyRequest {
  /** The picture's address: a URL or a data URL. */
  source: string;
  /** Only this part of the picture (see lib/picture/visible-crop.ts). */
  crop?: Crop;
  /**
   * The page the picture is on, as the browser reports it (see lib/allowed-address.ts); undefined when
   * the user chose the picture in the popup.
   */
  requestedBy?: string;
  /** Names the request, so that `offscreen:cancel` can stop it. */
  requestId: string;
  /** Part of a page scan: read beside the single pictures' reads, so a right-click never waits behind a scan. */
  scan?: boolean;
}

/** One picture a page scan found: `pictureId` names it within its scan, `scanId` the scan (its history entry). */
export interface ScanPicture {
  scanId: string;
  pictureId: number;
  source: string;
  crop?: Crop;
}

/**
 * The side panel's link to a tab's page scan: a port the panel opens to the tab's top page
 * (`tabs.connect`, this name), which the content script accepts from an extension page only. The page
 * reports over it; closing the panel closes the port, which stops the scan.
 */
export const SCAN_PANEL_PORT = 'garment-scout-scan-panel';

/** A `data:` URL can be megabytes: the history and the side panel keep only its start. */
export function shortSource(source: string): string {
  return source.startsWith('data:') ? `${source.slice(0, source.indexOf(',') + 1)}…` : source;
}

/** One picture of a page scan, as the panel lists it: its answer, or why it could not be read. */
export interface ScanResult {
  pictureId: number;
  imageUrl: string;
  thumbnail?: string;
  answer?: Answer;
  modelVersion?: string;
  error?: string;
}

/** Page → panel. `results` with `fresh` starts the list again (a new scan); without, it adds to it. */
export type ScanReport =
  | { kind: 'progress'; scanning: boolean; done: number; underWay: number }
  | { kind: 'results'; results: ScanResult[]; fresh: boolean };

/** Panel → page: veil every picture but those of `group` (none: unveil all), or scroll to a picture. */
export type PanelRequest = { kind: 'filter'; group?: ScanGroup } | { kind: 'reveal'; pictureId: number };

/**
 * What the content script found where the user right-clicked: the address of the picture (none when
 * only the screen has its pixels), the part of it on screen, and whether a screenshot can stand in.
 */
export type ResolvedTarget = { targetId: number; source?: string; crop?: Crop; onScreen: boolean } | { targetId: number; error: string };

/** A read that failed where the browser itself showed the picture: the screen can stand in for the file. */
export const NOT_SENT = 'The site did not send a picture at this address.';
export const TOO_SLOW = 'The site did not send the picture in time.';
/** Said by the content script, or by the background where no content script answers. */
export const NO_PICTURE = 'No picture found where you right-clicked.';

export type OverlayState =
  | { state: 'pending' }
  | { state: 'answer'; classification: Classification }
  | { state: 'error'; message: string };

/** What the classifier page answers once it has started closing after idling: the background sends the request again, to a new page. */
export const CLASSIFIER_CLOSING = 'The classifier page is closing';

/** The error of a request cancelled because its card or tab was closed: nobody is waiting for a message. */
export const CANCELLED = 'Cancelled.';

export interface ModelStatus {
  version: string;
  /** Why a stored fine-tuned model was refused, if one was. */
  refused?: string;
}

/** The `refused` of a ModelStatus: the reason, from the model's loader, is technical and stays English. */
export const modelRefused = (version: string, reason: string) =>
  `The fine-tuned model ${version} could not be used (${reason}); the bundled model is used instead.`;

interface Protocol {
  /**
   * Popup → service worker: classify an image given as a URL or data URL and keep it in the history
   * (in memory only when the popup is in a private window).
   */
  'background:classify'(request: { source: string; pageUrl: string; privateWindow?: boolean }): Classification;
  /**
   * Content script → service worker: classify one picture of a page scan. The page is the sender's, as
   * the browser reports it, so the address rule is decided on it, not on anything the page says.
   */
  'background:scan-picture'(request: ScanPicture): Classification;
  /** Popup → service worker: start the page scan in this tab, or stop the one running. */
  'background:toggle-scan'(request: { tabId: number }): void;
  /** Content script → service worker: the user closed the card of this target before its answer came. */
  'background:cancel'(request: { targetId: number }): void;
  /** Options page → service worker: the model in use, loaded again (after it changed) in the offscreen document. */
  'background:reload-model'(): ModelStatus;
  'background:model-status'(): ModelStatus;
  /** Service worker → offscreen document: read, decode, preprocess and classify one image. */
  'offscreen:classify'(request: ClassifyRequest): Classification;
  /** Service worker → offscreen document: drop every request whose id starts with `idPrefix`. */
  'offscreen:cancel'(request: { idPrefix: string }): void;
  /** Service worker → offscreen document: load the model in use again. */
  'offscreen:reload-model'(): ModelStatus;
  'offscreen:model-status'(): ModelStatus;
  /** Service worker → offscreen document: its JS heap (where the browser tells it) and live tensors, for `npm run bench:scan`. */
  'offscreen:memory'(): { heapBytes?: number; tensors: number };
  /** Service worker → offscreen document: when its first steps and first request's steps happened (ms since the epoch), for `npm run bench:e2e`. */
  'offscreen:timeline'(): Record<string, number>;
  /** Service worker → content script: which image was right-clicked. */
  'content:resolve-target'(request: { srcUrl?: string; fromKeyboard?: boolean }): ResolvedTarget;
  /**
   * Service worker → content script: get the target ready for a screenshot (in view, cards hidden
   * until the next `content:show`) and say where it is, as fractions of the tab's viewport.
   */
  'content:prepare-capture'(request: { targetId: number }): { box: Crop } | { error: string };
  /** Service worker → content script: start a page scan, or stop the one running; says whether one runs now. */
  'content:toggle-scan'(): { scanning: boolean };
  /** Service worker → content script: show this next to the target. */
  'content:show'(request: { targetId: number; overlay: OverlayState }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<Protocol>();

type Handler<T extends keyof Protocol> = Parameters<typeof onMessage<T>>[1];

/** Handles `type` when `from` sent it; a message from anyone else is ignored, and logged. */
export function onMessageFrom<T extends keyof Protocol>(type: T, from: SenderKind, handler: Handler<T>): void {
  onMessage(type, (message) => {
    const kind = senderKind(message.sender, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') });
    if (kind !== from) {
      console.warn(`Garment Scout ignored a "${type}" message from ${kind ?? 'an unknown sender'} (${message.sender.url ?? 'no address'}).`);
      return;
    }
    return handler(message);
  });
}
