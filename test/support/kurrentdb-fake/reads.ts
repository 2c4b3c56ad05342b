/**
 * Streams.Read of the FAKE KurrentDB server: stream reads, `$all` reads with the server-side
 * filter, and catch-up subscriptions to `$all` with checkpoints and the caught-up message.
 */
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { type EventFilter, type FakeRecord, matches } from './log.js';
import { streamIdentifier, streamName, streams, timestampPb, uuidMessage } from './protocol.js';
import { type FakeServerContext, recordCall } from './server.js';

type ReadReq = InstanceType<typeof streams.ReadReq>;
type ReadResp = InstanceType<typeof streams.ReadResp>;
type Options = InstanceType<typeof streams.ReadReq.Options>;
type ReadCall = grpc.ServerWritableStream<ReadReq, ReadResp>;

const MAX_U64 = (1n << 64n) - 1n;
/** The server's default search window for filtered reads and subscriptions (ReadBatchSize). */
const DEFAULT_WINDOW = 32;

export async function read(ctx: FakeServerContext, call: ReadCall): Promise<void> {
  const options = call.request.getOptions();
  if (!options) return fail(call, grpc.status.INVALID_ARGUMENT, 'no options');
  const structured = options.getUuidOption()?.hasStructured() ?? false;
  const filter = toFilter(options);
  if (!options.hasSubscription()) {
    const fault = ctx.faults.reads.shift();
    if (fault === 'hang') return;
    if (fault === 'unavailable') return fail(call, grpc.status.UNAVAILABLE, 'Server Is Not Ready');
  }
  const forwardAll =
    options.hasAll() &&
    options.getReadDirection() === streams.ReadReq.Options.ReadDirection.FORWARDS;
  while (forwardAll && ctx.faults.stallCatchUp && !call.cancelled)
    await new Promise((resolve) => setTimeout(resolve, 20));
  try {
    if (options.hasStream()) {
      recordCall(ctx, 'Read', call, 'stream').stream = streamName(
        options.getStream()?.getStreamIdentifier(),
      );
      await readStream(ctx, call, options, structured);
    } else if (options.hasSubscription()) {
      recordCall(ctx, 'Read', call, 'subscription');
      await subscribeToAll(ctx, call, options, structured, filter);
      return;
    } else {
      recordCall(ctx, 'Read', call, 'all');
      await readAll(ctx, call, options, structured, filter);
    }
    if (!call.cancelled) call.end();
  } catch (error) {
    if (!call.cancelled) fail(call, grpc.status.INTERNAL, String(error));
  }
}

function fail(call: ReadCall, code: grpc.status, details: string) {
  call.emit('error', { code, details });
}

/** Writes one response, waiting while the transport's buffer is full (flow control). */
async function send(call: ReadCall, message: ReadResp): Promise<boolean> {
  if (call.cancelled || call.destroyed) return false;
  if (!call.write(message))
    await new Promise<void>((resolve) => {
      const done = () => {
        call.off('drain', done);
        call.off('cancelled', done);
        resolve();
      };
      call.on('drain', done);
      call.on('cancelled', done);
    });
  return !call.cancelled;
}

function toFilter(options: Options): EventFilter | undefined {
  if (!options.hasFilter()) return undefined;
  const f = options.getFilter();
  const expression = f?.hasEventType() ? f.getEventType() : f?.getStreamIdentifier();
  const regex = expression?.getRegex();
  return {
    on: f?.hasEventType() ? 'event-type' : 'stream-name',
    ...(regex ? { regex: new RegExp(regex) } : { prefixes: expression?.getPrefixList() ?? [] }),
  };
}

export function eventMessage(record: FakeRecord, structured: boolean, position = record.position) {
  const recorded = new streams.ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(record.id, structured))
    .setStreamIdentifier(streamIdentifier(record.stream))
    .setStreamRevision(record.revision.toString())
    .setCommitPosition(position.toString())
    .setPreparePosition((record.prepare ?? position).toString())
    .setCustomMetadata(record.metadata)
    .setData(record.data);
  const map = recorded.getMetadataMap();
  map.set('type', record.type);
  map.set('content-type', record.contentType);
  map.set('created', record.created.toString());
  const event = new streams.ReadResp.ReadEvent()
    .setEvent(recorded)
    .setCommitPosition(position.toString());
  return new streams.ReadResp().setEvent(event);
}

async function readStream(
  ctx: FakeServerContext,
  call: ReadCall,
  options: Options,
  structured: boolean,
) {
  const o = options.getStream();
  const name = streamName(o?.getStreamIdentifier());
  const events = ctx.log.stream(name);
  if (events.length === 0) {
    // The server answers a read of a missing stream with one StreamNotFound message.
    const notFound = new streams.ReadResp.StreamNotFound().setStreamIdentifier(
      streamIdentifier(name),
    );
    await send(call, new streams.ReadResp().setStreamNotFound(notFound));
    return;
  }
  const backwards = options.getReadDirection() === streams.ReadReq.Options.ReadDirection.BACKWARDS;
  const count = Number(BigInt(options.getCount() || '0'));
  let from: number;
  if (o?.hasRevision()) from = Number(BigInt(o.getRevision()));
  else if (o?.hasEnd()) from = events.length - 1;
  else from = backwards ? events.length - 1 : 0;
  let sent = 0;
  for (let i = from; sent < count && i >= 0 && i < events.length; i += backwards ? -1 : 1) {
    const record = events[i];
    if (!record) break;
    // Servers before 22.x read streams from the index, which has no log positions: they send
    // 2^64-1 (EventStore/EventStore#3459 added real positions; see Faults).
    const position = ctx.faults.streamReadsWithoutPosition ? MAX_U64 : record.position;
    if (!(await send(call, eventMessage(record, structured, position)))) return;
    sent++;
  }
}

function startPosition(options: Options, end: bigint): bigint | 'start' | 'end' {
  const all = options.getAll();
  if (all?.hasPosition()) return BigInt(all.getPosition()?.getCommitPosition() ?? '0');
  if (all?.hasEnd()) return end;
  return 'start';
}

/**
 * A `$all` read. Forwards from a position is inclusive (records at or after it); backwards from
 * a position reads records before it. With a filter the server keeps reading pages until it has
 * `count` matching events or reaches the end (Enumerator.ReadAllForwardsFiltered), so a filtered
 * read is short only at the end of the log.
 */
async function readAll(
  ctx: FakeServerContext,
  call: ReadCall,
  options: Options,
  structured: boolean,
  filter: EventFilter | undefined,
) {
  const records = ctx.log.records;
  const count = Number(BigInt(options.getCount() || '0'));
  const backwards = options.getReadDirection() === streams.ReadReq.Options.ReadDirection.BACKWARDS;
  const from = startPosition(options, ctx.log.end);
  let sent = 0;
  if (backwards) {
    let i =
      from === 'start'
        ? -1
        : from === 'end'
          ? records.length - 1
          : ctx.log.indexAtOrAfter(from) - 1;
    for (; sent < count && i >= 0; i--) {
      const record = records[i];
      if (!record || !matches(filter, record)) continue;
      if (!(await send(call, eventMessage(record, structured)))) return;
      sent++;
    }
    return;
  }
  let i = from === 'start' ? 0 : from === 'end' ? records.length : ctx.log.indexAtOrAfter(from);
  for (; sent < count && i < records.length; i++) {
    const record = records[i];
    if (lagging(ctx, record)) return;
    if (!record || !matches(filter, record)) continue;
    if (!(await send(call, eventMessage(record, structured)))) return;
    sent++;
  }
}

/** Whether the `lagFrom` fault holds this record back from `$all` reads and subscriptions. */
const lagging = (ctx: FakeServerContext, record: FakeRecord | undefined) =>
  ctx.faults.lagFrom !== undefined && record !== undefined && record.position >= ctx.faults.lagFrom;

function checkpointMessage(position: bigint) {
  const checkpoint = new streams.ReadResp.Checkpoint()
    .setCommitPosition(position.toString())
    .setPreparePosition(position.toString())
    .setTimestamp(timestampPb.Timestamp.fromDate(new Date()));
  return new streams.ReadResp().setCheckpoint(checkpoint);
}

/**
 * A catch-up subscription to `$all`, as Enumerator.AllSubscriptionFiltered does it: confirmation,
 * then the history after the (exclusive) start position, a checkpoint every
 * `checkpointIntervalMultiplier × maxSearchWindow` considered records while a filter is set and
 * one on reaching the end, then the caught-up message (KurrentDB 23.10+), then live events as
 * they are written, with the same checkpoints. It ends only when the client cancels it (or a
 * fault drops it).
 */
async function subscribeToAll(
  ctx: FakeServerContext,
  call: ReadCall,
  options: Options,
  structured: boolean,
  filter: EventFilter | undefined,
) {
  const f = options.getFilter();
  const window = f?.hasMax() ? f.getMax() : DEFAULT_WINDOW;
  const interval = filter ? Math.max(1, (f?.getCheckpointintervalmultiplier() || 1) * window) : 0;
  const dropAfter = ctx.faults.dropSubscriptionAfterEvents;
  ctx.faults.dropSubscriptionAfterEvents = undefined;
  const confirmation = new streams.ReadResp.SubscriptionConfirmation().setSubscriptionId(
    randomUUID(),
  );
  if (!(await send(call, new streams.ReadResp().setConfirmation(confirmation)))) return;

  const from = startPosition(options, ctx.log.end);
  const records = ctx.log.records;
  let i =
    from === 'start' ? 0 : from === 'end' ? records.length : ctx.log.indexAtOrAfter(from + 1n);
  let considered = 0;
  let sentEvents = 0;
  let lastConsidered: bigint | undefined;
  let caughtUp = false;
  let wake: (() => void) | undefined;
  const unsubscribe = ctx.log.onAppend(() => {
    const w = wake;
    wake = undefined;
    w?.();
  });
  const cancelled = new Promise<void>((resolve) => call.once('cancelled', resolve));
  try {
    for (;;) {
      while (i < records.length) {
        while (lagging(ctx, records[i]) && !call.cancelled)
          await new Promise((resolve) => setTimeout(resolve, 20));
        const record = records[i++];
        if (!record) continue;
        lastConsidered = record.position;
        considered++;
        if (matches(filter, record)) {
          if (!(await send(call, eventMessage(record, structured)))) return;
          sentEvents++;
          if (dropAfter !== undefined && sentEvents >= dropAfter) {
            fail(call, grpc.status.UNAVAILABLE, 'fake: subscription dropped by a fault hook');
            return;
          }
        }
        if (interval && considered >= interval) {
          considered = 0;
          if (!(await send(call, checkpointMessage(record.position)))) return;
        }
      }
      if (!caughtUp) {
        caughtUp = true;
        const at = ctx.faults.checkpointPastEnd ? ctx.log.end + 4096n : lastConsidered;
        if (filter && at !== undefined && !(await send(call, checkpointMessage(at)))) return;
        const position = new streams.ReadResp.Position()
          .setCommitPosition(String(lastConsidered ?? 0n))
          .setPreparePosition(String(lastConsidered ?? 0n));
        const up = new streams.ReadResp.CaughtUp()
          .setTimestamp(timestampPb.Timestamp.fromDate(new Date()))
          .setPosition(position);
        if (!(await send(call, new streams.ReadResp().setCaughtUp(up)))) return;
      }
      if (call.cancelled) return;
      if (i < records.length) continue;
      await Promise.race([new Promise<void>((resolve) => (wake = resolve)), cancelled]);
      if (call.cancelled) return;
    }
  } finally {
    unsubscribe();
  }
}
