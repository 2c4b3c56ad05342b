import { t } from '../lib/i18n';
import { Field } from './Field';

type VisitDateField = 'startDate' | 'endDate' | 'delegationSize';

/** When a study visit took place (no later than `today`) and how many came, on one row. */
export function VisitDatesRow({
  idPrefix,
  fields,
  errors,
  today,
  set,
}: {
  idPrefix?: string;
  fields: Record<VisitDateField, string>;
  errors: Record<string, string>;
  today: string;
  set: (name: VisitDateField) => (e: { currentTarget: HTMLInputElement }) => void;
}) {
  return (
    <div class="row">
      {(['startDate', 'endDate'] as const).map((name) => (
        <Field key={name} idPrefix={idPrefix} name={name} label={t(name)} error={errors[name]}>
          {(props) => (
            <input {...props} type="date" max={today} value={fields[name]} onInput={set(name)} />
          )}
        </Field>
      ))}
      <Field
        idPrefix={idPrefix}
        name="delegationSize"
        label={t('delegationSize')}
        error={errors.delegationSize}
      >
        {(props) => (
          <input
            {...props}
            type="number"
            min={1}
            value={fields.delegationSize}
            onInput={set('delegationSize')}
          />
        )}
      </Field>
    </div>
  );
}
