/**
 * Classifies an image in the offscreen document, and keeps answers: in the history, or, for a private
 * window, only in memory (lib/storage/private-answers.ts).
 */
import { sendMessage, shortSource, type Classification, type ClassifyRequest } from '../../lib/messages';
import { addToHistory } from '../../lib/storage/history';
import { keepPrivateAnswer } from '../../lib/storage/private-answers';
import { askOffscreen, tellOffscreenIfOpen } from './offscreen-document';
import { privateWindowOpen } from './private-browsing';


export function classifyImage(request: ClassifyRequest): Promise<Classification> {
  return askOffscreen(() => sendMessage('offscreen:classify', request));
}

/**
 * Ids of requests from a tab start with the tab's id, so closing the tab cancels them all at once. Every
 * part ends with "/", so cancelling by prefix stops one target and not its namesakes (target 1, not 10-19).
 */
export const tabRequestPrefix = (tabId: number) => `tab${tabId}/`;
export const requestIdOf = (tabId: number, frameId: number, targetId: number) => `${tabRequestPrefix(tabId)}${frameId}/${targetId}/`;

/** Stops the requests whose ids start with `idPrefix`; with no offscreen document there is nothing to stop. */
export function cancelRequests(idPrefix: string): Promise<void> {
  return tellOffscreenIfOpen(() => sendMessage('offscreen:cancel', { idPrefix }));
}

export async function recordAnswer(source: string, pageUrl: string, classification: Classification, privateWindow = false): Promise<void> {
  const entry = {
    time: Date.now(),
    pageUrl,
    imageUrl: shortSource(source),
    answer: classification.answer,
    modelVersion: classification.modelVersion,
    thumbnail: classification.thumbnail,
    seen: Uint8Array.from(classification.seen),
  };
  // Private browsing must leave nothing on disk: its answers stay in memory for that session's popup,
  // and an answer that comes after the last private window closed is not kept at all.
  if (!privateWindow) await addToHistory(entry);
  else if (await privateWindowOpen()) await keepPrivateAnswer(entry);
}

/** The popup's request: the user chose the picture, so no page's rule applies. */
export async function classifyAndRecord(source: string, pageUrl: string, privateWindow = false): Promise<Classification> {
  const classification = await classifyImage({ source, requestId: `popup/${crypto.randomUUID()}` });
  await recordAnswer(source, pageUrl, classification, privateWindow);
  return classification;
}
