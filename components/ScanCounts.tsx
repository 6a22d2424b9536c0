import { formatCount } from '../lib/i18n';
import { groupName, type ScanGroup } from '../lib/scan/scan-counts';

/** How many pictures of each kind the scan found, the empty kinds left out. */
export function ScanCounts({ counts }: { counts: Map<ScanGroup, number> }) {
  return (
    <ul class="counts" data-testid="scan-counts">
      {[...counts]
        .filter(([, count]) => count > 0)
        .map(([group, count]) => (
          <li key={group} data-group={group} data-count={count}>
            <span>{groupName(group)}</span> <strong>{formatCount(count)}</strong>
          </li>
        ))}
    </ul>
  );
}
