/**
 * The `$all` reads of the KurrentDB adapter: a full page of user events, the head, and whether a
 * position is an event's. All use the same filter, so they agree on what counts as an event.
 */
import {
  BACKWARDS,
  END,
  FORWARDS,
  type KurrentDBClient,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import { isUserEvent, toPosition, toRecorded, userStreams } from './kurrentdb-records.js';
import type { RecordedEvent } from './port.js';

/**
 * A page of user events after `after`. The server filters `$`-streams out and we drop `$` event
 * types, so one server read can come back short while more follows: read on until the page is
 * full or the log ends.
 */
export async function readUserPage(
  client: KurrentDBClient,
  after: bigint,
  maxCount: number,
  abandoned?: AbortSignal,
): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  let from = after;
  while (out.length < maxCount && !abandoned?.aborted) {
    // One more than needed: the read is inclusive, so the event at `from` may come back.
    const want = maxCount - out.length + 1;
    let seen = 0;
    let last = from;
    for await (const resolved of client.readAll({
      direction: FORWARDS,
      fromPosition: toPosition(from),
      maxCount: want,
      filter: userStreams(),
    })) {
      seen++;
      const event = resolved.event;
      if (!event) continue;
      const recorded = toRecorded(event);
      if (recorded.position > last) last = recorded.position;
      if (!isUserEvent(event) || recorded.position <= from) continue;
      if (out.length < maxCount) out.push(recorded);
    }
    if (seen < want || last <= from) break; // the end of the log
    from = last;
  }
  return out;
}

/** The position of the first record at or after `position` (any record, system ones too). */
export async function positionAt(
  client: KurrentDBClient,
  position: bigint,
): Promise<bigint | undefined> {
  for await (const resolved of client.readAll({
    direction: FORWARDS,
    fromPosition: toPosition(position),
    maxCount: 1,
  }))
    return resolved.event?.position?.commit;
  return undefined;
}

/** Position of the last user event, read backwards from the leader (0n for none). */
export async function lastUserPosition(client: KurrentDBClient): Promise<bigint> {
  const page = 100;
  let from: ReadPosition = END;
  for (;;) {
    let seen = 0;
    let lowest: bigint | undefined;
    for await (const resolved of client.readAll({
      direction: BACKWARDS,
      fromPosition: from,
      maxCount: page,
      filter: userStreams(),
      requiresLeader: true,
    })) {
      seen++;
      const event = resolved.event;
      if (!event) continue;
      const recorded = toRecorded(event);
      if (isUserEvent(event)) return recorded.position;
      lowest = recorded.position;
    }
    if (seen < page || lowest === undefined) return 0n;
    from = toPosition(lowest);
  }
}
