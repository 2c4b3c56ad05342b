import { t } from '../lib/i18n';
import { Field } from './Field';

/** A regency code typed by hand, with the name it stands for (or that none does) under it. */
export function RegencyCodeField({
  idPrefix,
  name,
  label,
  error,
  value,
  names,
  onInput,
}: {
  idPrefix: string;
  name: string;
  label: string;
  error: string | undefined;
  value: string;
  names: Map<string, string>;
  onInput: (e: { currentTarget: HTMLInputElement }) => void;
}) {
  return (
    <Field idPrefix={idPrefix} name={name} label={label} error={error}>
      {(props) => (
        <>
          <input {...props} type="text" inputMode="decimal" value={value} onInput={onInput} />
          <small class="sub" data-regency-name>
            {names.get(value.trim()) ?? t('unknownRegency')}
          </small>
        </>
      )}
    </Field>
  );
}
