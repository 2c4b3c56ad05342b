import { useRef, useState } from 'preact/hooks';
import { gql, newIdempotencyKey, showFailure } from '../lib/api';
import { t } from '../lib/i18n';
import { token } from '../lib/session';
import { type EvidenceDraft, EvidenceFields, emptyEvidence, evidenceInput } from './EvidenceFields';
import { GeneralErrors } from './Field';

const ADD_EVIDENCE = `mutation WorkbenchAddEvidence($input: AddEvidenceInput!) {
  addEvidence(input: $input) { id evidence { title } }
}`;

/**
 * Adds a piece of evidence (data dukung) to a milestone already reported (`addEvidence`), e.g. the
 * signed regulation once it is numbered; the server's errors are shown at their fields. One
 * idempotency key per submission: a double click or a retry records it once.
 */
export function AddEvidence({
  milestoneId,
  onAdded,
}: {
  milestoneId: string;
  onAdded: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<EvidenceDraft>(emptyEvidence);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const prefix = `ev-${milestoneId.replace(/\W/g, '-')}-`;
  if (!open)
    return (
      <button type="button" class="secondary" onClick={() => setOpen(true)}>
        {t('addEvidence')}
      </button>
    );
  return (
    <form
      class="form"
      data-add-evidence={milestoneId}
      onSubmit={async (e) => {
        e.preventDefault();
        if (busy) return;
        const input = evidenceInput(value);
        if (!input.evidence) return setErrors({ 'evidence.0.title': t('required') });
        setBusy(true);
        setErrors({});
        setGeneral([]);
        try {
          await gql(
            ADD_EVIDENCE,
            { input: { milestoneId, ...input, idempotencyKey: key.current } },
            token.value,
          );
          key.current = newIdempotencyKey();
          setValue(emptyEvidence);
          setOpen(false);
          onAdded();
        } catch (error) {
          if (showFailure(error, setErrors, setGeneral)) key.current = newIdempotencyKey();
        } finally {
          setBusy(false);
        }
      }}
    >
      <EvidenceFields idPrefix={prefix} value={value} errors={errors} onChange={setValue} />
      <GeneralErrors general={general} />
      <div class="row">
        <button type="submit" disabled={busy}>
          {busy ? t('submitting') : t('saveEvidence')}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
