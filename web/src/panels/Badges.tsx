import type { Evidence, Stage, Verification } from '../lib/domain';
import { t } from '../lib/i18n';

export const StageBadge = ({ stage }: { stage: Stage }) => (
  <span class="badge stage" data-stage={stage} title={stage}>
    {t(`stage_${stage}`)}
  </span>
);

export const VerificationBadge = ({ verification }: { verification: Verification }) => (
  <span class={`badge ${verification}`} data-verification={verification}>
    {t(`verification_${verification}`)}
  </span>
);

/** Evidence as links where it has an http(s) URL, else its title and reference. */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) return <span class="sub">{t('noEvidence')}</span>;
  return (
    <ul class="plain">
      {evidence.map((e, i) => (
        <li key={i}>
          {e.url && /^https?:\/\//.test(e.url) ? (
            <a href={e.url} rel="noreferrer noopener" target="_blank">
              {e.title}
            </a>
          ) : (
            e.title
          )}
          {e.reference && <small class="sub">{e.reference}</small>}
        </li>
      ))}
    </ul>
  );
}
