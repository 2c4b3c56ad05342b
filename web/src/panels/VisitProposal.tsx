import { useState } from 'preact/hooks';
import type { VisitInput } from '../lib/draft';
import { formatDate, t, todayInIndonesia } from '../lib/i18n';
import { EvidenceFields, evidenceInput } from './EvidenceFields';
import { Field } from './Field';
import { evidenceDraftOf, ProposalForm, type ProposalProps, useSubmission } from './Proposal';
import { RegencyCodeField } from './RegencyCodeField';
import { VisitDatesRow } from './VisitDatesRow';

const REPORT_VISIT = `mutation BeritaVisit($input: ReportStudyVisitInput!) {
  reportStudyVisit(input: $input) { id }
}`;

/** A proposed study visit, every field editable, confirmed as `reportStudyVisit`. */
export function VisitProposal({
  id,
  n,
  proposal,
  names,
  innovations,
  onDrop,
  onFocus,
}: ProposalProps<VisitInput>) {
  const draft = proposal.input;
  const [fields, setFields] = useState({
    hostCode: draft.hostCode,
    visitorCode: draft.visitorCode,
    startDate: draft.startDate,
    endDate: draft.endDate,
    delegationSize: draft.delegationSize === null ? '' : String(draft.delegationSize),
    leader: draft.leader ?? '',
    note: draft.note ?? '',
  });
  const [sites, setSites] = useState(
    draft.sites.map((s) => ({ name: s.name, villageCode: s.villageCode ?? '' })),
  );
  const [chosen, setChosen] = useState<string[]>(draft.innovationIds);
  const [evidence, setEvidence] = useState(() => evidenceDraftOf(draft.evidence));
  const submission = useSubmission(REPORT_VISIT);
  const { errors } = submission;
  const today = todayInIndonesia();
  const p = `${id}-`;
  const set = (name: keyof typeof fields) => (e: { currentTarget: HTMLInputElement }) =>
    setFields((f) => ({ ...f, [name]: e.currentTarget.value }));
  // The host's registered innovations, and whatever the draft proposed besides.
  const choices = innovations.filter(
    (i) => i.origin.code === fields.hostCode || chosen.includes(i.id),
  );

  const confirm = () => {
    const found: Record<string, string> = {};
    for (const name of [
      'hostCode',
      'visitorCode',
      'startDate',
      'endDate',
      'delegationSize',
      'leader',
    ] as const)
      if (!fields[name].trim()) found[name] = t('required');
    for (const name of ['startDate', 'endDate'] as const)
      if (fields[name] > today) found[name] = t('futureDate', { today: formatDate(today) });
    if (chosen.length === 0) found.innovationIds = t('required');
    const named = sites.filter((s) => s.name.trim());
    void submission.submit(
      {
        hostCode: fields.hostCode.trim(),
        visitorCode: fields.visitorCode.trim(),
        startDate: fields.startDate,
        endDate: fields.endDate,
        delegationSize: Number(fields.delegationSize),
        leader: fields.leader.trim(),
        innovationIds: chosen,
        ...(named.length
          ? {
              sites: named.map((s) => ({
                name: s.name.trim(),
                ...(s.villageCode.trim() ? { villageCode: s.villageCode.trim() } : {}),
              })),
            }
          : {}),
        ...(fields.note.trim() ? { note: fields.note.trim() } : {}),
        ...evidenceInput(evidence),
      },
      found,
    );
  };

  const regency = (name: 'hostCode' | 'visitorCode') => (
    <RegencyCodeField
      idPrefix={p}
      name={name}
      label={t(name)}
      error={errors[name]}
      value={fields[name]}
      names={names}
      onInput={set(name)}
    />
  );
  return (
    <ProposalForm
      id={id}
      title={t('visitProposal', {
        n,
        visitor: names.get(draft.visitorCode) ?? draft.visitorCode,
        host: names.get(draft.hostCode) ?? draft.hostCode,
      })}
      confidence={proposal.confidence}
      missing={proposal.missing}
      sources={proposal.sources}
      submission={submission}
      regencyCode={fields.visitorCode.trim()}
      onSubmit={confirm}
      onDrop={onDrop}
      onFocus={onFocus}
    >
      <div class="row">
        {regency('visitorCode')}
        {regency('hostCode')}
      </div>
      <VisitDatesRow idPrefix={p} fields={fields} errors={errors} today={today} set={set} />
      <Field idPrefix={p} name="leader" label={t('leader')} error={errors.leader}>
        {(props) => <input {...props} type="text" value={fields.leader} onInput={set('leader')} />}
      </Field>
      <fieldset data-field="innovationIds">
        <legend>{t('innovationsStudied')}</legend>
        {choices.map((i) => (
          <label key={i.id} class="choice">
            <input
              type="checkbox"
              value={i.id}
              checked={chosen.includes(i.id)}
              aria-describedby={`${p}innovationIds-error`}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setChosen((c) => (on ? [...c, i.id] : c.filter((x) => x !== i.id)));
              }}
            />
            <span>{i.name}</span>
          </label>
        ))}
        <span id={`${p}innovationIds-error`} class="field-error" aria-live="polite">
          {errors.innovationIds ?? ''}
        </span>
      </fieldset>
      <fieldset>
        <legend>{t('sites')}</legend>
        {sites.map((site, i) => (
          <div class="row site" key={i}>
            <Field
              idPrefix={p}
              name={`sites.${i}.name`}
              label={t('siteName')}
              error={errors[`sites.${i}.name`]}
            >
              {(props) => (
                <input
                  {...props}
                  type="text"
                  value={site.name}
                  onInput={(e) => {
                    const name = e.currentTarget.value;
                    setSites((all) => all.map((s, j) => (j === i ? { ...s, name } : s)));
                  }}
                />
              )}
            </Field>
            <Field
              idPrefix={p}
              name={`sites.${i}.villageCode`}
              label={t('siteVillage')}
              error={errors[`sites.${i}.villageCode`]}
            >
              {(props) => (
                <input
                  {...props}
                  type="text"
                  size={14}
                  value={site.villageCode}
                  onInput={(e) => {
                    const villageCode = e.currentTarget.value;
                    setSites((all) => all.map((s, j) => (j === i ? { ...s, villageCode } : s)));
                  }}
                />
              )}
            </Field>
            <button
              type="button"
              class="secondary"
              aria-label={t('removeSite', { name: site.name || String(i + 1) })}
              onClick={() => setSites((all) => all.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </div>
        ))}
        <div>
          <button
            type="button"
            class="secondary"
            onClick={() => setSites((all) => [...all, { name: '', villageCode: '' }])}
          >
            {t('addSite')}
          </button>
        </div>
      </fieldset>
      <Field idPrefix={p} name="note" label={t('note')} error={errors.note}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={fields.note}
            onInput={(e) => setFields((f) => ({ ...f, note: e.currentTarget.value }))}
          />
        )}
      </Field>
      <EvidenceFields value={evidence} errors={errors} onChange={setEvidence} idPrefix={p} />
    </ProposalForm>
  );
}
