import * as Plot from '@observablehq/plot';
import { exportUrl, type PageFilters, type Rankings } from '../lib/figures';
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

/** Adopting regencies per province: the server's `topProvinces` ranking, every province asked. */
export function useProvinceCounts(rankings: QueryState<Rankings>): QueryState<ProvinceCounts> {
  const ranked = rankings.data?.topProvinces;
  return {
    loading: rankings.loading,
    error: rankings.error,
    ...(ranked ? { data: new Map(ranked.map((r) => [r.province.code, r.count])) } : {}),
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
