import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { gql, newIdempotencyKey, showFailure } from '../lib/api';
import type { DraftEvidence, Proposal, SourceSpan } from '../lib/draft';
import { formatNumber, t } from '../lib/i18n';
import { href } from '../lib/router';
import { token } from '../lib/session';
import type { EvidenceDraft } from './EvidenceFields';
import { GeneralErrors } from './Field';

/** A registered innovation a proposal may name, with the regency it comes from. */
export type Innovation = { id: string; name: string; origin: { code: string; name: string } };

/** What the Berita page gives each proposal it lists: its draft, the names it shows, its actions. */
export type ProposalProps<Input> = {
  id: string;
  n: number;
  proposal: Proposal<Input>;
  names: Map<string, string>;
  innovations: Innovation[];
  onDrop: () => void;
  onFocus: () => void;
};

/** The draft's evidence (the report itself) as the evidence fields edit it. */
export const evidenceDraftOf = (evidence: DraftEvidence[]): EvidenceDraft => {
  const first = evidence[0];
  return {
    kind: first?.kind ?? 'NEWS',
    title: first?.title ?? '',
    url: first?.url ?? '',
    reference: first?.reference ?? '',
  };
};

/**
 * Confirming one proposal: the ordinary mutation with the signed-in token and one idempotency key
 * per submission (a double click or a retry after a lost answer records once; a refused
 * submission wrote nothing, so its correction gets a new key). Errors land at their field.
 */
export function useSubmission(mutation: string) {
  const key = useRef(newIdempotencyKey());
  const inFlight = useRef(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async (input: Record<string, unknown>, found: Record<string, string>) => {
    if (inFlight.current || done) return;
    setErrors(found);
    setGeneral([]);
    if (Object.keys(found).length) return;
    inFlight.current = true;
    setBusy(true);
    try {
      await gql(mutation, { input: { ...input, idempotencyKey: key.current } }, token.value);
      setDone(true);
    } catch (error) {
      if (showFailure(error, setErrors, setGeneral)) key.current = newIdempotencyKey();
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  return { submit, errors, general, busy, done };
}

/**
 * One proposal as a form: its title, confidence, what the report leaves out, the fields (given
 * as children, disabled once recorded), its sources in the text, and confirm / drop.
 */
export function ProposalForm({
  id,
  title,
  confidence,
  missing,
  sources,
  submission,
  regencyCode,
  onSubmit,
  onDrop,
  onFocus,
  children,
}: {
  id: string;
  title: string;
  confidence: number;
  missing: string[];
  sources: SourceSpan[];
  submission: ReturnType<typeof useSubmission>;
  regencyCode: string;
  onSubmit: () => void;
  onDrop: () => void;
  onFocus: () => void;
  children: ComponentChildren;
}) {
  const { busy, done, general } = submission;
  return (
    <form
      class="form panel proposal"
      data-proposal={id}
      data-confirmed={done ? 'true' : 'false'}
      aria-labelledby={`${id}-title`}
      noValidate
      onFocusIn={onFocus}
      onMouseEnter={onFocus}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      <p class="sub">
        {t('confidence', { percent: formatNumber(Math.round(confidence * 100)) })}
        {missing.length > 0 && (
          <strong class="missing" data-missing>
            {' · '}
            {t('missingFields', { fields: missing.join(', ') })}
          </strong>
        )}
      </p>
      <GeneralErrors general={general} />
      <fieldset class="plain" disabled={done}>
        <legend class="sr-only">{title}</legend>
        {children}
      </fieldset>
      <details>
        <summary>
          {t('sources')} ({sources.length})
        </summary>
        <ul class="plain sources">
          {sources.map((s) => (
            <li key={`${s.field}-${s.start}-${s.end}`}>
              <code>{s.field}</code> «{s.text}» <small class="sub">{s.reason}</small>
            </li>
          ))}
        </ul>
      </details>
      <div class="row">
        <button type="submit" disabled={busy || done}>
          {busy ? t('confirming') : t('confirm')}
        </button>
        {!done && (
          <button type="button" class="danger" onClick={onDrop}>
            {t('drop')}
          </button>
        )}
      </div>
      <div aria-live="polite">
        {done && (
          <p class="success" data-recorded>
            {t('confirmed')} <a href={href('daerah', regencyCode)}>{t('seeRegency')}</a>
          </p>
        )}
      </div>
    </form>
  );
}
