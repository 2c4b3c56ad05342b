import type { ProjectedEvent } from '../../projections/projection.js';
import { eventSchemas, isDomainEventType } from '../domain/events.js';
import type { RecordedEvent } from '../eventstore/port.js';

/** Validates a stored event's payload; events of types no projection knows are skipped. */
export function decode(event: RecordedEvent): ProjectedEvent | undefined {
  if (!isDomainEventType(event.type)) return undefined;
  return {
    ...event,
    type: event.type,
    data: eventSchemas[event.type].parse(event.data),
  } as ProjectedEvent;
}
