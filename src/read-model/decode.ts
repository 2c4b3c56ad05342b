import type { ProjectedEvent } from '../../projections/projection.js';
import { isDomainEventType } from '../domain/events.js';
import { checkedPayload } from '../eventstore/damaged.js';
import type { RecordedEvent } from '../eventstore/port.js';

/**
 * Validates a stored event's payload (a payload its schema refuses is a DamagedEventError);
 * events of types no projection knows are skipped.
 */
export function decode(event: RecordedEvent): ProjectedEvent | undefined {
  if (!isDomainEventType(event.type)) return undefined;
  return { ...event, type: event.type, data: checkedPayload(event) } as ProjectedEvent;
}
