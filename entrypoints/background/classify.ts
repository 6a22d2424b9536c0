/** Classifies an image in the offscreen document, and keeps answers in the history. */
import { sendMessage, type Classification } from '../../lib/messages';
import { addToHistory } from '../../lib/storage/history';
import { askOffscreen } from './offscreen-document';

/** A `data:` URL can be megabytes: the history keeps only its start. */
function shortSource(source: string): string {
  return source.startsWith('data:') ? `${source.slice(0, source.indexOf(',') + 1)}…` : source;
}

export function classifyImage(source: string): Promise<Classification> {
  return askOffscreen(() => sendMessage('offscreen:classify', { source }));
}

export async function recordAnswer(source: string, pageUrl: string, classification: Classification): Promise<void> {
  await addToHistory({
    time: Date.now(),
    pageUrl,
    imageUrl: shortSource(source),
    answer: classification.answer,
    modelVersion: classification.modelVersion,
    thumbnail: classification.thumbnail,
    seen: Uint8Array.from(classification.seen),
  });
}

export async function classifyAndRecord(source: string, pageUrl: string): Promise<Classification> {
  const classification = await classifyImage(source);
  await recordAnswer(source, pageUrl, classification);
  return classification;
}
