import * as Plot from '@observablehq/plot';
import { useEffect, useState } from 'preact/hooks';
import { gql } from '../lib/api';
import type { Stage } from '../lib/domain';
import {
  exportUrl,
  type FigureFilter,
  type PageFilters,
  RANKING_LIMIT,
  type Rankings,
} from '../lib/figures';
import { formatNumber, t } from '../lib/i18n';
import { ISO_OF_PROVINCE, shapes } from '../lib/provinces';
import type { QueryState } from '../lib/query';
import { useQuery } from '../lib/query';
import { ExportLink } from './ExportLink';
import { Panel } from './Panel';
import { PlotFigure } from './PlotFigure';

const PROVINCES = `{ provinces { code name } }`;
export type ProvinceList = { provinces: Array<{ code: string; name: string }> };
export const useProvinces = () => useQuery<ProvinceList>(PROVINCES, undefined);

/** Sabang to Merauke, Miangas to Rote: the frame the map is fitted to. */
const INDONESIA_BOX: { type: 'MultiPoint'; coordinates: [number, number][] } = {
  type: 'MultiPoint',
  coordinates: [
    [94.9, 6.1],
    [141.1, -11.1],
  ],
};
const NONE = '#d3dbe4';
const NEIGHBOUR = '#f4f4f2';
const SCALE = ['#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c'];
/** Sequential blues by count; a province with none keeps the pale fill. */
const colour = (count: number, max: number) =>
  count === 0 ? NONE : (SCALE[Math.max(0, Math.ceil((count / max) * SCALE.length) - 1)] ?? NONE);

/** Adopting regencies (that reached the stage) per province code. */
export type ProvinceCounts = Map<string, number>;

/** The regencies of the adopters' ranking counted by province: each ranked regency reached the stage. */
function countByProvince(ranked: Rankings['topAdopters']): ProvinceCounts {
  const counts: ProvinceCounts = new Map();
  for (const r of ranked)
    counts.set(r.regency.province.code, (counts.get(r.regency.province.code) ?? 0) + 1);
  return counts;
}

/**
 * The same ranking asked once per province (a dozen provinces per request, within the API's alias
 * and price limits): used only when the national ranking was cut at its 500-row limit.
 */
async function rankPerProvince(stage: Stage, filter: FigureFilter, codes: string[]) {
  const counts: ProvinceCounts = new Map();
  for (let i = 0; i < codes.length; i += 12) {
    const chunk = codes.slice(i, i + 12);
    const variables: Record<string, unknown> = { stage };
    chunk.forEach((code, n) => {
      variables[`f${n}`] = { ...filter, provinceCode: code };
    });
    const query = `query WorkbenchProvinceAdopters($stage: AdoptionStage, ${chunk
      .map((_, n) => `$f${n}: FigureFilter`)
      .join(', ')}) { ${chunk
      .map(
        (code, n) =>
          `p${code}: topAdopters(minStage: $stage, filter: $f${n}, first: ${RANKING_LIMIT}) { rank }`,
      )
      .join(' ')} }`;
    const answer = await gql<Record<string, Array<{ rank: number }>>>(query, variables);
    for (const code of chunk) counts.set(code, answer[`p${code}`]?.length ?? 0);
  }
  return counts;
}

/** Adopting regencies per province, from the server's adopters ranking. */
export function useProvinceCounts(
  rankings: QueryState<Rankings>,
  stage: Stage,
  filter: FigureFilter,
  provinces: QueryState<ProvinceList>,
): QueryState<ProvinceCounts> {
  const [fallback, setFallback] = useState<QueryState<ProvinceCounts> | undefined>();
  const ranked = rankings.data?.topAdopters;
  const cut = ranked !== undefined && ranked.length >= RANKING_LIMIT && !filter.provinceCode;
  const codes = provinces.data?.provinces.map((p) => p.code);
  useEffect(() => {
    if (!cut || !codes) return setFallback(undefined);
    let current = true;
    setFallback({ loading: true });
    rankPerProvince(stage, filter, codes).then(
      (data) => current && setFallback({ data, loading: false }),
      (error) => current && setFallback({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [cut, JSON.stringify(filter), stage, codes?.length]);
  if (cut) return fallback ?? { loading: true };
  return {
    loading: rankings.loading,
    error: rankings.error,
    ...(ranked ? { data: countByProvince(ranked) } : {}),
  };
}

export function ProvinceMap({
  state,
  filters,
  provinces,
}: {
  state: QueryState<ProvinceCounts>;
  filters: PageFilters;
  provinces: QueryState<ProvinceList>;
}) {
  const stage = filters.stage;
  return (
    <Panel id="map" title={t('mapTitle')} state={state} wide>
      {(counts) => {
        const all = provinces.data?.provinces ?? [];
        const table = all
          .map((p) => ({ ...p, adopters: counts.get(p.code) ?? 0 }))
          .filter((p) => p.adopters > 0)
          .sort((a, b) => b.adopters - a.adopters || a.name.localeCompare(b.name));
        const byShape = new Map<string, number>();
        for (const [code, count] of counts) {
          const iso = ISO_OF_PROVINCE[code];
          if (iso) byShape.set(iso, (byShape.get(iso) ?? 0) + count);
        }
        const max = Math.max(0, ...byShape.values());
        const indonesia = shapes.filter((s) => s.indonesian);
        const caption = t('mapCaption', { stage: t(`stage_${stage}`) });
        return (
          <>
            <p class="caption">{caption}</p>
            <PlotFigure
              label={`${t('mapTitle')}. ${table.map((p) => `${p.name}: ${p.adopters}`).join('; ')}`}
              draw={(width) =>
                Plot.plot({
                  projection: { type: 'mercator', domain: INDONESIA_BOX, inset: 4 },
                  width,
                  height: Math.round(width * 0.4),
                  marks: [
                    Plot.geo(
                      shapes.filter((s) => !s.indonesian),
                      { fill: NEIGHBOUR, stroke: '#ddd' },
                    ),
                    Plot.geo(indonesia, {
                      fill: (s) => colour(byShape.get(s.id) ?? 0, max),
                      stroke: '#fff',
                      strokeWidth: 0.6,
                      title: (s) => `${s.name}: ${byShape.get(s.id) ?? 0}`,
                      render(index, scales, values, dimensions, context, next) {
                        const g = next?.(index, scales, values, dimensions, context);
                        const paths = g?.querySelectorAll('path') ?? [];
                        index.forEach((i, n) => {
                          const shape = indonesia[i];
                          const path = paths[n];
                          if (!shape || !path) return;
                          path.setAttribute('data-province', shape.id);
                          path.setAttribute('data-count', String(byShape.get(shape.id) ?? 0));
                        });
                        return g ?? null;
                      },
                    }),
                  ],
                })
              }
            />
            <p class="legend" aria-hidden="true">
              <span class="swatch" style={{ background: NONE }} /> 0
              <span class="swatch" style={{ background: colour(1, max || 1) }} /> 1
              {max > 1 && (
                <>
                  <span class="swatch" style={{ background: colour(max, max) }} /> {max}
                </>
              )}
            </p>
            <p class="attribution">
              {t('mapAttribution')} {t('mapPapua')}
            </p>
            <table class="data">
              <caption class="sr-only">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('province')}</th>
                  <th scope="col" class="num">
                    {t('adopters')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {table.length === 0 && (
                  <tr>
                    <td colSpan={2}>{t('none')}</td>
                  </tr>
                )}
                {table.map((p) => (
                  <tr key={p.code} data-province-code={p.code}>
                    <td>{p.name}</td>
                    <td class="num">{formatNumber(p.adopters)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ExportLink href={exportUrl('adoptions', { filters })} label={t('exportAdoptions')} />
          </>
        );
      }}
    </Panel>
  );
}
