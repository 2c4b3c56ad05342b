import { z } from 'zod';
import { CalendarDate, Evidence, InnovationId, RegencyCode, text } from '../shared/values.js';

export const VisitedSite = z.object({
  name: text(200),
  /** Kemendagri village (desa/kelurahan) code, e.g. 35.10.24.2008 for Desa Tamansari. */
  villageCode: z
    .string()
    .trim()
    .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, { message: 'must be a village code like 35.10.24.2008' })
    .optional(),
});
export type VisitedSite = z.infer<typeof VisitedSite>;

/** The innovations a study visit covered: at least one, none twice. */
export const StudiedInnovationIds = z
  .array(InnovationId)
  .min(1, { message: 'name at least one innovation studied' })
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat an id' });

export const StudyVisitReported = z.object({
  visitId: z.uuid(),
  hostCode: RegencyCode,
  visitorCode: RegencyCode,
  startDate: CalendarDate,
  endDate: CalendarDate,
  delegationSize: z.number().int().min(1).max(5000),
  leader: text(200),
  sites: z.array(VisitedSite).max(50),
  innovationIds: StudiedInnovationIds,
  note: text(2000).optional(),
  evidence: z.array(Evidence).max(20),
  /**
   * The day the ministry originally learned of it, for history recorded before replika (an
   * import); absent when it learned of it when it was recorded here.
   */
  knownOn: CalendarDate.optional(),
});
export type StudyVisitReported = z.infer<typeof StudyVisitReported>;

export const StudyVisitRetracted = z.object({
  visitId: z.uuid(),
  reason: text(1000),
});
export type StudyVisitRetracted = z.infer<typeof StudyVisitRetracted>;

export type StudyVisitEvent =
  | { type: 'StudyVisitReported'; data: StudyVisitReported }
  | { type: 'StudyVisitRetracted'; data: StudyVisitRetracted };

export const studyVisitEventSchemas = { StudyVisitReported, StudyVisitRetracted } as const;

export type StudyVisitState =
  | { status: 'none' }
  | { status: 'reported' | 'retracted'; visitorCode: string; hostCode: string };

export const initialState: StudyVisitState = { status: 'none' };

export function evolve(state: StudyVisitState, event: StudyVisitEvent): StudyVisitState {
  switch (event.type) {
    case 'StudyVisitReported':
      return {
        status: 'reported',
        visitorCode: event.data.visitorCode,
        hostCode: event.data.hostCode,
      };
    case 'StudyVisitRetracted':
      return state.status === 'none' ? state : { ...state, status: 'retracted' };
    default:
      return state;
  }
}

export const studyVisitStream = (visitId: string) => `visit-${visitId}`;
