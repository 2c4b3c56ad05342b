import type { AdoptionRow } from '../lib/adoption-rows';
import { formatNumber, type Key, t } from '../lib/i18n';
import type { QueryState } from '../lib/query';
import { href } from '../lib/router';
import { Panel } from './Panel';

interface Ranked {
  key: string;
  label: string;
  link: string;
  sub?: string;
  count: number;
}

/** Counts distinct `counted` values per group and ranks the groups, ties sharing a rank. */
function rank(
  rows: AdoptionRow[],
  group: (row: AdoptionRow) => Omit<Ranked, 'count'>,
  counted: (row: AdoptionRow) => string,
  first = 10,
) {
  const groups = new Map<string, { item: Omit<Ranked, 'count'>; seen: Set<string> }>();
  for (const row of rows) {
    const item = group(row);
    const entry = groups.get(item.key) ?? { item, seen: new Set<string>() };
    entry.seen.add(counted(row));
    groups.set(item.key, entry);
  }
  const sorted = [...groups.values()]
    .map(({ item, seen }) => ({ ...item, count: seen.size }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  let previous = Number.NaN;
  let place = 0;
  return sorted.slice(0, first).map((item, i) => {
    if (item.count !== previous) place = i + 1;
    previous = item.count;
    return { ...item, rank: place };
  });
}

const KINDS = {
  innovations: {
    title: 'topInnovations',
    column: 'innovation',
    counts: 'adopters',
    group: (r: AdoptionRow) => ({
      key: r.innovation.id,
      label: r.innovation.name,
      sub: r.innovation.origin.name,
      link: href('inovasi', r.innovation.id),
    }),
    counted: (r: AdoptionRow) => r.adopter.code,
  },
  adopters: {
    title: 'topAdopters',
    column: 'regency',
    counts: 'adoptions',
    group: (r: AdoptionRow) => ({
      key: r.adopter.code,
      label: r.adopter.name,
      sub: r.adopter.province.name,
      link: href('daerah', r.adopter.code),
    }),
    counted: (r: AdoptionRow) => r.innovation.id,
  },
  origins: {
    title: 'topOrigins',
    column: 'origin',
    counts: 'adoptions',
    group: (r: AdoptionRow) => ({
      key: r.innovation.origin.code,
      label: r.innovation.origin.name,
      link: href('daerah', r.innovation.origin.code),
    }),
    counted: (r: AdoptionRow) => `${r.adopter.code}|${r.innovation.id}`,
  },
} as const;

/** A ranking of innovations, adopters or origins over the adoptions the filters match. */
export function Ranking({
  kind,
  state,
}: {
  kind: keyof typeof KINDS;
  state: QueryState<AdoptionRow[]>;
}) {
  const spec = KINDS[kind];
  return (
    <Panel id={`top-${kind}`} title={t(spec.title as Key)} state={state}>
      {(rows) => {
        const ranked = rank(rows, spec.group, spec.counted);
        if (ranked.length === 0) return <p>{t('none')}</p>;
        return (
          <table class="data">
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t('rank')}
                </th>
                <th scope="col">{t(spec.column as Key)}</th>
                <th scope="col" class="num">
                  {t(spec.counts as Key)}
                </th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((item) => (
                <tr key={item.key}>
                  <td class="num">{item.rank}</td>
                  <td>
                    <a href={item.link}>{item.label}</a>
                    {item.sub && <small class="sub">{item.sub}</small>}
                  </td>
                  <td class="num">{formatNumber(item.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      }}
    </Panel>
  );
}
