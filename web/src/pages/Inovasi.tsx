import { useEffect, useState } from 'preact/hooks';
import type { Evidence, MilestoneRow, Stage, VerificationFilter } from '../lib/domain';
import { CURVE, type Curve, exportUrl, figureFilter } from '../lib/figures';
import { formatDate, t } from '../lib/i18n';
import { useLiveReports } from '../lib/live';
import { type QueryState, useQuery } from '../lib/query';
import { href } from '../lib/router';
import { AdoptionCurve } from '../panels/AdoptionCurve';
import { EvidenceList, StageBadge, VerificationBadge } from '../panels/Badges';
import { BudgetTotalsPanel } from '../panels/BudgetTotals';
import { ExportLink } from '../panels/ExportLink';
import { Funnel, type StageCount } from '../panels/Funnel';
import { InnovationNetwork } from '../panels/InnovationNetwork';
import { Panel } from '../panels/Panel';
import { StagePicker } from '../panels/StagePicker';
import { TimeToStage } from '../panels/TimeToStage';
import { VerificationPicker } from '../panels/VerificationPicker';

const INNOVATIONS = `{ innovations { id name origin { code name } } }`;
type InnovationList = {
  innovations: Array<{ id: string; name: string; origin: { code: string; name: string } }>;
};

const INNOVATION = `query WorkbenchInnovation($id: ID!) {
  innovation(id: $id) {
    id name description launchedOn
    origin { code name province { code name } }
    evidence { kind title url reference }
    diffusion { adoptions funnel { stage reached current } }
    adoptions {
      adopter { code name province { code name } }
      stage maturity suspended
      milestones { id kind occurredOn retracted verification mode evidence { kind title url reference } }
    }
  }
}`;

interface InnovationAdoption {
  adopter: { code: string; name: string; province: { code: string; name: string } };
  stage: Stage;
  maturity: string;
  suspended: boolean;
  milestones: Array<MilestoneRow & { evidence: Evidence[]; mode: string | null }>;
}
interface InnovationData {
  innovation: {
    id: string;
    name: string;
    description: string | null;
    launchedOn: string | null;
    origin: { code: string; name: string; province: { code: string; name: string } };
    evidence: Evidence[];
    diffusion: { adoptions: number; funnel: StageCount[] };
    adoptions: InnovationAdoption[];
  } | null;
}

function InnovationChooser() {
  const list = useQuery<InnovationList>(INNOVATIONS, undefined);
  return (
    <>
      <h1>{t('innovationsTitle')}</h1>
      <Panel id="innovations" title={t('chooseInnovation')} state={list}>
        {(data) => (
          <ul class="plain">
            {data.innovations.map((i) => (
              <li key={i.id}>
                <a href={href('inovasi', i.id)}>{i.name}</a>{' '}
                <small class="sub">{i.origin.name}</small>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}

/**
 * Inovasi: one innovation's adopters, and the server's figures for it under the page's stage and
 * verification choice: curve, time to stage, network and budget totals (the funnel counts every
 * milestone that is not retracted: `Innovation.diffusion` takes no verification filter).
 */
export function Inovasi({ param }: { param?: string }) {
  if (!param) return <InnovationChooser />;
  return <InnovationPage id={param} />;
}

function InnovationPage({ id }: { id: string }) {
  const [stage, setStage] = useState<Stage>('AGREED');
  const [verification, setVerification] = useState<VerificationFilter>('EXCLUDE_REJECTED');
  // Redrawn whenever a milestone of this origin's innovations is reported, no reload needed.
  const [originCode, setOriginCode] = useState<string | undefined>();
  const live = useLiveReports(originCode);
  const state = useQuery<InnovationData>(INNOVATION, { id }, { refresh: live });
  const filter = figureFilter({ from: '', to: '', province: '', verification });
  const curve = useQuery<Curve>(CURVE, { innovationId: id, stage, filter }, { refresh: live });
  const known = state.data?.innovation?.origin.code;
  useEffect(() => setOriginCode(known), [known]);
  const innovation = state.data?.innovation;
  if (state.data && !innovation) return <p role="alert">{t('none')}</p>;
  return (
    <>
      <h1>{innovation?.name ?? t('loading')}</h1>
      {innovation && (
        <p class="caption">
          {t('origin')}:{' '}
          <a href={href('daerah', innovation.origin.code)}>{innovation.origin.name}</a>
          {innovation.launchedOn && ` · ${t('launchedOn')} ${formatDate(innovation.launchedOn)}`}
          {innovation.description && ` · ${innovation.description}`}
        </p>
      )}
      <form class="filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <VerificationPicker value={verification} onChange={setVerification} />
      </form>
      <div class="grid">
        <AdoptersPanel state={state} id={id} />
        <AdoptionCurve
          id="s-curve"
          title={t('sCurveTitle')}
          state={curve}
          stage={stage}
          controls={<StagePicker value={stage} onChange={setStage} />}
        />
        <Panel id="funnel" title={t('funnelTitle')} state={state}>
          {(data) => <Funnel funnel={data.innovation?.diffusion.funnel ?? []} />}
        </Panel>
        <BudgetTotalsPanel filter={filter} innovationId={id} refresh={live} />
        <TimeToStage innovationId={id} filter={filter} refresh={live} />
        {innovation && (
          <InnovationNetwork
            innovationId={id}
            originCode={innovation.origin.code}
            filter={filter}
            refresh={live}
          />
        )}
      </div>
    </>
  );
}

function AdoptersPanel({ state, id }: { state: QueryState<InnovationData>; id: string }) {
  return (
    <Panel id="adopters" title={t('adoptersTitle')} state={state} wide>
      {(data) => {
        const adoptions = data.innovation?.adoptions ?? [];
        if (adoptions.length === 0) return <p>{t('none')}</p>;
        return (
          <>
            <ExportLink
              href={exportUrl('milestones', { innovationId: id })}
              label={t('exportMilestones')}
            />
            <div class="scroll">
              <table class="data stack">
                <thead>
                  <tr>
                    <th scope="col">{t('regency')}</th>
                    <th scope="col">{t('stage')}</th>
                    <th scope="col">{t('maturity')}</th>
                    <th scope="col">{t('milestones')}</th>
                  </tr>
                </thead>
                <tbody>
                  {adoptions.map((a) => (
                    <tr key={a.adopter.code} data-adopter={a.adopter.code}>
                      <td>
                        <a href={href('daerah', a.adopter.code)}>{a.adopter.name}</a>
                        <small class="sub">{a.adopter.province.name}</small>
                      </td>
                      <td>
                        <StageBadge stage={a.stage} />{' '}
                        {a.suspended && <span class="badge">{t('suspended')}</span>}
                      </td>
                      <td>{t(`maturity_${a.maturity}` as never)}</td>
                      <td>
                        <ul class="plain">
                          {a.milestones.map((m) => (
                            <li key={m.id} data-milestone={m.id} data-kind={m.kind}>
                              <span
                                style={m.retracted ? { textDecoration: 'line-through' } : undefined}
                              >
                                {formatDate(m.occurredOn, 'short')} · {t(`kind_${m.kind}`)}
                              </span>{' '}
                              {m.retracted ? (
                                <span class="badge">{t('retracted')}</span>
                              ) : (
                                <VerificationBadge verification={m.verification} />
                              )}
                              {m.mode && <small class="sub">{t(`mode_${m.mode}` as never)}</small>}
                              <EvidenceList evidence={m.evidence} />
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        );
      }}
    </Panel>
  );
}
