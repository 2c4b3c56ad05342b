import type { Stage } from '../lib/domain';
import { formatNumber, t } from '../lib/i18n';

export interface StageCount {
  stage: Stage;
  reached: number;
  current: number;
}

/** The funnel: adoptions that reached each stage (bar) and that stand at it now. */
export function Funnel({ funnel }: { funnel: StageCount[] }) {
  const max = Math.max(1, ...funnel.map((s) => s.reached));
  return (
    <table class="data funnel">
      <thead>
        <tr>
          <th scope="col">{t('stage')}</th>
          <th scope="col" class="num">
            {t('reached')}
          </th>
          <th scope="col" class="num">
            {t('current')}
          </th>
          <th scope="col" style={{ width: '40%' }}>
            <span class="sr-only">{t('reached')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {funnel.map((s) => (
          <tr key={s.stage} data-stage={s.stage}>
            <td>{t(`stage_${s.stage}`)}</td>
            <td class="num">{formatNumber(s.reached)}</td>
            <td class="num">{formatNumber(s.current)}</td>
            <td aria-hidden="true">
              <div class="bar" style={{ width: `${(100 * s.reached) / max}%` }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
