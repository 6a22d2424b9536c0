/**
 * What "Classify garment" does: ask the page which picture was right-clicked (it shows a pending
 * overlay there), classify it, record it, and show the answer or the error next to the picture.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Verdict } from '../../lib/answer';
import { className } from '../../lib/classes';
import { localizeMessage, t } from '../../lib/i18n';
import { CANCELLED, NO_PICTURE, NOT_SENT, sendMessage, TOO_SLOW, type Classification, type OverlayState } from '../../lib/messages';
import type { Crop } from '../../lib/picture/visible-crop';
import { classifyImage, recordAnswer, requestIdOf } from './classify';
import { pictureFromScreen } from './screen-capture';


type Tab = Browser.tabs.Tab;
type ClickInfo = Browser.contextMenus.OnClickData;

/** `fromKeyboard`: the shortcut, not the menu: the picture is the one in focus or under the mouse. */
export async function onClassifyClicked(info: ClickInfo, tab?: Tab, fromKeyboard = false): Promise<void> {
  // From the browser, not the page: the address rule (lib/allowed-address.ts) is decided on it.
  const pageUrl = info.frameUrl ?? info.pageUrl ?? tab?.url ?? '';
  const to = tab?.id === undefined ? undefined : { tabId: tab.id, frameId: info.frameId ?? 0 };
  const target = to
    ? await sendMessage('content:resolve-target', { srcUrl: info.srcUrl, fromKeyboard }, to).catch(() => undefined)
    : undefined;

  const show = async (overlay: OverlayState) => {
    if (to && target) await sendMessage('content:show', { targetId: target.targetId, overlay }, to).catch(() => undefined);
    else await showOnBadge(overlay, tab?.id);
  };

  if (target && 'error' in target) return show({ state: 'error', message: target.error });
  // No content script here: Chrome's own image address is all there is.
  const found = target ?? (info.srcUrl ? { source: info.srcUrl, onScreen: false } : undefined);
  if (!found) return show({ state: 'error', message: NO_PICTURE });
  const requestId = to && target ? requestIdOf(to.tabId, to.frameId, target.targetId) : `badge/${crypto.randomUUID()}`;
  const fromScreen = to && target ? () => pictureFromScreen(to, target.targetId) : undefined;
  try {
    const { classification, source } = await classifyFound(found, { requestedBy: pageUrl, requestId }, fromScreen);
    // The user waits for the answer, not for the history: show it while it is being written.
    await Promise.all([show({ state: 'answer', classification }), recordAnswer(source, pageUrl, classification, tab?.incognito)]);
  } catch (err) {
    // A cancelled request's card or tab is gone: nobody is waiting for a message.
    if ((err as Error).message !== CANCELLED) await show({ state: 'error', message: (err as Error).message });
  }
}

/** Read failures after which the screen can stand in for the file: the browser got it, the extension did not. */
const SCREEN_STANDS_IN = [NOT_SENT, TOO_SLOW];

/**
 * The file first, the screen when the file cannot be read but the page shows the picture (or when
 * only the screen has it). The file comes first because it is faster and sharper (`npm run bench:screen`
 * in docs/figures.md), needs no scrolling, and works in a tab that is not in front.
 */
async function classifyFound(
  found: { source?: string; crop?: Crop; onScreen: boolean },
  request: { requestedBy: string; requestId: string },
  fromScreen?: () => Promise<{ source: string; crop: Crop }>,
): Promise<{ classification: Classification; source: string }> {
  if (found.source) {
    try {
      const classification = await classifyImage({ ...request, source: found.source, crop: found.crop });
      return { classification, source: found.source };
    } catch (err) {
      if (!found.onScreen || !fromScreen || !SCREEN_STANDS_IN.includes((err as Error).message)) throw err;
    }
  }
  if (!fromScreen) throw new Error(NO_PICTURE);
  const shot = await fromScreen();
  const classification: Classification = { ...(await classifyImage({ ...request, ...shot })), readFrom: 'screen' };
  return { classification, source: found.source ?? shot.source };
}

/** On a page the extension cannot reach (no content script there), the answer goes on the badge. */
async function showOnBadge(overlay: OverlayState, tabId?: number): Promise<void> {
  const { text, title } = badgeFor(overlay);
  await browser.action.setBadgeText({ text, tabId });
  await browser.action.setTitle({ title, tabId });
}

const VERDICT_BADGES: Record<Verdict, string> = { answer: '✓', unsure: '?', 'out-of-scope': '∅' };

function badgeFor(overlay: OverlayState): { text: string; title: string } {
  if (overlay.state === 'error') return { text: '!', title: t('badgeTitle', { what: localizeMessage(overlay.message) }) };
  if (overlay.state === 'pending') return { text: '!', title: t('extName') };
  const { answer } = overlay.classification;
  // An out-of-scope answer's label is only the closest guess: the title does not name it.
  const what = answer.verdict === 'out-of-scope' ? t('answerNotInScopeLower') : t('badgeAnswer', { label: className(answer.index) });
  return { text: VERDICT_BADGES[answer.verdict], title: t('badgeTitle', { what }) };
}
