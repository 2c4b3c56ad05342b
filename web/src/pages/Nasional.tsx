import { useState } from 'preact/hooks';
import { type AdoptionFilter, cleanFilter, useAdoptionRows } from '../lib/adoption-rows';
import type { Stage } from '../lib/domain';
import { t } from '../lib/i18n';
import { AdoptionCurve } from '../panels/AdoptionCurve';
import { ProvinceMap, useProvinces } from '../panels/ProvinceMap';
import { Ranking } from '../panels/Rankings';
import { StagePicker } from '../panels/StagePicker';

type VerificationChoice = '' | 'VERIFIED' | 'UNVERIFIED' | 'REJECTED';

/** Nasional: the map by province, rankings and the national curve, under one set of filters. */
export function Nasional() {
  const [stage, setStage] = useState<Stage>('AGREED');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [province, setProvince] = useState('');
  const [verification, setVerification] = useState<VerificationChoice>('');
  const provinces = useProvinces();
  const filter: AdoptionFilter = cleanFilter({
    minStage: stage,
    provinceCode: province,
    occurredBetween: { from, to },
    ...(verification ? { verification } : {}),
  });
  const rows = useAdoptionRows(filter);
  return (
    <>
      <h1>{t('nasionalTitle')}</h1>
      <form class="filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <StagePicker name="stage" value={stage} onChange={setStage} />
        <label>
          {t('filterFrom')}
          <input
            type="date"
            name="from"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('filterTo')}
          <input type="date" name="to" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </label>
        <label>
          {t('filterProvince')}
          <select
            name="province"
            value={province}
            onChange={(e) => setProvince(e.currentTarget.value)}
          >
            <option value="">{t('allProvinces')}</option>
            {(provinces.data?.provinces ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterVerification')}
          <select
            name="verification"
            value={verification}
            onChange={(e) => setVerification(e.currentTarget.value as VerificationChoice)}
          >
            <option value="">{t('anyVerification')}</option>
            <option value="VERIFIED">{t('verification_VERIFIED')}</option>
            <option value="UNVERIFIED">{t('verification_UNVERIFIED')}</option>
            <option value="REJECTED">{t('verification_REJECTED')}</option>
          </select>
        </label>
      </form>
      <div class="grid">
        <ProvinceMap state={rows} stage={stage} provinces={provinces} />
        <Ranking kind="innovations" state={rows} />
        <Ranking kind="adopters" state={rows} />
        <Ranking kind="origins" state={rows} />
        <AdoptionCurve
          id="national-curve"
          title={t('curveTitle')}
          state={rows}
          stage={stage}
          wide
        />
      </div>
    </>
  );
}
