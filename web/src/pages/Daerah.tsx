import { useState } from 'preact/hooks';
import type { Evidence, MilestoneRow, Stage } from '../lib/domain';
import { fold } from '../lib/domain';
import { exportUrl } from '../lib/figures';
import { formatDate, t } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { href } from '../lib/router';
import { StageBadge, VerificationBadge } from '../panels/Badges';
import { ExportLink } from '../panels/ExportLink';
import { Panel } from '../panels/Panel';

const REGENCIES = `{ regencies { code name province { name } } }`;
type RegencyList = { regencies: Array<{ code: string; name: string; province: { name: string } }> };

const REGENCY = `query WorkbenchRegency($code: ID!) {
  regency(code: $code) {
    code name province { code name }
    innovations { id name launchedOn adoptions { adopter { code } } }
    adoptions {
      innovation { id name origin { code name } }
      stage suspended firstOccurredOn lastOccurredOn
      milestones { id kind occurredOn retracted verification evidence { kind title url reference } }
    }
    studyVisitsMade { id startDate endDate delegationSize host { code name } innovations { id name } retracted }
    studyVisitsHosted { id startDate endDate delegationSize visitor { code name } innovations { id name } retracted }
  }
}`;
interface Visit {
  id: string;
  startDate: string;
  endDate: string;
  delegationSize: number;
  host?: { code: string; name: string };
  visitor?: { code: string; name: string };
  innovations: Array<{ id: string; name: string }>;
  retracted: boolean;
}
interface RegencyData {
  regency: {
    code: string;
    name: string;
    province: { code: string; name: string };
    innovations: Array<{
      id: string;
      name: string;
      launchedOn: string | null;
      adoptions: unknown[];
    }>;
    adoptions: Array<{
      innovation: { id: string; name: string; origin: { code: string; name: string } };
      stage: Stage;
      suspended: boolean;
      milestones: Array<MilestoneRow & { evidence: Evidence[] }>;
    }>;
    studyVisitsMade: Visit[];
    studyVisitsHosted: Visit[];
  } | null;
}

/** Finds a regency by typing its name (or code). */
function RegencyPicker({ current }: { current: string }) {
  const list = useQuery<RegencyList>(REGENCIES, undefined);
  const [text, setText] = useState('');
  const matches = (list.data?.regencies ?? []).filter(
    (r) => text.length >= 2 && (fold(r.name).includes(fold(text)) || r.code.startsWith(text)),
  );
  return (
    <form
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
        const first = matches[0];
        if (first) location.hash = href('daerah', first.code);
      }}
    >
      <label>
        {t('chooseRegency')}
        <input
          type="search"
          value={text}
          placeholder={current}
          onInput={(e) => setText(e.currentTarget.value)}
          aria-controls="regency-matches"
        />
      </label>
      <ul id="regency-matches" class="plain" aria-live="polite">
        {matches.slice(0, 8).map((r) => (
          <li key={r.code}>
            <a href={href('daerah', r.code)}>{r.name}</a>{' '}
            <small class="sub">{r.province.name}</small>
          </li>
        ))}
      </ul>
    </form>
  );
}

function VisitTable({ visits, other }: { visits: Visit[]; other: 'host' | 'visitor' }) {
  const shown = visits.filter((v) => !v.retracted);
  if (shown.length === 0) return <p>{t('none')}</p>;
  return (
    <table class="data">
      <thead>
        <tr>
          <th scope="col">{t(other === 'host' ? 'visitHost' : 'visitVisitor')}</th>
          <th scope="col">{t('visitDates')}</th>
          <th scope="col" class="num">
            {t('delegation')}
          </th>
          <th scope="col">{t('innovation')}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((v) => {
          const who = v[other];
          return (
            <tr key={v.id}>
              <td>{who && <a href={href('daerah', who.code)}>{who.name}</a>}</td>
              <td>
                {formatDate(v.startDate, 'short')} – {formatDate(v.endDate, 'short')}
              </td>
              <td class="num">{v.delegationSize}</td>
              <td>
                <ul class="inline">
                  {v.innovations.map((i) => (
                    <li key={i.id}>
                      <a href={href('inovasi', i.id)}>{i.name}</a>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Daerah: one regency's adoptions with their timelines, visits made and hosted, and its own innovations. */
export function Daerah({ param }: { param?: string }) {
  const code = param ?? '35.10';
  const state = useQuery<RegencyData>(REGENCY, { code });
  const regency = state.data?.regency;
  return (
    <>
      <h1>{regency ? regency.name : t('navDaerah')}</h1>
      {regency && (
        <p class="caption">
          {regency.province.name} · {regency.code}
        </p>
      )}
      <RegencyPicker current={code} />
      <div class="grid">
        <Panel id="regency-adoptions" title={t('regencyAdoptions')} state={state} wide>
          {(data) =>
            data.regency?.adoptions.length ? (
              <>
                <ExportLink
                  href={exportUrl('milestones', { adopterCode: code })}
                  label={t('exportMilestones')}
                />
                <div class="scroll">
                  <table class="data stack">
                    <thead>
                      <tr>
                        <th scope="col">{t('innovation')}</th>
                        <th scope="col">{t('stage')}</th>
                        <th scope="col">{t('milestones')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.regency.adoptions.map((a) => (
                        <tr key={a.innovation.id} data-innovation={a.innovation.id}>
                          <td>
                            <a href={href('inovasi', a.innovation.id)}>{a.innovation.name}</a>
                            <small class="sub">{a.innovation.origin.name}</small>
                          </td>
                          <td>
                            <StageBadge stage={a.stage} />{' '}
                            {a.suspended && <span class="badge">{t('suspended')}</span>}
                          </td>
                          <td>
                            <ol class="plain">
                              {a.milestones.map((m) => (
                                <li key={m.id}>
                                  <span
                                    style={
                                      m.retracted ? { textDecoration: 'line-through' } : undefined
                                    }
                                  >
                                    {formatDate(m.occurredOn)} · {t(`kind_${m.kind}`)}
                                  </span>{' '}
                                  {!m.retracted && (
                                    <VerificationBadge verification={m.verification} />
                                  )}
                                </li>
                              ))}
                            </ol>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            ) : (
              <p>{t('none')}</p>
            )
          }
        </Panel>
        <Panel id="visits-made" title={t('visitsMade')} state={state} wide>
          {(data) => <VisitTable visits={data.regency?.studyVisitsMade ?? []} other="host" />}
        </Panel>
        <Panel id="visits-hosted" title={t('visitsHosted')} state={state} wide>
          {(data) => <VisitTable visits={data.regency?.studyVisitsHosted ?? []} other="visitor" />}
        </Panel>
        <Panel id="originated" title={t('originated')} state={state}>
          {(data) =>
            data.regency?.innovations.length ? (
              <ul class="plain">
                {data.regency.innovations.map((i) => (
                  <li key={i.id}>
                    <a href={href('inovasi', i.id)}>{i.name}</a>{' '}
                    <small class="sub">
                      {i.launchedOn ? `${t('launchedOn')} ${formatDate(i.launchedOn)} · ` : ''}
                      {i.adoptions.length} {t('adoptions').toLowerCase()}
                    </small>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('none')}</p>
            )
          }
        </Panel>
      </div>
    </>
  );
}
