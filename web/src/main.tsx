import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import './style.css';
import { lang, setLang, t } from './lib/i18n';
import { href, type PageName, route } from './lib/router';
import { restoreSession } from './lib/session';
import { Nasional } from './pages/Nasional';

type PageComponent = (props: { param?: string }) => preact.JSX.Element;

/** The overview is in the entry chunk; every other page is fetched when first opened. */
const loaders: Record<Exclude<PageName, 'nasional'>, () => Promise<PageComponent>> = {
  inovasi: () => import('./pages/Inovasi').then((m) => m.Inovasi),
  daerah: () => import('./pages/Daerah').then((m) => m.Daerah),
  lapor: () => import('./pages/Lapor').then((m) => m.Lapor),
  verifikasi: () => import('./pages/Verifikasi').then((m) => m.Verifikasi),
  berita: () => import('./pages/Berita').then((m) => m.Berita),
};
const loaded = new Map<PageName, PageComponent>([['nasional', Nasional]]);

function Page({ name, param }: { name: PageName; param?: string }) {
  const [component, setComponent] = useState<PageComponent | undefined>(() => loaded.get(name));
  useEffect(() => {
    const known = loaded.get(name);
    if (known) return setComponent(() => known);
    setComponent(undefined);
    let current = true;
    loaders[name as keyof typeof loaders]().then((c) => {
      loaded.set(name, c);
      if (current) setComponent(() => c);
    });
    return () => {
      current = false;
    };
  }, [name]);
  const Component = component;
  return Component ? <Component param={param} /> : <p aria-busy="true">{t('loading')}</p>;
}

const NAV: Array<[PageName, Parameters<typeof t>[0]]> = [
  ['nasional', 'navNasional'],
  ['inovasi', 'navInovasi'],
  ['daerah', 'navDaerah'],
  ['lapor', 'navLapor'],
  ['verifikasi', 'navVerifikasi'],
  ['berita', 'navBerita'],
];

function App() {
  const { page, param } = route.value;
  void lang.value; // re-render every text when the language switches
  const first = useRef(true);
  const label = NAV.find(([name]) => name === page)?.[1] ?? 'navNasional';
  document.title = `${t(label)} · replika`;
  // After a route change, focus moves to the new page's content (as a page load would).
  useEffect(() => {
    if (first.current) first.current = false;
    else document.getElementById('main')?.focus({ preventScroll: true });
  }, [page, param]);
  return (
    <>
      <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
        {t('skip')}
      </button>
      <header class="top">
        <div class="brand">
          <strong>{t('appName')}</strong>
          <span>{t('tagline')}</span>
        </div>
        <nav aria-label={t('tagline')}>
          <ul>
            {NAV.map(([name, label]) => (
              <li key={name}>
                <a href={href(name)} aria-current={page === name ? 'page' : undefined}>
                  {t(label)}
                </a>
              </li>
            ))}
            <li>
              <a href="/graphql">GraphiQL</a>
            </li>
          </ul>
        </nav>
        <button
          type="button"
          class="lang"
          lang={lang.value === 'id' ? 'en' : 'id'}
          onClick={() => setLang(lang.value === 'id' ? 'en' : 'id')}
        >
          {t('switchLang')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Page key={page} name={page} param={param} />
      </main>
    </>
  );
}

void restoreSession();
const root = document.getElementById('app');
if (root) render(<App />, root);
