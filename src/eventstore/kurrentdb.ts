import {
  type AllStreamResolvedEvent,
  ANY,
  type AppendStreamState,
  BACKWARDS,
  END,
  excludeSystemEvents,
  FORWARDS,
  type JSONType,
  jsonEvent,
  KurrentDBClient,
  type RecordedEvent as KurrentRecordedEvent,
  NO_STREAM,
  type Position,
  type ReadPosition,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type { Logger } from 'pino';
import {
  type AppendOptions,
  AppendRefusedError,
  type AppendResult,
  ConcurrencyError,
  type EventData,
  type EventStore,
  type ExpectedRevision,
  originalRecordedAt,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from './port.js';

/*
 * Positions. A KurrentDB `$all` position is a pair {commit, prepare} of byte offsets in the
 * transaction file. Our port has one bigint `position`. We use the COMMIT position:
 *
 * - Every event written through the gRPC API (all KurrentDB/EventStoreDB 20+ clients; explicit
 *   TCP transactions no longer exist) is an implicitly committed prepare record, and the server
 *   reports such an event at TFPos(prepare.LogPosition, prepare.LogPosition): commit == prepare.
 *   The maintainers say as much: "In 99.9% of cases, commit position is the only one you want.
 *   Prepare position can only be different if you use explicit transactions"
 *   (EventStore/EventStore#3989). So the commit position alone is unique per event, strictly
 *   increasing along `$all`, and a bigint (the client hands us bigints; offsets can pass 2^53).
 * - Back from a bigint p we build {commit: p, prepare: p}, which is exactly the event's own
 *   position. `readAll` from a position is inclusive on the server (it returns records at
 *   >= the position), so we drop what is <= p; catch-up subscriptions are exclusive ("The
 *   positions provided to the subscriptions are exclusive. You will only receive the next event
 *   after the subscribed position", Kurrent client docs) and we drop <= p there too, defensively.
 * - 0n means "before the first event" and maps to START.
 * - An append's result position: for an implicit transaction the server answers with the commit
 *   position of its last event, which is what our AppendResult.position means. An idempotent
 *   replay may come back without a position; we then read the last event of the append back.
 */
export const toPosition = (position: bigint): ReadPosition =>
  position <= 0n ? START : { commit: position, prepare: position };

export const fromPosition = (position: Position | undefined): bigint => position?.commit ?? 0n;

function streamState(expected: ExpectedRevision): AppendStreamState {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return expected;
}

const isSystem = (event: KurrentRecordedEvent) =>
  event.type.startsWith('$') || event.streamId.startsWith('$');

function toRecorded(event: KurrentRecordedEvent): RecordedEvent {
  const metadata = (
    event.metadata && !(event.metadata instanceof Uint8Array) && typeof event.metadata === 'object'
      ? event.metadata
      : {}
  ) as RecordedEvent['metadata'];
  return {
    id: event.id,
    streamName: event.streamId,
    revision: event.revision,
    position: fromPosition(event.position),
    type: event.type,
    data: event.data,
    metadata,
    recordedAt: originalRecordedAt(metadata, event.created),
  };
}

export interface KurrentDbEventStoreOptions {
  /** Where resubscriptions and drops are reported. */
  logger: Logger;
  /** First and longest pause before resubscribing after a drop (doubles each attempt). */
  backoff?: { initialMs: number; maxMs: number };
  /** Most events per batch yielded by `subscribeToAll` and per `readAll` page by default. */
  pageSize?: number;
}

const DEFAULT_PAGE = 2000;
/** Above this many undelivered events a subscription pauses its gRPC stream. */
const HIGH_WATER = 20_000;

type Item = { event: RecordedEvent } | { checkpoint: Position };

/**
 * The production event store: KurrentDB (or EventStoreDB 20+) through the official gRPC client.
 * Same port as the embedded store. Idempotency by event id is the server's: appending the same
 * event ids again with the same expected revision answers the first result and writes nothing.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly logger: Logger;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly pageSize: number;
  private readonly closing = new AbortController();
  /** Hosts of the connection string, without credentials, for error messages. */
  private readonly where: string;

  constructor(connectionString: string, options: KurrentDbEventStoreOptions) {
    this.client = KurrentDBClient.connectionString(connectionString);
    this.where = connectionString.replace(/^[^:]+:\/\/(?:[^@/]*@)?([^/?]*).*$/, '$1');
    this.logger = options.logger;
    this.backoff = options.backoff ?? { initialMs: 100, maxMs: 10_000 };
    this.pageSize = options.pageSize ?? DEFAULT_PAGE;
  }

  async append(
    streamName: string,
    events: readonly EventData[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const expected = options.expectedRevision;
    // KurrentDB has no condition across streams: the guard is checked just before appending.
    const guard = options.unless;
    if (guard && (await this.readStream(guard.stream)).some((e) => e.type === guard.holds))
      throw new AppendRefusedError(streamName, guard);
    try {
      const result = await this.client.appendToStream(
        streamName,
        events.map((e) =>
          jsonEvent({
            id: e.id,
            type: e.type,
            data: e.data as JSONType,
            metadata: e.metadata as JSONType,
          }),
        ),
        { streamState: streamState(expected) },
      );
      // With `throwOnAppendFailure=false` in the connection string the client reports a wrong
      // expected revision as `success: false` instead of throwing.
      if (!result.success)
        throw new ConcurrencyError(
          streamName,
          expected,
          result.nextExpectedRevision < 0n ? undefined : result.nextExpectedRevision,
        );
      const position = result.position?.commit;
      if (position !== undefined && position > 0n)
        return { nextExpectedRevision: result.nextExpectedRevision, position };
      // An idempotent replay may carry no position: read the append's last event back.
      const [last] = await this.readStream(streamName, {
        fromRevision: result.nextExpectedRevision,
        maxCount: 1,
      });
      return { nextExpectedRevision: result.nextExpectedRevision, position: last?.position ?? 0n };
    } catch (error) {
      if (error instanceof ConcurrencyError) throw error;
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualState;
        throw new ConcurrencyError(
          streamName,
          expected,
          typeof actual === 'bigint' ? actual : undefined,
        );
      }
      throw error;
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamName, {
        direction: FORWARDS,
        fromRevision: options.fromRevision ?? START,
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      })) {
        if (resolved.event) out.push(toRecorded(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return out;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? 0n;
    const maxCount = options.maxCount ?? this.pageSize;
    const out: RecordedEvent[] = [];
    // One more than asked: the server's read is inclusive, so the event at `after` may come back.
    for await (const resolved of this.client.readAll({
      direction: FORWARDS,
      fromPosition: toPosition(after),
      maxCount: maxCount + 1,
      filter: excludeSystemEvents(),
    })) {
      const event = resolved.event;
      if (!event || isSystem(event)) continue;
      const recorded = toRecorded(event);
      if (recorded.position <= after) continue;
      out.push(recorded);
      if (out.length >= maxCount) break;
    }
    return out;
  }

  /**
   * Catch-up subscription to `$all` without system events, yielding batches. Server-side
   * checkpoints (sent while the filter skips system events) move the resume point, so a
   * resubscription does not rescan what was already filtered. When the subscription drops, it
   * resubscribes from the last position it handled, with exponential backoff, and logs it.
   */
  async *subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent[]> {
    const signal = options.signal
      ? AbortSignal.any([options.signal, this.closing.signal])
      : this.closing.signal;
    /** Last event position handed to the consumer: nothing at or below it is yielded again. */
    let handled = options.after ?? 0n;
    /** Where to resubscribe: the last handled event, or a later checkpoint. */
    let resumeFrom: ReadPosition = toPosition(handled);
    let attempt = 0;
    while (!signal.aborted) {
      const items: Item[] = [];
      let failure: Error | undefined;
      let ended = false;
      let paused = false;
      let pauses = 0;
      let wake: (() => void) | undefined;
      const notify = () => {
        const w = wake;
        wake = undefined;
        w?.();
      };
      const subscription = this.client.subscribeToAll({
        fromPosition: resumeFrom,
        filter: excludeSystemEvents({
          checkpointReached: async (_sub, position) => {
            // The client awaits this before handing on the next response. Events it already
            // pushed reach our 'data' listener by then in flowing mode (next tick); waiting a
            // macrotask makes sure the checkpoint is queued behind them. While paused, events may
            // still sit in the stream's buffer, so such checkpoints are not trusted.
            const generation = pauses;
            if (paused) return;
            await new Promise<void>((resolve) => setImmediate(resolve));
            if (paused || generation !== pauses) return;
            items.push({ checkpoint: position });
            notify();
          },
        }),
      });
      subscription.on('data', (resolved: AllStreamResolvedEvent) => {
        const event = resolved.event;
        if (!event || isSystem(event)) return;
        items.push({ event: toRecorded(event) });
        if (items.length >= HIGH_WATER && !paused) {
          paused = true;
          pauses += 1;
          subscription.pause();
        }
        notify();
      });
      subscription.on('error', (error: Error) => {
        failure = error;
        notify();
      });
      subscription.on('end', () => {
        ended = true;
        notify();
      });
      const onAbort = () => notify();
      signal.addEventListener('abort', onAbort);
      try {
        while (!signal.aborted) {
          if (items.length === 0) {
            if (failure || ended) break;
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            continue;
          }
          const drained = items.splice(0, this.pageSize);
          if (paused && items.length < HIGH_WATER / 2) {
            paused = false;
            subscription.resume();
          }
          const batch: RecordedEvent[] = [];
          let checkpoint: Position | undefined;
          for (const item of drained) {
            if ('event' in item) {
              if (item.event.position > handled) batch.push(item.event);
              checkpoint = undefined;
            } else checkpoint = item.checkpoint;
          }
          const last = batch.at(-1);
          if (last) {
            yield batch;
            handled = last.position;
            resumeFrom = toPosition(handled);
            attempt = 0;
          }
          // A checkpoint after the last event of the batch: everything up to it is considered.
          if (checkpoint && checkpoint.commit > handled) resumeFrom = checkpoint;
        }
      } finally {
        signal.removeEventListener('abort', onAbort);
        subscription.removeAllListeners('data');
        await subscription.unsubscribe().catch(() => undefined);
      }
      if (signal.aborted) return;
      attempt += 1;
      const delay = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** (attempt - 1));
      this.logger.warn(
        {
          err: failure,
          ended: failure === undefined,
          attempt,
          retryInMs: delay,
          resumeFrom:
            typeof resumeFrom === 'object' ? resumeFrom.commit.toString() : String(resumeFrom),
        },
        'subscription to $all dropped; resubscribing from the last position handled',
      );
      await sleep(delay, signal);
    }
  }

  async headPosition(): Promise<bigint> {
    try {
      for await (const resolved of this.client.readAll({
        direction: BACKWARDS,
        fromPosition: END,
        maxCount: 1,
        filter: excludeSystemEvents(),
      }))
        if (resolved.event) return fromPosition(resolved.event.position);
      return 0n;
    } catch (error) {
      // The first call at start-up: say plainly which server could not be reached.
      if (error instanceof UnavailableError)
        error.message = `KurrentDB at ${this.where} is unavailable: ${error.message}`;
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    await this.client.dispose();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
