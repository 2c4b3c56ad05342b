import { z } from 'zod';
import { CalendarDate, Evidence, InnovationId, RegencyCode, text } from '../shared/values.js';

/** Kemendagri's broad fields of regional innovation. */
export const InnovationCategory = z.enum(['GOVERNANCE', 'PUBLIC_SERVICE', 'OTHER']);
export type InnovationCategory = z.infer<typeof InnovationCategory>;

export const InnovationRegistered = z.object({
  innovationId: InnovationId,
  originCode: RegencyCode,
  name: text(200),
  description: text(4000).optional(),
  category: InnovationCategory,
  digital: z.boolean(),
  /** When the origin launched it, where known to the day. */
  launchedOn: CalendarDate.optional(),
  evidence: z.array(Evidence).max(20),
});
export type InnovationRegistered = z.infer<typeof InnovationRegistered>;

export type InnovationEvent = { type: 'InnovationRegistered'; data: InnovationRegistered };

export const innovationEventSchemas = { InnovationRegistered } as const;

export type InnovationState =
  | { status: 'unregistered' }
  | { status: 'registered'; innovationId: string; originCode: string; name: string };

export const initialState: InnovationState = { status: 'unregistered' };

export function evolve(state: InnovationState, event: InnovationEvent): InnovationState {
  switch (event.type) {
    case 'InnovationRegistered':
      return {
        status: 'registered',
        innovationId: event.data.innovationId,
        originCode: event.data.originCode,
        name: event.data.name,
      };
    default:
      return state;
  }
}

export const innovationStream = (innovationId: string) => `innovation-${innovationId}`;
