/** The domain vocabulary as the API names it (see schema.graphql). */
import {
  AdoptionStage,
  EvidenceKind,
  MilestoneKind as MilestoneKinds,
  ReplicationMode,
  VerificationFilter as VerificationFilters,
} from './schema-enums';

/** The seven adoption stages, in order, as schema.graphql lists them (generated at build time). */
export const STAGES = AdoptionStage;
export type Stage = (typeof STAGES)[number];

export type MilestoneKind = (typeof MilestoneKinds)[number];
export type ReportableKind = Exclude<MilestoneKind, 'STUDY_VISIT'>;
/** The kinds an officer reports as a milestone (a study visit has its own form). */
export const MILESTONE_KINDS = MilestoneKinds.filter(
  (k): k is ReportableKind => k !== 'STUDY_VISIT',
);

export const MODES = ReplicationMode;
export const EVIDENCE_KINDS = EvidenceKind;
/** Which milestones a figure counts: EXCLUDE_REJECTED (the API's default), VERIFIED_ONLY, ANY. */
export type VerificationFilter = (typeof VerificationFilters)[number];
export const VERIFICATION_FILTERS = VerificationFilters;
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

/** Case- and accent-insensitive text for matching names typed by a person. */
export const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
