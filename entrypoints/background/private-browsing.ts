/**
 * Answers from private windows last only as long as private browsing does: when the last incognito
 * window closes, they are forgotten (Chrome drops storage.session anyway when it quits).
 */
import { browser } from 'wxt/browser';
import { forgetPrivateAnswers } from '../../lib/storage/private-answers';

export function forgetPrivateAnswersWhenPrivateWindowsClose(): void {
  browser.windows.onRemoved.addListener(async () => {
    const windows = await browser.windows.getAll();
    if (!windows.some((w) => w.incognito)) await forgetPrivateAnswers();
  });
}
