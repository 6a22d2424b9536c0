import { t } from '../lib/i18n';

/** Links from a history row to the page it was asked on and to the picture, each in a new tab. */
export function EntryLinks({ pageUrl, imageUrl }: { pageUrl: string; imageUrl: string }) {
  const page = webAddress(pageUrl);
  const picture = webAddress(imageUrl);
  return (
    <>
      {page ? (
        <a href={page.href} target="_blank" rel="noreferrer" title={page.href} data-testid="page-link">
          {page.host}
          <span class="visually-hidden"> {t('linkPageNewTab')}</span>
        </a>
      ) : (
        // A picked file ("file: boot.png") or a page with no address to go back to.
        <span>{pageUrl}</span>
      )}
      {picture && (
        <a href={picture.href} target="_blank" rel="noreferrer" title={picture.href} data-testid="picture-link">
          {t('linkPicture')}
          <span class="visually-hidden"> {t('linkNewTab')}</span>
        </a>
      )}
    </>
  );
}

/** Only web pages are linked: a data: source is kept short in the history, so it cannot be opened. */
function webAddress(address: string): URL | undefined {
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
