import { useState } from 'preact/hooks';
import { ApiError, gql, newIdempotencyKey } from '../lib/api';
import type { MilestoneRow } from '../lib/domain';
import { formatDate, t } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { href } from '../lib/router';
import { token } from '../lib/session';
import { AddEvidence } from './AddEvidence';
import { EvidenceList, VerificationBadge } from './Badges';
import { Panel } from './Panel';

const REPORTS = `query WorkbenchReports($code: ID!) {
  regency(code: $code) {
    adoptions {
      innovation { id name }
      milestones { id kind occurredOn retracted verification reportedBy evidence { kind title url reference } }
    }
  }
}`;
type Reports = {
  regency: {
    adoptions: Array<{ innovation: { id: string; name: string }; milestones: MilestoneRow[] }>;
  } | null;
};
const RETRACT = `mutation WorkbenchRetract($input: RetractMilestoneInput!) {
  retractMilestone(input: $input) { stage }
}`;

/**
 * The regency's milestones with their verification, each retractable with a reason and open to
 * more evidence (the server refuses what the regency may not do, e.g. retract what the ministry
 * verified, and says why).
 */
export function MyReports({ regencyCode, refresh }: { regencyCode: string; refresh: number }) {
  const [changed, setChanged] = useState(0);
  const state = useQuery<Reports>(REPORTS, { code: regencyCode }, { refresh: refresh + changed });
  return (
    <Panel id="my-reports" title={t('myReports')} state={state}>
      {(data) => {
        const rows = (data.regency?.adoptions ?? []).flatMap((a) =>
          a.milestones
            .filter((m) => m.kind !== 'STUDY_VISIT')
            .map((m) => ({ ...m, innovation: a.innovation })),
        );
        if (rows.length === 0) return <p>{t('none')}</p>;
        rows.sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));
        return (
          <ul class="plain">
            {rows.map((m) => (
              <Report key={m.id} milestone={m} onChanged={() => setChanged((n) => n + 1)} />
            ))}
          </ul>
        );
      }}
    </Panel>
  );
}

function Report({
  milestone: m,
  onChanged,
}: {
  milestone: MilestoneRow & { innovation: { id: string; name: string } };
  onChanged: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const id = `retract-${m.id.replace(/\W/g, '-')}`;
  return (
    <li data-report={m.id}>
      <a href={href('inovasi', m.innovation.id)}>{m.innovation.name}</a>
      <small class="sub">
        {formatDate(m.occurredOn)} · {t(`kind_${m.kind}`)}
      </small>
      {m.retracted ? (
        <span class="badge">{t('retracted')}</span>
      ) : (
        <VerificationBadge verification={m.verification} />
      )}
      {m.evidence && <EvidenceList evidence={m.evidence} />}
      {!m.retracted && !open && (
        <div class="row">
          <button type="button" class="danger" onClick={() => setOpen(true)}>
            {t('retract')}
          </button>
          <AddEvidence milestoneId={m.id} onAdded={onChanged} />
        </div>
      )}
      {open && (
        <form
          class="row"
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            try {
              await gql(
                RETRACT,
                { input: { milestoneId: m.id, reason, idempotencyKey: key } },
                token.value,
              );
              setOpen(false);
              onChanged();
            } catch (err) {
              setError(
                err instanceof ApiError ? (err.byField().reason ?? err.message) : String(err),
              );
            } finally {
              setBusy(false);
            }
          }}
        >
          <label for={id}>{t('retractReason')}</label>
          <input
            id={id}
            required
            value={reason}
            aria-describedby={`${id}-error`}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <button type="submit" class="danger" disabled={busy}>
            {t('confirmRetract')}
          </button>
          <button type="button" class="secondary" onClick={() => setOpen(false)}>
            {t('cancel')}
          </button>
          <span id={`${id}-error`} class="field-error" role="alert">
            {error ?? ''}
          </span>
        </form>
      )}
    </li>
  );
}
