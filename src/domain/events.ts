import type { z } from 'zod';
import { accessEventSchemas } from './access/events.js';
import { adoptionEventSchemas } from './adoption/events.js';
import { innovationEventSchemas } from './innovation/events.js';
import { studyVisitEventSchemas } from './study-visit/events.js';

/** Every domain event type with the zod schema of its payload. */
export const eventSchemas = {
  ...innovationEventSchemas,
  ...studyVisitEventSchemas,
  ...adoptionEventSchemas,
  ...accessEventSchemas,
} as const;

export type DomainEventType = keyof typeof eventSchemas;
export type EventPayload<T extends DomainEventType> = z.infer<(typeof eventSchemas)[T]>;

export const isDomainEventType = (type: string): type is DomainEventType =>
  Object.hasOwn(eventSchemas, type);
