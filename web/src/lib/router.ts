import { signal } from '@preact/signals';

export type PageName = 'nasional' | 'inovasi' | 'daerah' | 'lapor' | 'verifikasi' | 'berita';
const pages: PageName[] = ['nasional', 'inovasi', 'daerah', 'lapor', 'verifikasi', 'berita'];

export interface Route {
  page: PageName;
  param?: string;
}

/** Hash routes (`#/inovasi/<id>`): the server has one page, and nothing secret is ever in them. */
export function parseRoute(hash: string): Route {
  const [name, ...rest] = hash.replace(/^#\/?/, '').split('/');
  const page = pages.find((p) => p === name) ?? 'nasional';
  const param = rest.length ? decodeURIComponent(rest.join('/')) : undefined;
  return param ? { page, param } : { page };
}

export const route = signal<Route>(parseRoute(location.hash));
addEventListener('hashchange', () => {
  route.value = parseRoute(location.hash);
});

export const href = (page: PageName, param?: string) =>
  `#/${page}${param ? `/${encodeURIComponent(param)}` : ''}`;
