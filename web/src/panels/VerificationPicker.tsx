import { VERIFICATION_FILTERS, type VerificationFilter } from '../lib/domain';
import { t } from '../lib/i18n';

/** Which milestones the figures count: all but rejected (the API's default), verified only, or all. */
export function VerificationPicker({
  value,
  onChange,
}: {
  value: VerificationFilter;
  onChange: (value: VerificationFilter) => void;
}) {
  return (
    <label>
      {t('filterVerification')}
      <select
        name="verification"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value as VerificationFilter)}
      >
        {VERIFICATION_FILTERS.map((v) => (
          <option key={v} value={v}>
            {t(`figureVerification_${v}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
