// Generated from schema.graphql by web/build/schema-enums.ts on every `npm run build:web`;
// do not edit (test/browser/schema-enums.test.ts fails when it is stale).

/** How far an adoption got, in order. */
export const AdoptionStage = [
  'INTERESTED',
  'STUDIED',
  'AGREED',
  'REGULATED',
  'FUNDED',
  'PILOTING',
  'OPERATIONAL',
] as const;
/** What a milestone reports, in stage order, with the Indonesian term officials use. */
export const MilestoneKind = [
  'INTEREST_DECLARED',
  'STUDY_VISIT',
  'AGREEMENT_SIGNED',
  'REGULATION_ENACTED',
  'BUDGET_ALLOCATED',
  'PILOT_STARTED',
  'SERVICE_LAUNCHED',
  'EVALUATED',
  'SUSPENDED',
  'RESUMED',
] as const;
/** How the adopter replicates: as is (adopsi), adapted (adaptasi) or modified (modifikasi). */
export const ReplicationMode = ['ADOPTION', 'ADAPTATION', 'MODIFICATION'] as const;
/** What a piece of evidence is. */
export const EvidenceKind = ['DOCUMENT', 'REGULATION', 'NEWS', 'PHOTO', 'OTHER'] as const;
/** Which milestones a figure counts, by the ministry's current verdict on them. */
export const VerificationFilter = ['ANY', 'EXCLUDE_REJECTED', 'VERIFIED_ONLY'] as const;
