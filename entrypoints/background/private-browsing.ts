/**
 * Answers from private windows last only as long as private browsing does: when the last incognito
 * window closes, they are forgotten (Chrome drops storage.session anyway when it quits).
 */
import { browser } from 'wxt/browser';
import { forgetPrivateAnswers } from '../../lib/storage/private-answers';

export async function privateWindowOpen(): Promise<boolean> {
  return (await browser.windows.getAll()).some((w) => w.incognito);
}

export function forgetPrivateAnswersWhenPrivateWindowsClose(): void {
  browser.windows.onRemoved.addListener(async () => {
    if (!(await privateWindowOpen())) await forgetPrivateAnswers();
  });
}
