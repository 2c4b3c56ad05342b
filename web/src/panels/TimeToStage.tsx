import type { Stage } from '../lib/domain';
import type { FigureFilter } from '../lib/figures';
import { formatNumber, t } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { Panel } from './Panel';

const TIME_TO_STAGE = `query WorkbenchTimeToStage($innovationId: ID, $filter: FigureFilter) {
  timeToStage(innovationId: $innovationId, from: STUDY_VISIT, filter: $filter) {
    adoptions
    stages { stage adoptions minDays q1Days medianDays q3Days maxDays medianMonths }
  }
}`;
interface StageTiming {
  stage: Stage;
  adoptions: number;
  minDays: number | null;
  q1Days: number | null;
  medianDays: number | null;
  q3Days: number | null;
  maxDays: number | null;
  medianMonths: number | null;
}
type Timing = { timeToStage: { adoptions: number; stages: StageTiming[] } };

const COLUMNS = ['minDays', 'q1Days', 'medianDays', 'q3Days', 'maxDays'] as const;

/** Days from the first study visit to each later stage, as the server's quartiles (`timeToStage`). */
export function TimeToStage({
  innovationId,
  filter,
  refresh,
}: {
  innovationId: string;
  filter: FigureFilter;
  refresh: number;
}) {
  const state = useQuery<Timing>(TIME_TO_STAGE, { innovationId, filter }, { refresh });
  return (
    <Panel id="durations" title={t('durationTitle')} state={state} wide>
      {(data) => {
        const known = data.timeToStage.stages.filter((r) => r.adoptions > 0);
        if (known.length === 0) return <p>{t('none')}</p>;
        const days = (n: number | null) => (n === null ? '–' : formatNumber(Math.round(n)));
        return (
          <div class="scroll">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">{t('stage')}</th>
                  <th scope="col" class="num">
                    {t('adoptions')}
                  </th>
                  {COLUMNS.map((c) => (
                    <th key={c} scope="col" class="num">
                      {t(c)}
                    </th>
                  ))}
                  <th scope="col" class="num">
                    {t('medianMonths')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {known.map((r) => (
                  <tr key={r.stage} data-timing={r.stage} data-median={r.medianDays ?? ''}>
                    <td>{t(`stage_${r.stage}`)}</td>
                    <td class="num">{r.adoptions}</td>
                    {COLUMNS.map((c) => (
                      <td key={c} class="num">
                        {days(r[c])}
                      </td>
                    ))}
                    <td class="num">{r.medianMonths ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      }}
    </Panel>
  );
}
