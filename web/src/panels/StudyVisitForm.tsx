import { useRef, useState } from 'preact/hooks';
import { gql, newIdempotencyKey, showFailure } from '../lib/api';
import { formatDate, t, todayInIndonesia } from '../lib/i18n';
import { token } from '../lib/session';
import { type EvidenceDraft, EvidenceFields, emptyEvidence, evidenceInput } from './EvidenceFields';
import { Field } from './Field';
import { InnovationSearch } from './InnovationSearch';
import { VisitDatesRow } from './VisitDatesRow';

const REPORT_VISIT = `mutation WorkbenchVisit($input: ReportStudyVisitInput!) {
  reportStudyVisit(input: $input) { id host { name } }
}`;
type Innovation = { id: string; name: string; origin: { code: string; name: string } };

/**
 * A study visit the officer's regency made: the innovation studied names the host (its origin);
 * one idempotency key per submission, as for milestones.
 */
export function StudyVisitForm({
  visitorCode,
  onReported,
}: {
  visitorCode: string;
  onReported: () => void;
}) {
  const [innovation, setInnovation] = useState<Innovation | undefined>();
  const [fields, setFields] = useState({
    startDate: '',
    endDate: '',
    delegationSize: '',
    leader: '',
    site: '',
    note: '',
  });
  const [evidence, setEvidence] = useState<EvidenceDraft>(emptyEvidence);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [done, setDone] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const today = todayInIndonesia();
  const set =
    (name: keyof typeof fields) =>
    (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      setFields((f) => ({ ...f, [name]: e.currentTarget.value }));
      setDone(undefined);
    };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    if (!innovation) found.innovationIds = t('required');
    for (const name of ['startDate', 'endDate', 'delegationSize', 'leader'] as const)
      if (!fields[name].trim()) found[name] = t('required');
    for (const name of ['startDate', 'endDate'] as const)
      if (fields[name] > today) found[name] = t('futureDate', { today: formatDate(today) });
    setErrors(found);
    setGeneral([]);
    if (Object.keys(found).length || !innovation) return;
    const input = {
      hostCode: innovation.origin.code,
      visitorCode,
      startDate: fields.startDate,
      endDate: fields.endDate,
      delegationSize: Number(fields.delegationSize),
      leader: fields.leader.trim(),
      innovationIds: [innovation.id],
      ...(fields.site.trim() ? { sites: [{ name: fields.site.trim() }] } : {}),
      ...(fields.note.trim() ? { note: fields.note.trim() } : {}),
      ...evidenceInput(evidence),
      idempotencyKey: key.current,
    };
    setBusy(true);
    try {
      await gql(REPORT_VISIT, { input }, token.value);
      setDone(t('visitReported', { host: innovation.origin.name }));
      key.current = newIdempotencyKey();
      onReported();
    } catch (error) {
      if (showFailure(error, setErrors, setGeneral)) key.current = newIdempotencyKey();
    } finally {
      setBusy(false);
    }
  };

  const text = (name: 'leader' | 'site', label: Parameters<typeof t>[0]) => (
    <Field
      name={name === 'site' ? 'sites.0.name' : name}
      label={t(label)}
      error={errors[name === 'site' ? 'sites.0.name' : name]}
    >
      {(props) => <input {...props} type="text" value={fields[name]} onInput={set(name)} />}
    </Field>
  );
  return (
    <form class="form panel" onSubmit={submit} noValidate aria-labelledby="visit-title">
      <h2 id="visit-title">{t('visitTitle')}</h2>
      {general.length > 0 && (
        <div class="error" role="alert">
          {general.map((g) => (
            <p key={g}>{g}</p>
          ))}
        </div>
      )}
      <InnovationSearch
        value={innovation}
        onChange={setInnovation}
        exclude={visitorCode}
        error={errors.innovationIds ?? errors.hostCode}
        name="visit-innovation"
        legend={t('visitInnovation')}
      />
      <VisitDatesRow fields={fields} errors={errors} today={today} set={set} />
      {text('leader', 'leader')}
      {text('site', 'siteName')}
      <Field name="visit-note" label={t('note')} error={errors.note}>
        {(props) => <textarea {...props} rows={2} value={fields.note} onInput={set('note')} />}
      </Field>
      <EvidenceFields value={evidence} errors={errors} onChange={setEvidence} idPrefix="visit" />
      <div>
        <button type="submit" disabled={busy}>
          {busy ? t('submitting') : t('submit')}
        </button>
      </div>
      <div aria-live="polite">{done && <p class="success">{done}</p>}</div>
    </form>
  );
}
