/**
 * How long the classifier page stays open with nothing to do before it closes itself, giving back the
 * memory of TF.js, its WASM heap and the model; the next click opens it again. Tests and benches shorten
 * it by writing `storage.session`, which web pages and content scripts cannot reach (its default access
 * level is trusted contexts), so the build they test is the one users get.
 */
import { browser } from 'wxt/browser';

export const CLASSIFIER_IDLE_MS = 5 * 60_000;

export const CLASSIFIER_IDLE_KEY = 'classifierIdleMs';

export async function classifierIdleMs(): Promise<number> {
  const value = (await browser.storage.session.get(CLASSIFIER_IDLE_KEY))[CLASSIFIER_IDLE_KEY];
  return typeof value === 'number' && value > 0 ? value : CLASSIFIER_IDLE_MS;
}
