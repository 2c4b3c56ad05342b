import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';

/**
 * A download link to the server's CSV export (`/export/*.csv`) with the page's filters as query
 * parameters: the server streams the rows, the browser saves them. Where a token is signed in
 * (reads may require one), the file is fetched with it in the Authorization header instead, so
 * the token never goes into a URL.
 */
export function ExportLink({ href, label }: { href: string; label: string }) {
  const [failed, setFailed] = useState<string | undefined>();
  const file = href.slice(href.lastIndexOf('/') + 1).split('?')[0] ?? 'replika.csv';
  const onClick = async (event: MouseEvent) => {
    const signedIn = sessionStorage.getItem('replika.token');
    if (!signedIn) return;
    event.preventDefault();
    setFailed(undefined);
    const response = await fetch(href, { headers: { authorization: `Bearer ${signedIn}` } });
    if (!response.ok) return setFailed(`HTTP ${response.status}`);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `replika-${file}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <p class="export">
      <a
        class="button secondary"
        href={href}
        download={`replika-${file}`}
        data-export={file}
        onClick={onClick}
      >
        {label}
      </a>
      {failed && (
        <span class="field-error" role="alert">
          {t('failed', { message: failed })}
        </span>
      )}
    </p>
  );
}
