import { randomUUID } from 'node:crypto';
import {
  ConcurrencyError,
  type EventData,
  type EventStore,
  type ExpectedRevision,
  type RecordedEvent,
} from '../../../src/eventstore/port.js';

/** Helpers shared by the event-store tests and the helper processes they start (no vitest). */

export const event = (type = 'Something', data: unknown = { n: 1 }): EventData => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'test', correlationId: randomUUID() },
});

/** Reads the whole global log after `after`, page by page. */
export async function readAllPages(
  store: EventStore,
  after = 0n,
  pageSize = 500,
): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  let from = after;
  for (;;) {
    const page = await store.readAll({ after: from, maxCount: pageSize });
    const last = page.at(-1);
    if (!last) return out;
    out.push(...page);
    from = last.position;
  }
}

/**
 * Appends `count` single-event appends to `streamName`, each loading the stream's revision first
 * and retrying on a real conflict. Returns the acknowledged events; throws any other error.
 */
export async function appendWithRetry(
  store: EventStore,
  streamName: string,
  count: number,
  tag: string,
  conflicts: { count: number; other: unknown[] },
): Promise<EventData[]> {
  const acked: EventData[] = [];
  for (let i = 0; i < count; i++) {
    const e = event('Counted', { tag, i });
    for (;;) {
      const last = (await store.readStream(streamName)).at(-1);
      const expected: ExpectedRevision = last ? last.revision : 'no_stream';
      try {
        await store.append(streamName, [e], { expectedRevision: expected });
        acked.push(e);
        break;
      } catch (error) {
        if (error instanceof ConcurrencyError) {
          conflicts.count += 1;
          continue;
        }
        conflicts.other.push(error);
        throw error;
      }
    }
  }
  return acked;
}
