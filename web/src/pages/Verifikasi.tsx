import { useState } from 'preact/hooks';
import { ApiError, gql, newIdempotencyKey } from '../lib/api';
import type { Evidence, MilestoneRow } from '../lib/domain';
import { formatDate, formatNumber, t } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { href } from '../lib/router';
import { token, viewer } from '../lib/session';
import { EvidenceList } from '../panels/Badges';
import { Panel } from '../panels/Panel';
import { SignIn } from '../panels/SignIn';
import { Tokens } from '../panels/Tokens';

// The server's figure counting only verified milestones (FigureFilter VERIFIED_ONLY): adoptions
// that reached a stage by a verified milestone, beside every adoption.
const FIGURES = `{
  verified: adoptionCurve(stage: INTERESTED, filter: { verification: VERIFIED_ONLY }) { adoptions }
  all: adoptions(first: 0) { totalCount }
}`;
type Figures = { verified: { adoptions: number }; all: { totalCount: number } };

const QUEUE = `query WorkbenchQueue {
  adoptions(filter: { verification: UNVERIFIED }, first: 200) {
    edges { node {
      adopter { code name }
      innovation { id name }
      milestones { id kind occurredOn retracted verification note evidence { kind title url reference } }
    } }
  }
}`;
type QueueItem = MilestoneRow & { note: string | null; evidence: Evidence[] };
type Queue = {
  adoptions: {
    edges: Array<{
      node: {
        adopter: { code: string; name: string };
        innovation: { id: string; name: string };
        milestones: QueueItem[];
      };
    }>;
  };
};

const VERIFY = `mutation WorkbenchVerify($input: VerifyMilestoneInput!) { verifyMilestone(input: $input) { id verification } }`;
const REJECT = `mutation WorkbenchReject($input: RejectMilestoneInput!) { rejectMilestone(input: $input) { id verification } }`;

/** Verifikasi: the ministry's queue of unverified milestones, and the regency tokens. */
export function Verifikasi() {
  const who = viewer.value;
  const [changes, setChanges] = useState(0);
  const ministry = who?.role === 'ANALYST' || who?.role === 'ADMIN';
  const figures = useQuery<Figures>(FIGURES, undefined, { refresh: changes });
  const queue = useQuery<Queue>(QUEUE, undefined, { refresh: changes, skip: !ministry });
  return (
    <>
      <h1>{t('verifikasiTitle')}</h1>
      {!ministry && <p>{t('needMinistryToken')}</p>}
      <SignIn />
      <div class="grid">
        <Panel id="figures" title={t('figuresTitle')} state={figures}>
          {(data) => (
            <dl class="figures">
              <dt>{t('figureVerified')}</dt>
              <dd data-figure="verified">{formatNumber(data.verified.adoptions)}</dd>
              <dt>{t('figureAll')}</dt>
              <dd data-figure="all">{formatNumber(data.all.totalCount)}</dd>
            </dl>
          )}
        </Panel>
        {ministry && (
          <Panel id="queue" title={t('queueTitle')} state={queue} wide>
            {(data) => {
              const items = data.adoptions.edges.flatMap(({ node }) =>
                node.milestones
                  .filter((m) => !m.retracted && m.verification === 'UNVERIFIED')
                  .map((m) => ({ ...m, adopter: node.adopter, innovation: node.innovation })),
              );
              if (items.length === 0) return <p>{t('queueEmpty')}</p>;
              return (
                <ul class="plain">
                  {items.map((m) => (
                    <QueueEntry key={m.id} item={m} onDone={() => setChanges((n) => n + 1)} />
                  ))}
                </ul>
              );
            }}
          </Panel>
        )}
        {who?.role === 'ADMIN' && <Tokens />}
      </div>
    </>
  );
}

function QueueEntry({
  item,
  onDone,
}: {
  item: QueueItem & {
    adopter: { code: string; name: string };
    innovation: { id: string; name: string };
  };
  onDone: () => void;
}) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const id = `q-${item.id.replace(/\W/g, '-')}`;
  const act = async (verdict: 'verify' | 'reject') => {
    setBusy(true);
    setError(undefined);
    try {
      const input =
        verdict === 'verify'
          ? {
              milestoneId: item.id,
              ...(note.trim() ? { note: note.trim() } : {}),
              idempotencyKey: `${key}-v`,
            }
          : { milestoneId: item.id, reason: note.trim(), idempotencyKey: `${key}-r` };
      await gql(verdict === 'verify' ? VERIFY : REJECT, { input }, token.value);
      onDone();
    } catch (err) {
      setError(
        err instanceof ApiError ? (Object.values(err.byField())[0] ?? err.message) : String(err),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <li data-queue-item={item.id}>
      <strong>
        <a href={href('daerah', item.adopter.code)}>{item.adopter.name}</a> ·{' '}
        <a href={href('inovasi', item.innovation.id)}>{item.innovation.name}</a>
      </strong>
      <small class="sub">
        {formatDate(item.occurredOn)} · {t(`kind_${item.kind}`)}
        {item.note ? ` · ${item.note}` : ''}
      </small>
      <EvidenceList evidence={item.evidence} />
      <div class="row">
        <label for={id}>
          {t('verifyNote')} / {t('rejectReason')}
        </label>
        <input
          id={id}
          value={note}
          aria-describedby={`${id}-error`}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        <button type="button" disabled={busy} onClick={() => act('verify')}>
          {t('verify')}
        </button>
        <button type="button" class="danger" disabled={busy} onClick={() => act('reject')}>
          {t('reject')}
        </button>
        <span id={`${id}-error`} class="field-error" role="alert">
          {error ?? ''}
        </span>
      </div>
    </li>
  );
}
