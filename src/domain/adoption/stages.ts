import { z } from 'zod';

/** Milestone kinds, in stage order. */
export const MilestoneKind = z.enum([
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
]);
export type MilestoneKind = z.infer<typeof MilestoneKind>;

/** How far an adoption got, in order. */
export const AdoptionStage = z.enum([
  'INTERESTED',
  'STUDIED',
  'AGREED',
  'REGULATED',
  'FUNDED',
  'PILOTING',
  'OPERATIONAL',
]);
export type AdoptionStage = z.infer<typeof AdoptionStage>;

/** The stage each milestone kind reaches; EVALUATED, SUSPENDED and RESUMED reach none. */
export const STAGE_REACHED: Readonly<Partial<Record<MilestoneKind, AdoptionStage>>> = {
  INTEREST_DECLARED: 'INTERESTED',
  STUDY_VISIT: 'STUDIED',
  AGREEMENT_SIGNED: 'AGREED',
  REGULATION_ENACTED: 'REGULATED',
  BUDGET_ALLOCATED: 'FUNDED',
  PILOT_STARTED: 'PILOTING',
  SERVICE_LAUNCHED: 'OPERATIONAL',
};

/** 1 for INTERESTED … 7 for OPERATIONAL. */
export const stageRank = (stage: AdoptionStage): number => AdoptionStage.options.indexOf(stage) + 1;

export const stageOfRank = (rank: number): AdoptionStage | null =>
  AdoptionStage.options[rank - 1] ?? null;

/** Rank reached by a milestone kind, 0 for kinds that reach no stage. */
export function rankOfKind(kind: MilestoneKind): number {
  const stage = STAGE_REACHED[kind];
  return stage ? stageRank(stage) : 0;
}

/** Kemendagri's innovation maturity scale. */
export type Maturity = 'INISIATIF' | 'UJI_COBA' | 'PENERAPAN';
export function maturityOf(stage: AdoptionStage): Maturity {
  if (stage === 'OPERATIONAL') return 'PENERAPAN';
  if (stage === 'PILOTING') return 'UJI_COBA';
  return 'INISIATIF';
}

/** Replication mode: copied as is, adapted to local conditions, or modified. */
export const ReplicationMode = z.enum(['ADOPTION', 'ADAPTATION', 'MODIFICATION']);
export type ReplicationMode = z.infer<typeof ReplicationMode>;
