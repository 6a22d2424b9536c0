/**
 * A page scan's results counted as the side panel shows them and as the badges say them: each picture
 * falls in one group, its class when the answer is sure, else "not sure", "not one of the 10 kinds" or
 * "could not be read". The panel's filter shows one group.
 */
import { verdictOf, type Answer } from '../answer';
import { CLASS_NAMES, className } from '../classes';
import { formatCount, t, type MessageKey } from '../i18n';

/** A class index, or the name of a group that is no class. */
export type ScanGroup = number | 'unsure' | 'out-of-scope' | 'error';

/** The groups in the order the panel lists them: the 10 kinds, then the rest. */
export const SCAN_GROUPS: readonly ScanGroup[] = [...CLASS_NAMES.keys(), 'unsure', 'out-of-scope', 'error'];

/** A picture's result: its answer, or none when it could not be read. */
export type Counted = { answer?: Answer };

export function groupOf({ answer }: Counted): ScanGroup {
  if (!answer) return 'error';
  const verdict = verdictOf(answer);
  return verdict === 'answer' ? answer.index : verdict;
}

/** How many pictures fall in each group, in SCAN_GROUPS' order. */
export function countGroups(results: Counted[]): Map<ScanGroup, number> {
  const counts = new Map(SCAN_GROUPS.map((g) => [g, 0]));
  for (const r of results) {
    const group = groupOf(r);
    counts.set(group, counts.get(group)! + 1);
  }
  return counts;
}

/** The group's name on its own, as the panel's filter and counts say it. */
export function groupName(group: ScanGroup): string {
  if (typeof group === 'number') return className(group);
  return t(group === 'unsure' ? 'scanGroupUnsure' : group === 'out-of-scope' ? 'answerNotInScope' : 'scanGroupError');
}

/** "12 Sneakers", "1 Sneaker", "3 not sure": a count with its group's name. */
function countedName(group: ScanGroup, count: number): string {
  const n = formatCount(count);
  if (typeof group === 'number') return count === 1 ? `${n} ${className(group)}` : t(`classPlural_${group}` as MessageKey, { count: n });
  return t(group === 'unsure' ? 'scanCountUnsure' : group === 'out-of-scope' ? 'scanCountNotInScope' : 'scanCountError', { count: n });
}

/**
 * A whole scan in one line, the largest groups first: "48 pictures: 12 Sneakers, 9 T-shirts/tops, 3 not sure".
 * Empty groups are left out.
 */
export function scanSummary(results: Counted[]): string {
  const parts = [...countGroups(results)].filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1]);
  const total = formatCount(results.length);
  return t(results.length === 1 ? 'scanSummaryOne' : 'scanSummary', { count: total, groups: parts.map(([g, c]) => countedName(g, c)).join(', ') });
}
