/**
 * What screen readers call each history row ("the answer from 10:32, Ankle boot"), so that "Delete"
 * and "Correct" buttons say which row they act on. Names are unique among the rows shown: two
 * answers in the same minute get their seconds, and any still alike a number.
 */
import { verdictOf } from './answer';
import { className } from './classes';
import { formatCount, t, uiLanguage } from './i18n';
import type { HistoryEntry, ScanEntry } from './storage/db';

type Named = Pick<HistoryEntry, 'time' | 'answer'> | Pick<ScanEntry, 'time' | 'pictures'>;

/** The model's answer in a few words: its label, or that it was none of the 10 kinds; a scan's number of pictures. */
export function shortLabel(entry: Named): string {
  if ('pictures' in entry) return t('entryScanLabel', { count: formatCount(entry.pictures.length) });
  return verdictOf(entry.answer) === 'out-of-scope' ? t('answerNotInScopeLower') : className(entry.answer.index);
}

export function entryNames(entries: Named[], now = new Date(), locale = uiLanguage()): string[] {
  const today = new Date(now).toDateString();
  const format = (time: number, seconds: boolean) => {
    const sameDay = new Date(time).toDateString() === today;
    return new Intl.DateTimeFormat(locale, {
      ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
      hour: 'numeric',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
    }).format(time);
  };
  const name = (e: Named, seconds: boolean) => t('pictures' in e ? 'entryScanName' : 'entryName', { time: format(e.time, seconds), label: shortLabel(e) });
  const short = entries.map((e) => name(e, false));
  const names = entries.map((e, i) => (short.indexOf(short[i]) !== short.lastIndexOf(short[i]) ? name(e, true) : short[i]));
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return count > 1 ? `${n} (${count})` : n;
  });
}
