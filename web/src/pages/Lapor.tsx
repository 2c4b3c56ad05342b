import { useRef, useState } from 'preact/hooks';
import { gql, newIdempotencyKey, showFailure } from '../lib/api';
import { MILESTONE_KINDS, MODES, type ReportableKind } from '../lib/domain';
import { formatDate, t, todayInIndonesia } from '../lib/i18n';
import { href } from '../lib/router';
import { token, type Viewer, viewer } from '../lib/session';
import {
  type EvidenceDraft,
  EvidenceFields,
  emptyEvidence,
  evidenceInput,
} from '../panels/EvidenceFields';
import { Field, GeneralErrors } from '../panels/Field';
import { InnovationSearch } from '../panels/InnovationSearch';
import {
  type DetailValues,
  detailsInput,
  MilestoneDetailsFields,
} from '../panels/MilestoneDetails';
import { MyReports } from '../panels/MyReports';
import { SignIn } from '../panels/SignIn';
import { StudyVisitForm } from '../panels/StudyVisitForm';

const REPORT = `mutation WorkbenchReport($input: ReportMilestoneInput!) {
  reportMilestone(input: $input) { stage innovation { id name } }
}`;

type Innovation = { id: string; name: string; origin: { code: string; name: string } };
interface Draft {
  adopterCode: string;
  innovation?: Innovation;
  kind: ReportableKind;
  occurredOn: string;
  note: string;
  mode: string;
  evidence: EvidenceDraft;
  details: DetailValues;
}
const emptyDraft = (adopterCode: string): Draft => ({
  adopterCode,
  kind: 'AGREEMENT_SIGNED',
  occurredOn: '',
  note: '',
  mode: '',
  evidence: emptyEvidence,
  details: {},
});

/** Lapor: a regency officer reports a milestone of its own regency, signed in with its token. */
export function Lapor() {
  const who = viewer.value;
  if (!who?.authenticated) {
    return (
      <>
        <h1>{t('laporTitle')}</h1>
        <p>{t('needRegencyToken')}</p>
        <SignIn />
      </>
    );
  }
  return <ReportForm key={who.regency?.code ?? who.role} who={who} />;
}

function ReportForm({ who }: { who: Viewer }) {
  const fixedAdopter = who.role === 'REGENCY' ? who.regency : null;
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(fixedAdopter?.code ?? ''));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [done, setDone] = useState<{ kind: ReportableKind; innovation: Innovation } | undefined>();
  const [submitting, setSubmitting] = useState(false);
  const [reports, setReports] = useState(0);
  // One key per submission: a double click or a retry after a lost answer sends the same key, so
  // the server records the report once. A new key is made only after a report was recorded.
  const key = useRef(newIdempotencyKey());
  const inFlight = useRef(false);
  const today = todayInIndonesia();
  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDone(undefined);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (inFlight.current) return;
    const found: Record<string, string> = {};
    if (!draft.adopterCode) found.adopterCode = t('required');
    const innovation = draft.innovation;
    if (!innovation) found.innovationId = t('required');
    if (!draft.occurredOn) found.occurredOn = t('required');
    else if (draft.occurredOn > today)
      found.occurredOn = t('futureDate', { today: formatDate(today) });
    setErrors(found);
    setGeneral([]);
    if (Object.keys(found).length || !innovation) return;
    const details = detailsInput(draft.kind, draft.details);
    const input = {
      adopterCode: draft.adopterCode,
      innovationId: innovation.id,
      kind: draft.kind,
      occurredOn: draft.occurredOn,
      ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      ...(draft.mode ? { mode: draft.mode } : {}),
      ...evidenceInput(draft.evidence),
      ...(details ? { details } : {}),
      idempotencyKey: key.current,
    };
    inFlight.current = true;
    setSubmitting(true);
    try {
      await gql(REPORT, { input }, token.value);
      setDone({ kind: draft.kind, innovation });
      setDraft((d) => ({ ...emptyDraft(d.adopterCode), innovation: d.innovation, kind: d.kind }));
      key.current = newIdempotencyKey();
      setReports((n) => n + 1);
    } catch (error) {
      // A refused report wrote nothing: the corrected one is a new submission.
      if (showFailure(error, setErrors, setGeneral)) key.current = newIdempotencyKey();
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  return (
    <>
      <h1>{t('laporTitle')}</h1>
      <SignIn />
      <div class="grid">
        <form class="form panel" onSubmit={submit} noValidate aria-labelledby="report-title">
          <h2 id="report-title">{t('laporTitle')}</h2>
          <GeneralErrors general={general} />
          <Field name="adopterCode" label={t('adopter')} error={errors.adopterCode}>
            {(props) =>
              fixedAdopter ? (
                <input {...props} value={`${fixedAdopter.name} (${fixedAdopter.code})`} readOnly />
              ) : (
                <input
                  {...props}
                  value={draft.adopterCode}
                  placeholder="16.04"
                  onInput={(e) => update({ adopterCode: e.currentTarget.value.trim() })}
                />
              )
            }
          </Field>
          <InnovationSearch
            value={draft.innovation}
            onChange={(innovation) => update({ innovation })}
            exclude={draft.adopterCode}
            error={errors.innovationId}
          />
          <Field name="kind" label={t('kind')} error={errors.kind}>
            {(props) => (
              <select
                {...props}
                value={draft.kind}
                onChange={(e) =>
                  update({ kind: e.currentTarget.value as ReportableKind, details: {} })
                }
              >
                {MILESTONE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind_${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="occurredOn" label={t('occurredOn')} error={errors.occurredOn}>
            {(props) => (
              <input
                {...props}
                type="date"
                max={today}
                required
                value={draft.occurredOn}
                onInput={(e) => update({ occurredOn: e.currentTarget.value })}
              />
            )}
          </Field>
          {draft.occurredOn && (
            <small class="sub" data-date-as-written>
              {formatDate(draft.occurredOn)}
            </small>
          )}
          <Field name="mode" label={t('mode')} error={errors.mode}>
            {(props) => (
              <select
                {...props}
                value={draft.mode}
                onChange={(e) => update({ mode: e.currentTarget.value })}
              >
                <option value="">{t('modeNone')}</option>
                {MODES.map((m) => (
                  <option key={m} value={m}>
                    {t(`mode_${m}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="note" label={t('note')} error={errors.note}>
            {(props) => (
              <textarea
                {...props}
                rows={2}
                value={draft.note}
                onInput={(e) => update({ note: e.currentTarget.value })}
              />
            )}
          </Field>
          <MilestoneDetailsFields
            kind={draft.kind}
            values={draft.details}
            errors={errors}
            onChange={(details) => update({ details })}
          />
          <EvidenceFields
            value={draft.evidence}
            errors={errors}
            onChange={(evidence) => update({ evidence })}
          />
          <div>
            <button
              type="submit"
              disabled={submitting}
              aria-disabled={submitting ? 'true' : 'false'}
            >
              {submitting ? t('submitting') : t('submit')}
            </button>
          </div>
          <div aria-live="polite">
            {done && (
              <p class="success" data-reported>
                {t('reported', { kind: t(`kind_${done.kind}`), innovation: done.innovation.name })}{' '}
                <a href={href('inovasi', done.innovation.id)}>{t('seeInnovation')}</a>
              </p>
            )}
          </div>
        </form>
        {(fixedAdopter || draft.adopterCode) && (
          <StudyVisitForm
            visitorCode={fixedAdopter?.code ?? draft.adopterCode}
            onReported={() => setReports((n) => n + 1)}
          />
        )}
        {(fixedAdopter || draft.adopterCode) && (
          <MyReports regencyCode={fixedAdopter?.code ?? draft.adopterCode} refresh={reports} />
        )}
      </div>
    </>
  );
}
