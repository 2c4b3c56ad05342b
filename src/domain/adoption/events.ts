import { z } from 'zod';
import { CalendarDate, Evidence, InnovationId, RegencyCode, text } from '../shared/values.js';
import { MilestoneDetails } from './details.js';
import { MilestoneKind, ReplicationMode } from './stages.js';
import { type AdoptionSummary, summarize } from './summary.js';

/** The most evidence a milestone holds, reported and added together. */
export const MAX_EVIDENCE = 20;

export const MilestoneReported = z.object({
  milestoneId: z.uuid(),
  adopterCode: RegencyCode,
  innovationId: InnovationId,
  /** The innovation's origin regency, copied here so projections need no lookup. */
  originCode: RegencyCode,
  kind: MilestoneKind,
  occurredOn: CalendarDate,
  note: text(2000).optional(),
  evidence: z.array(Evidence).max(MAX_EVIDENCE),
  mode: ReplicationMode.optional(),
  /** Kind-specific details (agreement, regulation, budget, …); absent in older events. */
  details: MilestoneDetails.optional(),
  /**
   * The day the ministry originally learned of it, for history recorded before replika (an
   * import); absent when it learned of it when it was recorded here.
   */
  knownOn: CalendarDate.optional(),
});
export type MilestoneReported = z.infer<typeof MilestoneReported>;

export const MilestoneRetracted = z.object({
  milestoneId: z.uuid(),
  adopterCode: RegencyCode,
  innovationId: InnovationId,
  reason: text(1000),
});
export type MilestoneRetracted = z.infer<typeof MilestoneRetracted>;

/** A milestone id: a UUID, or `<visitId>:<innovationId>` for a study visit's milestone. */
const AnyMilestoneId = z.string().trim().min(1).max(200);

/** The ministry checked a milestone against its evidence and accepts it. */
export const MilestoneVerified = z.object({
  milestoneId: AnyMilestoneId,
  adopterCode: RegencyCode,
  innovationId: InnovationId,
  note: text(1000).optional(),
});
export type MilestoneVerified = z.infer<typeof MilestoneVerified>;

/** The ministry checked a milestone and does not accept it, saying why. */
export const MilestoneRejected = z.object({
  milestoneId: AnyMilestoneId,
  adopterCode: RegencyCode,
  innovationId: InnovationId,
  reason: text(1000),
});
export type MilestoneRejected = z.infer<typeof MilestoneRejected>;

/** Evidence (data dukung) added to a milestone after it was reported; at most 20 in all. */
export const MilestoneEvidenceAdded = z.object({
  milestoneId: AnyMilestoneId,
  adopterCode: RegencyCode,
  innovationId: InnovationId,
  evidence: z.array(Evidence).min(1).max(MAX_EVIDENCE),
});
export type MilestoneEvidenceAdded = z.infer<typeof MilestoneEvidenceAdded>;

export type AdoptionEvent =
  | { type: 'MilestoneReported'; data: MilestoneReported }
  | { type: 'MilestoneRetracted'; data: MilestoneRetracted }
  | { type: 'MilestoneVerified'; data: MilestoneVerified }
  | { type: 'MilestoneRejected'; data: MilestoneRejected }
  | { type: 'MilestoneEvidenceAdded'; data: MilestoneEvidenceAdded };

export const adoptionEventSchemas = {
  MilestoneReported,
  MilestoneRetracted,
  MilestoneVerified,
  MilestoneRejected,
  MilestoneEvidenceAdded,
} as const;

export type Verification = 'UNVERIFIED' | 'VERIFIED' | 'REJECTED';

export interface MilestoneFacts {
  kind: MilestoneKind;
  occurredOn: string;
  retracted: boolean;
  /** Order of reporting within the stream, to break ties between same-day milestones. */
  seq: number;
}

export interface AdoptionState {
  milestones: ReadonlyMap<string, MilestoneFacts>;
  /** The ministry's latest verdict per milestone id (study-visit milestones included). */
  verdicts: ReadonlyMap<string, Exclude<Verification, 'UNVERIFIED'>>;
  /** Pieces of evidence per milestone id: reported with it and added since. */
  evidence: ReadonlyMap<string, number>;
}

export const initialState: AdoptionState = {
  milestones: new Map(),
  verdicts: new Map(),
  evidence: new Map(),
};

export function evolve(state: AdoptionState, event: AdoptionEvent): AdoptionState {
  const milestones = new Map(state.milestones);
  switch (event.type) {
    case 'MilestoneReported': {
      const { milestoneId, kind, occurredOn } = event.data;
      milestones.set(milestoneId, { kind, occurredOn, retracted: false, seq: milestones.size });
      const evidence = new Map(state.evidence).set(milestoneId, event.data.evidence.length);
      return { ...state, milestones, evidence };
    }
    case 'MilestoneRetracted': {
      const found = milestones.get(event.data.milestoneId);
      if (found) milestones.set(event.data.milestoneId, { ...found, retracted: true });
      return { ...state, milestones };
    }
    case 'MilestoneVerified':
    case 'MilestoneRejected': {
      const verdicts = new Map(state.verdicts);
      verdicts.set(
        event.data.milestoneId,
        event.type === 'MilestoneVerified' ? 'VERIFIED' : 'REJECTED',
      );
      return { ...state, verdicts };
    }
    case 'MilestoneEvidenceAdded': {
      const { milestoneId } = event.data;
      const evidence = new Map(state.evidence).set(
        milestoneId,
        (state.evidence.get(milestoneId) ?? 0) + event.data.evidence.length,
      );
      return { ...state, evidence };
    }
    default:
      return state;
  }
}

/** The summary of the milestones of this stream that still count (see summary.ts). */
export function summaryOf(state: AdoptionState): AdoptionSummary {
  const counting = [...state.milestones.values()].filter((m) => !m.retracted);
  return summarize(counting.map((m) => ({ kind: m.kind, occurredOn: m.occurredOn, order: m.seq })));
}

export const adoptionStream = (adopterCode: string, innovationId: string) =>
  `adoption-${adopterCode}_${innovationId}`;
