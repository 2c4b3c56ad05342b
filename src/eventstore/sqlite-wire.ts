/**
 * How a group of appends and its outcomes cross between the store and its commit thread, made
 * cheap to copy: the group as one string (every field of every append, end to end) and one
 * transferred Uint32Array of the fields' lengths, so the structured clone copies one block of
 * characters instead of walking hundreds of strings; the outcomes of a group that went through
 * without a refusal as one transferred BigInt64Array of revisions and positions.
 */
import type { ExpectedRevision } from './port.js';
import type { AppendOutcome, GroupAppend } from './sqlite-log.js';
import type { PendingAppend } from './sqlite-rows.js';

/**
 * A group: `text` holds per append its stream, expected revision, guard stream and guard type,
 * then per event its id, type, data and metadata; `lengths` holds each field's length in the
 * same order (NONE for an absent guard), and after the append's four fields its event count.
 */
export interface WireGroup {
  text: string;
  lengths: Uint32Array;
}

const NONE = 0xffffffff;
const FIELDS_PER_APPEND = 5;
const FIELDS_PER_EVENT = 4;

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
  let fields = 0;
  for (const request of batch)
    fields += FIELDS_PER_APPEND + FIELDS_PER_EVENT * request.events.length;
  const lengths = new Uint32Array(fields);
  const parts: string[] = [];
  let f = 0;
  const put = (field: string) => {
    parts.push(field);
    lengths[f++] = field.length;
  };
  for (const request of batch) {
    const guard = request.unless;
    put(request.streamName);
    put(String(request.expectedRevision));
    if (guard) {
      put(guard.stream);
      put(guard.holds);
    } else {
      lengths[f++] = NONE;
      lengths[f++] = NONE;
    }
    lengths[f++] = request.events.length;
    request.events.forEach((e, i) => {
      put(e.id);
      put(e.type);
      put(request.json[i]?.data ?? '');
      put(request.json[i]?.metadata ?? '{}');
    });
  }
  return { text: parts.join(''), lengths };
}

function expectedFromWire(field: string): ExpectedRevision {
  return field === 'any' || field === 'no_stream' || field === 'stream_exists'
    ? field
    : BigInt(field);
}

export function groupFromWire({ text, lengths }: WireGroup): GroupAppend[] {
  const group: GroupAppend[] = [];
  let at = 0;
  let f = 0;
  const take = (): string => {
    const length = lengths[f++] as number;
    at += length;
    return text.slice(at - length, at);
  };
  while (f < lengths.length) {
    const streamName = take();
    const expectedRevision = expectedFromWire(take());
    const unless = lengths[f] === NONE ? undefined : { stream: take(), holds: take() };
    if (!unless) f += 2;
    const count = lengths[f++] as number;
    const events: GroupAppend['events'] = [];
    for (let e = 0; e < count; e++)
      events.push({ id: take(), type: take(), data: take(), metadata: take() });
    group.push({ streamName, expectedRevision, unless, events });
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
