import { useState } from 'preact/hooks';
import {
  CURVE,
  type Curve,
  figureFilter,
  initialFilters,
  type PageFilters,
  RANKINGS,
  type Rankings,
} from '../lib/figures';
import { t } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { AdoptionCurve } from '../panels/AdoptionCurve';
import { BudgetTotalsPanel } from '../panels/BudgetTotals';
import { ProvinceMap, useProvinceCounts, useProvinces } from '../panels/ProvinceMap';
import { Ranking } from '../panels/Rankings';
import { StagePicker } from '../panels/StagePicker';
import { VerificationPicker } from '../panels/VerificationPicker';

/**
 * Nasional: the map by province, rankings, the national curve and budget totals, all answered by
 * the server's figures under one set of filters (stage, period, province, verification).
 */
export function Nasional() {
  const [filters, setFilters] = useState<PageFilters>(initialFilters);
  const set = (patch: Partial<PageFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const provinces = useProvinces();
  const filter = figureFilter(filters);
  const variables = { stage: filters.stage, filter };
  const rankings = useQuery<Rankings>(RANKINGS, variables);
  const curve = useQuery<Curve>(CURVE, variables);
  const counts = useProvinceCounts(rankings);
  return (
    <>
      <h1>{t('nasionalTitle')}</h1>
      <form class="filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <StagePicker name="stage" value={filters.stage} onChange={(stage) => set({ stage })} />
        <label>
          {t('filterFrom')}
          <input
            type="date"
            name="from"
            value={filters.from}
            onChange={(e) => set({ from: e.currentTarget.value })}
          />
        </label>
        <label>
          {t('filterTo')}
          <input
            type="date"
            name="to"
            value={filters.to}
            onChange={(e) => set({ to: e.currentTarget.value })}
          />
        </label>
        <label>
          {t('filterProvince')}
          <select
            name="province"
            value={filters.province}
            onChange={(e) => set({ province: e.currentTarget.value })}
          >
            <option value="">{t('allProvinces')}</option>
            {(provinces.data?.provinces ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <VerificationPicker
          value={filters.verification}
          onChange={(verification) => set({ verification })}
        />
      </form>
      <div class="grid">
        <ProvinceMap state={counts} filters={filters} provinces={provinces} />
        <Ranking kind="innovations" state={rankings} />
        <Ranking kind="adopters" state={rankings} />
        <Ranking kind="origins" state={rankings} />
        <AdoptionCurve
          id="national-curve"
          title={t('curveTitle')}
          state={curve}
          stage={filters.stage}
          wide
        />
        <BudgetTotalsPanel filter={filter} />
      </div>
    </>
  );
}
