/**
 * How a group of appends and its outcomes cross between the store and its commit thread, made
 * cheap to copy: the group as one flat array of strings and revisions (no objects to walk), the
 * outcomes of a group that went through without a refusal as one BigInt64Array of revisions and
 * positions, transferred rather than copied.
 */
import type { AppendOutcome, GroupAppend } from './sqlite-log.js';
import type { PendingAppend } from './sqlite-rows.js';

/** A group: per append its stream, expected revision, guard (or nulls), event count, then per event id, type, data, metadata. */
export type WireGroup = Array<string | bigint | number | null>;

/** The appends of a batch as the writer takes them. */
export function groupOf(batch: readonly PendingAppend[]): GroupAppend[] {
  return batch.map((request) => ({
    streamName: request.streamName,
    expectedRevision: request.expectedRevision,
    unless: request.unless,
    events: request.events.map((e, i) => ({
      id: e.id,
      type: e.type,
      data: request.json[i]?.data ?? '',
      metadata: request.json[i]?.metadata ?? '{}',
    })),
  }));
}

export function groupToWire(batch: readonly PendingAppend[]): WireGroup {
  const wire: WireGroup = [];
  for (const request of batch) {
    const guard = request.unless;
    wire.push(
      request.streamName,
      request.expectedRevision,
      guard?.stream ?? null,
      guard?.holds ?? null,
      request.events.length,
    );
    request.events.forEach((e, i) => {
      wire.push(e.id, e.type, request.json[i]?.data ?? '', request.json[i]?.metadata ?? '{}');
    });
  }
  return wire;
}

export function groupFromWire(wire: WireGroup): GroupAppend[] {
  const group: GroupAppend[] = [];
  let i = 0;
  while (i < wire.length) {
    const streamName = wire[i] as string;
    const expectedRevision = wire[i + 1] as GroupAppend['expectedRevision'];
    const stream = wire[i + 2] as string | null;
    const holds = wire[i + 3] as string | null;
    const count = wire[i + 4] as number;
    i += 5;
    const events: GroupAppend['events'] = [];
    for (let e = 0; e < count; e++, i += 4)
      events.push({
        id: wire[i] as string,
        type: wire[i + 1] as string,
        data: wire[i + 2] as string,
        metadata: wire[i + 3] as string,
      });
    group.push({
      streamName,
      expectedRevision,
      unless: stream !== null && holds !== null ? { stream, holds } : undefined,
      events,
    });
  }
  return group;
}

/** Every outcome ok: revisions and positions in one buffer; otherwise the outcomes as they are. */
export function outcomesToWire(
  outcomes: readonly AppendOutcome[],
): { ok: BigInt64Array } | { outcomes: readonly AppendOutcome[] } {
  const ok = new BigInt64Array(outcomes.length * 2);
  for (const [i, outcome] of outcomes.entries()) {
    if (!('ok' in outcome)) return { outcomes };
    ok[2 * i] = outcome.ok.nextExpectedRevision;
    ok[2 * i + 1] = outcome.ok.position;
  }
  return { ok };
}

export function outcomesFromWire(ok: BigInt64Array): AppendOutcome[] {
  const outcomes: AppendOutcome[] = [];
  for (let i = 0; i < ok.length; i += 2)
    outcomes.push({
      ok: { nextExpectedRevision: ok[i] as bigint, position: ok[i + 1] as bigint },
    });
  return outcomes;
}
