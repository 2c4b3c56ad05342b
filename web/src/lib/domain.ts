/** The domain vocabulary as the API names it (see schema.graphql). */

export const STAGES = [
  'INTERESTED',
  'STUDIED',
  'AGREED',
  'REGULATED',
  'FUNDED',
  'PILOTING',
  'OPERATIONAL',
] as const;
export type Stage = (typeof STAGES)[number];

export const MILESTONE_KINDS = [
  'INTEREST_DECLARED',
  'AGREEMENT_SIGNED',
  'REGULATION_ENACTED',
  'BUDGET_ALLOCATED',
  'PILOT_STARTED',
  'SERVICE_LAUNCHED',
  'EVALUATED',
  'SUSPENDED',
  'RESUMED',
] as const;
export type ReportableKind = (typeof MILESTONE_KINDS)[number];
export type MilestoneKind = ReportableKind | 'STUDY_VISIT';

/** The stage a milestone kind reaches (EVALUATED, SUSPENDED and RESUMED reach none). */
export const STAGE_OF: Partial<Record<MilestoneKind, Stage>> = {
  INTEREST_DECLARED: 'INTERESTED',
  STUDY_VISIT: 'STUDIED',
  AGREEMENT_SIGNED: 'AGREED',
  REGULATION_ENACTED: 'REGULATED',
  BUDGET_ALLOCATED: 'FUNDED',
  PILOT_STARTED: 'PILOTING',
  SERVICE_LAUNCHED: 'OPERATIONAL',
};

export const stageIndex = (stage: Stage) => STAGES.indexOf(stage);

export const MODES = ['ADOPTION', 'ADAPTATION', 'MODIFICATION'] as const;
export const EVIDENCE_KINDS = ['DOCUMENT', 'REGULATION', 'NEWS', 'PHOTO', 'OTHER'] as const;
export type Verification = 'UNVERIFIED' | 'VERIFIED' | 'REJECTED';

export interface Evidence {
  kind: string;
  title: string;
  url: string | null;
  reference: string | null;
}

export interface MilestoneRow {
  id: string;
  kind: MilestoneKind;
  occurredOn: string;
  retracted: boolean;
  verification: Verification;
  evidence?: Evidence[];
}

/**
 * The date an adoption first reached `stage` or a later one: the earliest milestone that counts
 * (not retracted) of such a kind; undefined when it never did.
 */
export function reachedOn(milestones: MilestoneRow[], stage: Stage): string | undefined {
  let first: string | undefined;
  for (const m of milestones) {
    const reached = STAGE_OF[m.kind];
    if (m.retracted || !reached || stageIndex(reached) < stageIndex(stage)) continue;
    if (!first || m.occurredOn < first) first = m.occurredOn;
  }
  return first;
}

/** Case- and accent-insensitive text for matching names typed by a person. */
export const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
