/**
 * The one typed message contract of the extension (through @webext-core/messaging). Each message
 * type is handled in exactly one context, named by its prefix; a context answers only the types it
 * listens to, so a runtime message meant for the offscreen document is ignored by the popup.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Answer } from './answer';

export interface Classification {
  answer: Answer;
  modelVersion: string;
  /** The 28x28 picture the model saw, 0..255 row-major, light garment on black. */
  seen: number[];
  /** A small JPEG of the image, as a data URL. */
  thumbnail: string;
  /** Milliseconds spent reading, decoding, preprocessing and classifying. */
  millis: number;
  /** The same, stage by stage. */
  stages: Record<string, number>;
}

/** What the content script resolved for the right-clicked element. */
export type ResolvedTarget = { targetId: number; source: string } | { targetId: number; error: string };

export type OverlayState =
  | { state: 'pending' }
  | { state: 'answer'; classification: Classification }
  | { state: 'error'; message: string };

export interface ModelStatus {
  version: string;
  /** Why a stored fine-tuned model was refused, if one was. */
  refused?: string;
}

interface Protocol {
  /** Popup → service worker: classify an image given as a URL or data URL and keep it in the history. */
  'background:classify'(request: { source: string; pageUrl: string }): Classification;
  /** Options page → service worker: the model in use, loaded again (after it changed) in the offscreen document. */
  'background:reload-model'(): ModelStatus;
  'background:model-status'(): ModelStatus;
  /** Service worker → offscreen document: read, decode, preprocess and classify one image. */
  'offscreen:classify'(request: { source: string }): Classification;
  /** Service worker → offscreen document: load the model in use again. */
  'offscreen:reload-model'(): ModelStatus;
  'offscreen:model-status'(): ModelStatus;
  /** Service worker → content script: which image was right-clicked. */
  'content:resolve-target'(request: { srcUrl?: string }): ResolvedTarget;
  /** Service worker → content script: show this next to the target. */
  'content:show'(request: { targetId: number; overlay: OverlayState }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<Protocol>();
