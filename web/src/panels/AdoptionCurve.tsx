import * as Plot from '@observablehq/plot';
import type { ComponentChildren } from 'preact';
import type { Stage } from '../lib/domain';
import type { Curve } from '../lib/figures';
import { t } from '../lib/i18n';
import type { QueryState } from '../lib/query';
import { Panel } from './Panel';
import { PlotFigure } from './PlotFigure';

/** A period of the server's curve, with its year as a number for the axis. */
interface Period {
  year: number;
  inYear: number;
  cumulative: number;
}

const periodsOf = (data: Curve): Period[] =>
  data.adoptionCurve.periods.map((p) => ({
    year: Number(p.period),
    inYear: p.adoptions,
    cumulative: p.cumulativeAdoptions,
  }));

/** Whole-number ticks (adoptions are counted), at most seven of them. */
function wholeTicks(periods: Period[]) {
  const max = Math.max(1, ...periods.map((p) => p.cumulative));
  const step = Math.ceil(max / 6);
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
}

export function AdoptionCurve({
  id,
  title,
  state,
  stage,
  controls,
  wide,
}: {
  wide?: boolean;
  id: string;
  title: string;
  state: QueryState<Curve>;
  stage: Stage;
  controls?: ComponentChildren;
}) {
  return (
    <Panel id={id} title={title} state={state} wide={wide}>
      {(data) => {
        const periods = periodsOf(data);
        const caption = t('curveCaption', { stage: t(`stage_${stage}`) });
        if (periods.length === 0)
          return (
            <>
              {controls}
              <p>{t('none')}</p>
            </>
          );
        return (
          <>
            {controls}
            <p class="caption">{caption}</p>
            <PlotFigure
              label={`${title}. ${periods.map((p) => `${p.year}: ${p.cumulative}`).join('; ')}`}
              draw={(width) =>
                Plot.plot({
                  width,
                  height: 240,
                  marginLeft: 36,
                  x: { label: t('year'), tickFormat: 'd', type: 'band' },
                  y: {
                    label: t('cumulative'),
                    grid: true,
                    tickFormat: 'd',
                    ticks: wholeTicks(periods),
                  },
                  marks: [
                    Plot.barY(periods, { x: 'year', y: 'inYear', fill: '#9ecae1' }),
                    Plot.lineY(periods, {
                      x: 'year',
                      y: 'cumulative',
                      stroke: '#08519c',
                      strokeWidth: 2,
                    }),
                    Plot.dot(periods, { x: 'year', y: 'cumulative', fill: '#08519c' }),
                    Plot.ruleY([0]),
                  ],
                })
              }
            />
            <details>
              <summary>{t('year')}</summary>
              <table class="data">
                <thead>
                  <tr>
                    <th scope="col">{t('year')}</th>
                    <th scope="col" class="num">
                      {t('inYear')}
                    </th>
                    <th scope="col" class="num">
                      {t('cumulative')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {periods.map((p) => (
                    <tr key={p.year} data-period={p.year} data-cumulative={p.cumulative}>
                      <td>{p.year}</td>
                      <td class="num">{p.inYear}</td>
                      <td class="num">{p.cumulative}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        );
      }}
    </Panel>
  );
}
