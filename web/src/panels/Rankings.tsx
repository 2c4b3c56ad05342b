import type { InnovationRank, Rankings, RegencyRank } from '../lib/figures';
import { formatNumber, type Key, t } from '../lib/i18n';
import type { QueryState } from '../lib/query';
import { href } from '../lib/router';
import { Panel } from './Panel';

interface Ranked {
  key: string;
  rank: number;
  label: string;
  link: string;
  sub?: string;
  count: number;
}

const regency = (r: RegencyRank): Ranked => ({
  key: r.regency.code,
  rank: r.rank,
  label: r.regency.name,
  sub: r.regency.province.name,
  link: href('daerah', r.regency.code),
  count: r.count,
});

/** The server's rankings (topInnovations, topAdopters, topOrigins), shown as they answer. */
const KINDS = {
  innovations: {
    title: 'topInnovations',
    column: 'innovation',
    counts: 'adopters',
    rows: (data: Rankings) =>
      data.topInnovations.map(
        (r: InnovationRank): Ranked => ({
          key: r.innovation.id,
          rank: r.rank,
          label: r.innovation.name,
          sub: r.innovation.origin.name,
          link: href('inovasi', r.innovation.id),
          count: r.count,
        }),
      ),
  },
  adopters: {
    title: 'topAdopters',
    column: 'regency',
    counts: 'adoptions',
    rows: (data: Rankings) => data.topAdopters.map(regency),
  },
  origins: {
    title: 'topOrigins',
    column: 'origin',
    counts: 'adoptions',
    rows: (data: Rankings) => data.topOrigins.map(regency),
  },
} as const;

/** A ranking of innovations, adopters or origins under the page's filters (top ten). */
export function Ranking({
  kind,
  state,
}: {
  kind: keyof typeof KINDS;
  state: QueryState<Rankings>;
}) {
  const spec = KINDS[kind];
  return (
    <Panel id={`top-${kind}`} title={t(spec.title as Key)} state={state}>
      {(data) => {
        const ranked = spec.rows(data).slice(0, 10);
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
                <tr key={item.key} data-ranked={item.key} data-count={item.count}>
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
