import { useState } from 'preact/hooks';
import type { MilestoneInput } from '../lib/draft';
import { formatDate, t, todayInIndonesia } from '../lib/i18n';
import { EvidenceFields, evidenceInput } from './EvidenceFields';
import { Field } from './Field';
import { evidenceDraftOf, ProposalForm, type ProposalProps, useSubmission } from './Proposal';
import { RegencyCodeField } from './RegencyCodeField';

const REPORT = `mutation BeritaMilestone($input: ReportMilestoneInput!) {
  reportMilestone(input: $input) { stage }
}`;

/** A proposed `INTEREST_DECLARED` milestone, editable, confirmed as `reportMilestone`. */
export function InterestProposal({
  id,
  n,
  proposal,
  names,
  innovations,
  onDrop,
  onFocus,
}: ProposalProps<MilestoneInput>) {
  const draft = proposal.input;
  const [fields, setFields] = useState({
    adopterCode: draft.adopterCode,
    innovationId: draft.innovationId,
    occurredOn: draft.occurredOn,
    note: draft.note ?? '',
  });
  const [evidence, setEvidence] = useState(() => evidenceDraftOf(draft.evidence));
  const submission = useSubmission(REPORT);
  const { errors } = submission;
  const today = todayInIndonesia();
  const p = `${id}-`;
  const set =
    (name: keyof typeof fields) =>
    (e: { currentTarget: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement }) =>
      setFields((f) => ({ ...f, [name]: e.currentTarget.value }));
  const proposed = innovations.find((i) => i.id === draft.innovationId);
  // The proposed innovation and the others of its origin.
  const choices = innovations.filter(
    (i) => i.id === fields.innovationId || (proposed && i.origin.code === proposed.origin.code),
  );

  const confirm = () => {
    const found: Record<string, string> = {};
    for (const name of ['adopterCode', 'innovationId', 'occurredOn'] as const)
      if (!fields[name].trim()) found[name] = t('required');
    if (fields.occurredOn > today) found.occurredOn = t('futureDate', { today: formatDate(today) });
    void submission.submit(
      {
        adopterCode: fields.adopterCode.trim(),
        innovationId: fields.innovationId,
        kind: 'INTEREST_DECLARED',
        occurredOn: fields.occurredOn,
        ...(fields.note.trim() ? { note: fields.note.trim() } : {}),
        ...evidenceInput(evidence),
      },
      found,
    );
  };

  return (
    <ProposalForm
      id={id}
      title={t('interestProposal', {
        n,
        adopter: names.get(draft.adopterCode) ?? draft.adopterCode,
      })}
      confidence={proposal.confidence}
      missing={proposal.missing}
      sources={proposal.sources}
      submission={submission}
      regencyCode={fields.adopterCode.trim()}
      onSubmit={confirm}
      onDrop={onDrop}
      onFocus={onFocus}
    >
      <p class="sub">{t('kind_INTEREST_DECLARED')}</p>
      <div class="row">
        <RegencyCodeField
          idPrefix={p}
          name="adopterCode"
          label={t('adopterCodeLabel')}
          error={errors.adopterCode}
          value={fields.adopterCode}
          names={names}
          onInput={set('adopterCode')}
        />
        <Field idPrefix={p} name="occurredOn" label={t('occurredOn')} error={errors.occurredOn}>
          {(props) => (
            <input
              {...props}
              type="date"
              max={today}
              value={fields.occurredOn}
              onInput={set('occurredOn')}
            />
          )}
        </Field>
      </div>
      <Field
        idPrefix={p}
        name="innovationId"
        label={t('milestoneInnovation')}
        error={errors.innovationId}
      >
        {(props) => (
          <select {...props} value={fields.innovationId} onChange={set('innovationId')}>
            {choices.length === 0 && (
              <option value={fields.innovationId}>{fields.innovationId}</option>
            )}
            {choices.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name} ({i.origin.name})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field idPrefix={p} name="note" label={t('note')} error={errors.note}>
        {(props) => <textarea {...props} rows={2} value={fields.note} onInput={set('note')} />}
      </Field>
      <EvidenceFields value={evidence} errors={errors} onChange={setEvidence} idPrefix={p} />
    </ProposalForm>
  );
}
