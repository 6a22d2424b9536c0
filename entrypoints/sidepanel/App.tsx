import { useEffect, useMemo, useState } from 'preact/hooks';
import { ScanCounts } from '../../components/ScanCounts';
import { ScanPictureList } from '../../components/ScanPictureList';
import { formatCount, t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messages';
import { countGroups, groupName, type ScanGroup } from '../../lib/scan/scan-counts';
import { answersToCsv, answersToJson, exportFileName } from '../../lib/storage/export';
import { download } from '../../components/download';
import { usePageScan } from './use-page-scan';

/**
 * The side panel (Chrome) or sidebar (Firefox): the page scan of the tab in front, its progress, what
 * it found, a filter that veils the other pictures on the page, the list, and the answers as files.
 */
export function App() {
  const { state, ask } = usePageScan();
  const [shown, setShown] = useState<ScanGroup | undefined>();
  const counts = useMemo(() => countGroups(state.results), [state.results]);
  // Another tab, or the page loaded again: that page has no filter.
  useEffect(() => setShown(undefined), [state.link]);
  const answered = state.results.filter((r) => r.answer);

  const toggle = () => state.tabId !== undefined && void sendMessage('background:toggle-scan', { tabId: state.tabId });
  const filter = (value: string) => {
    const group = value === '' ? undefined : /^\d+$/.test(value) ? Number(value) : (value as ScanGroup);
    setShown(group);
    ask({ kind: 'filter', group });
  };
  const save = (format: 'json' | 'csv') => {
    const time = Date.now();
    const answers = answered.map((r) => ({ time, pageUrl: state.pageUrl ?? '', imageUrl: r.imageUrl, answer: r.answer!, modelVersion: r.modelVersion ?? '' }));
    const text = format === 'json' ? answersToJson(answers) : answersToCsv(answers);
    download(text, format === 'json' ? 'application/json' : 'text/csv', exportFileName(format, new Date(time), 'page scan'));
  };
  const host = state.pageUrl && URL.canParse(state.pageUrl) ? new URL(state.pageUrl).host : undefined;

  return (
    <main>
      <header>
        <h1>{t('panelTitle')}</h1>
        {host && <p class="muted small page">{host}</p>}
      </header>
      {state.reachable === false ? (
        <p class="empty" data-testid="panel-unreachable">{t('panelNoPage')}</p>
      ) : (
        <>
          <button type="button" class="primary" data-testid="panel-toggle" disabled={state.reachable === undefined} onClick={toggle}>
            {state.scanning ? t('panelStop') : t('popupScanPage')}
          </button>
          <p role="status" class="progress-line" data-testid="panel-progress">
            {state.scanning
              ? t('panelScanning', { done: formatCount(state.done), underWay: formatCount(state.underWay) })
              : state.results.length
                ? t('panelDone', { done: formatCount(state.results.length) })
                : t('panelIdle')}
          </p>
          {state.scanning && <progress aria-hidden="true" value={state.done} max={Math.max(1, state.done + state.underWay)} />}
        </>
      )}
      {state.results.length > 0 && (
        <>
          <section aria-labelledby="counts-heading">
            <h2 id="counts-heading">{t('panelCounts')}</h2>
            <ScanCounts counts={counts} />
            <label class="filter">
              {t('panelFilter')}
              <select data-testid="panel-filter" value={shown ?? ''} onChange={(e) => filter(e.currentTarget.value)}>
                <option value="">{t('panelFilterAll')}</option>
                {[...counts].filter(([, n]) => n > 0).map(([group, n]) => (
                  <option key={group} value={group}>
                    {groupName(group)} ({formatCount(n)})
                  </option>
                ))}
              </select>
            </label>
          </section>
          <section aria-labelledby="pictures-heading">
            <h2 id="pictures-heading">{t('panelPictures')}</h2>
            <ScanPictureList results={state.results} onReveal={(pictureId) => ask({ kind: 'reveal', pictureId })} />
          </section>
          <div class="actions">
            <span class="muted small">{t('panelSave')}</span>
            <button type="button" class="quiet" disabled={answered.length === 0} onClick={() => save('json')}>JSON</button>
            <button type="button" class="quiet" disabled={answered.length === 0} onClick={() => save('csv')}>CSV</button>
          </div>
        </>
      )}
    </main>
  );
}
