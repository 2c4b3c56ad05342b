import { eventSchemas, isDomainEventType } from '../domain/events.js';
import type { RecordedEvent } from './port.js';

/**
 * A stored event that cannot be read: its data or metadata is not JSON, or its payload is not
 * what its type's schema says. The log is the source of truth, so replika refuses to start on
 * it rather than guess; `replika verify` lists every such event.
 */
export class DamagedEventError extends Error {
  override readonly name = 'DamagedEventError';
  constructor(
    readonly position: bigint,
    readonly streamName: string,
    readonly revision: bigint,
    readonly type: string,
    readonly problem: string,
  ) {
    super(
      `damaged event at log position ${position} (stream ${streamName}, revision ${revision}, type ${type}): ${problem}`,
    );
  }
}

/** JSON.parse that names the event it reads when the text is not JSON. */
export function parseStoredJson(
  text: string,
  what: 'data' | 'metadata',
  at: { position: bigint; streamName: string; revision: bigint; type: string },
): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DamagedEventError(
      at.position,
      at.streamName,
      at.revision,
      at.type,
      `its ${what} is not valid JSON (${(error as Error).message})`,
    );
  }
}

/**
 * The payload of a stored domain event, checked against its type's schema (an event of a type
 * replika does not know is answered as it is). A payload the schema refuses is a damaged event.
 */
export function checkedPayload(event: RecordedEvent): unknown {
  if (!isDomainEventType(event.type)) return event.data;
  const parsed = eventSchemas[event.type].safeParse(event.data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'data'}: ${i.message}`)
    .join('; ');
  throw new DamagedEventError(
    event.position,
    event.streamName,
    event.revision,
    event.type,
    `its payload does not match the ${event.type} schema (${problems})`,
  );
}
