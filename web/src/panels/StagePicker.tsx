import { STAGES, type Stage } from '../lib/domain';
import { t } from '../lib/i18n';

/** "Stage:" and a choice of the seven adoption stages, in order. */
export function StagePicker({
  value,
  onChange,
  name,
}: {
  value: Stage;
  onChange: (stage: Stage) => void;
  /** The form field's name, where the choice belongs to a form of filters. */
  name?: string;
}) {
  return (
    <label>
      {t('filterStage')}
      <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value as Stage)}>
        {STAGES.map((s) => (
          <option key={s} value={s}>
            {t(`stage_${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
