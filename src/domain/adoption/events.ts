import { z } from 'zod';
import { CalendarDate, Evidence, InnovationId, RegencyCode, text } from '../shared/values.js';
import { MilestoneKind, ReplicationMode } from './stages.js';

export const MilestoneReported = z.object({
  milestoneId: z.uuid(),
  adopterCode: RegencyCode,
  innovationId: InnovationId,
  /** The innovation's origin regency, copied here so projections need no lookup. */
  originCode: RegencyCode,
  kind: MilestoneKind,
  occurredOn: CalendarDate,
  note: text(2000).optional(),
  evidence: z.array(Evidence).max(20),
  mode: ReplicationMode.optional(),
});
export type MilestoneReported = z.infer<typeof MilestoneReported>;

export const MilestoneRetracted = z.object({
  milestoneId: z.uuid(),
  adopterCode: RegencyCode,
  innovationId: InnovationId,
  reason: text(1000),
});
export type MilestoneRetracted = z.infer<typeof MilestoneRetracted>;

export type AdoptionEvent =
  | { type: 'MilestoneReported'; data: MilestoneReported }
  | { type: 'MilestoneRetracted'; data: MilestoneRetracted };

export const adoptionEventSchemas = { MilestoneReported, MilestoneRetracted } as const;

export interface MilestoneFacts {
  kind: MilestoneKind;
  occurredOn: string;
  retracted: boolean;
  /** Order of reporting within the stream, to break ties between same-day milestones. */
  seq: number;
}

export interface AdoptionState {
  milestones: ReadonlyMap<string, MilestoneFacts>;
}

export const initialState: AdoptionState = { milestones: new Map() };

export function evolve(state: AdoptionState, event: AdoptionEvent): AdoptionState {
  const milestones = new Map(state.milestones);
  switch (event.type) {
    case 'MilestoneReported': {
      const { milestoneId, kind, occurredOn } = event.data;
      milestones.set(milestoneId, { kind, occurredOn, retracted: false, seq: milestones.size });
      return { milestones };
    }
    case 'MilestoneRetracted': {
      const found = milestones.get(event.data.milestoneId);
      if (found) milestones.set(event.data.milestoneId, { ...found, retracted: true });
      return { milestones };
    }
    default:
      return state;
  }
}

/** Milestones that still count, in the order they occurred. */
export function activeMilestones(state: AdoptionState): MilestoneFacts[] {
  return [...state.milestones.values()]
    .filter((m) => !m.retracted)
    .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.seq - b.seq);
}

/** Suspended when the latest SUSPENDED/RESUMED that still counts is a suspension. */
export function isSuspended(state: AdoptionState): boolean {
  const switches = activeMilestones(state).filter(
    (m) => m.kind === 'SUSPENDED' || m.kind === 'RESUMED',
  );
  return switches.at(-1)?.kind === 'SUSPENDED';
}

export const adoptionStream = (adopterCode: string, innovationId: string) =>
  `adoption-${adopterCode}_${innovationId}`;
