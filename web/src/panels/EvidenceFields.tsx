import { EVIDENCE_KINDS } from '../lib/domain';
import { t } from '../lib/i18n';
import { Field } from './Field';

/** One piece of evidence (data dukung) as typed into a form. */
export interface EvidenceDraft {
  kind: string;
  title: string;
  url: string;
  reference: string;
}
export const emptyEvidence: EvidenceDraft = { kind: 'DOCUMENT', title: '', url: '', reference: '' };

/** The `evidence` input: left out when no title was typed. */
export function evidenceInput(ev: EvidenceDraft) {
  if (!ev.title.trim()) return {};
  const url = ev.url.trim();
  const reference = ev.reference.trim();
  return {
    evidence: [
      {
        kind: ev.kind,
        title: ev.title.trim(),
        ...(url ? { url } : {}),
        ...(reference ? { reference } : {}),
      },
    ],
  };
}

const LABELS = {
  title: 'evidenceTitle',
  url: 'evidenceUrl',
  reference: 'evidenceReference',
} as const;

export function EvidenceFields({
  value,
  errors,
  onChange,
  idPrefix = '',
}: {
  idPrefix?: string;
  value: EvidenceDraft;
  errors: Record<string, string>;
  onChange: (value: EvidenceDraft) => void;
}) {
  return (
    <fieldset>
      <legend>{t('evidence')}</legend>
      <Field
        idPrefix={idPrefix}
        name="evidence.0.kind"
        label={t('evidenceKind')}
        error={errors['evidence.0.kind']}
      >
        {(props) => (
          <select
            {...props}
            value={value.kind}
            onChange={(e) => onChange({ ...value, kind: e.currentTarget.value })}
          >
            {EVIDENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        )}
      </Field>
      {(['title', 'url', 'reference'] as const).map((part) => (
        <Field
          key={part}
          idPrefix={idPrefix}
          name={`evidence.0.${part}`}
          label={t(LABELS[part])}
          error={errors[`evidence.0.${part}`]}
        >
          {(props) => {
            const onInput = (e: { currentTarget: HTMLInputElement }) =>
              onChange({ ...value, [part]: e.currentTarget.value });
            return part === 'url' ? (
              <input {...props} type="url" value={value[part]} onInput={onInput} />
            ) : (
              <input {...props} type="text" value={value[part]} onInput={onInput} />
            );
          }}
        </Field>
      ))}
    </fieldset>
  );
}
