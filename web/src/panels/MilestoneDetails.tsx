import type { ReportableKind } from '../lib/domain';
import { type Key, t } from '../lib/i18n';
import { Field } from './Field';

type Spec = { key: string; label: Key; options?: string[]; type?: 'number' };
/** The details input of each milestone kind (schema.graphql MilestoneDetailsInput). */
const DETAILS: Partial<Record<ReportableKind, { field: string; inputs: Spec[] }>> = {
  AGREEMENT_SIGNED: {
    field: 'agreement',
    inputs: [
      { key: 'type', label: 'agreementType', options: ['MOU', 'PKS'] },
      { key: 'parties', label: 'parties' },
      { key: 'documentNumber', label: 'documentNumber' },
    ],
  },
  REGULATION_ENACTED: {
    field: 'regulation',
    inputs: [
      {
        key: 'instrument',
        label: 'instrument',
        options: [
          'PERATURAN_BUPATI',
          'PERATURAN_WALI_KOTA',
          'PERATURAN_DAERAH',
          'KEPUTUSAN_KEPALA_DAERAH',
          'SURAT_EDARAN',
          'OTHER',
        ],
      },
      { key: 'number', label: 'regulationNumber' },
      { key: 'title', label: 'regulationTitle' },
    ],
  },
  BUDGET_ALLOCATED: {
    field: 'budget',
    inputs: [
      { key: 'fiscalYear', label: 'fiscalYear', type: 'number' },
      { key: 'amountRupiah', label: 'amountRupiah' },
      { key: 'source', label: 'budgetSource', options: ['APBD', 'APBN', 'CSR', 'OTHER'] },
    ],
  },
  PILOT_STARTED: { field: 'pilot', inputs: [{ key: 'scope', label: 'pilotScope' }] },
  SERVICE_LAUNCHED: { field: 'launch', inputs: [{ key: 'inauguratedBy', label: 'inauguratedBy' }] },
  EVALUATED: { field: 'evaluation', inputs: [{ key: 'outcome', label: 'outcome' }] },
  SUSPENDED: { field: 'suspension', inputs: [{ key: 'reason', label: 'suspensionReason' }] },
};

export type DetailValues = Record<string, string>;

/** The `details` input for the kind, or undefined when none of its fields was filled in. */
export function detailsInput(kind: ReportableKind, values: DetailValues) {
  const spec = DETAILS[kind];
  if (!spec) return undefined;
  const filled = spec.inputs.filter((i) => values[i.key]?.trim() && !i.options);
  if (filled.length === 0) return undefined;
  const input: Record<string, unknown> = {};
  for (const i of spec.inputs) {
    const value = values[i.key]?.trim() ?? i.options?.[0] ?? '';
    if (!value) continue;
    if (i.key === 'parties')
      input[i.key] = value
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
    else if (i.type === 'number') input[i.key] = Number(value);
    else input[i.key] = value;
  }
  return { [spec.field]: input };
}

export function MilestoneDetailsFields({
  kind,
  values,
  onChange,
  errors,
}: {
  kind: ReportableKind;
  values: DetailValues;
  onChange: (values: DetailValues) => void;
  errors: Record<string, string>;
}) {
  const spec = DETAILS[kind];
  if (!spec) return null;
  return (
    <fieldset>
      <legend>{t('detailsTitle')}</legend>
      {spec.inputs.map((i) => {
        const name = `details.${spec.field}.${i.key}`;
        const set = (value: string) => onChange({ ...values, [i.key]: value });
        return (
          <Field key={name} name={name} label={t(i.label)} error={errors[name]}>
            {(props) =>
              i.options ? (
                <select
                  {...props}
                  value={values[i.key] ?? i.options[0]}
                  onChange={(e) => set(e.currentTarget.value)}
                >
                  {i.options.map((o) => (
                    <option key={o} value={o}>
                      {o.replace(/_/g, ' ')}
                    </option>
                  ))}
                </select>
              ) : i.type === 'number' ? (
                <input
                  {...props}
                  type="number"
                  value={values[i.key] ?? ''}
                  onInput={(e) => set(e.currentTarget.value)}
                />
              ) : (
                <input
                  {...props}
                  type="text"
                  value={values[i.key] ?? ''}
                  onInput={(e) => set(e.currentTarget.value)}
                />
              )
            }
          </Field>
        );
      })}
    </fieldset>
  );
}
