/**
 * The classifier page closes itself after a time with nothing to do (lib/storage/classifier-idle.ts,
 * given by the background in the page's address), which gives back TF.js, its WASM heap and the model;
 * the next request opens a new page. It never closes with work under way. Once it has decided to close
 * it refuses what arrives (CLASSIFIER_CLOSING), and the background sends that again to a new page, as
 * it does with a message that reached no page at all: no request is lost to the close.
 */
import { CLASSIFIER_CLOSING } from '../../lib/messages';
import { CLASSIFIER_IDLE_MS } from '../../lib/storage/classifier-idle';

const idleMs = Number(new URLSearchParams(location.search).get('idleMs')) || CLASSIFIER_IDLE_MS;
let underWay = 0;
let closing = false;
let timer: ReturnType<typeof setTimeout> | undefined;

function closeWhenIdle(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (underWay > 0) return;
    closing = true;
    // Firefox's host is an iframe of the event page, of the same origin; Chrome's offscreen document closes with window.close().
    if (window.frameElement) window.frameElement.remove();
    else window.close();
  }, idleMs);
}

/** Runs the work of one message, keeping the page open until it is done. */
export async function keepOpenWhile<T>(work: () => T | Promise<T>): Promise<T> {
  if (closing) throw new Error(CLASSIFIER_CLOSING);
  underWay++;
  clearTimeout(timer);
  try {
    return await work();
  } finally {
    if (--underWay === 0) closeWhenIdle();
  }
}

closeWhenIdle();
