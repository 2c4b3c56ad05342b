import {
  FORWARDS,
  type JSONType,
  jsonEvent,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  UnavailableError,
} from '@kurrent/kurrentdb-client';
import type { Logger } from 'pino';
import { lastUserPosition, positionAt, readUserPage } from './kurrentdb-reads.js';
import {
  appendError,
  InvalidPositionError,
  stampRecordedAt,
  streamState,
  toRecorded,
} from './kurrentdb-records.js';
import {
  APPENDS_IN_FLIGHT,
  AppenderReplaced,
  DEFAULT_RETRY,
  type RetryPolicy,
  Slots,
  withRetry,
} from './kurrentdb-retry.js';
import { subscribeToAll } from './kurrentdb-subscription.js';
import {
  type AppendOptions,
  AppendRefusedError,
  type AppendResult,
  type EventData,
  type EventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from './port.js';

export {
  EventStoreTimeoutError,
  fromPosition,
  InvalidPositionError,
  toPosition,
  UnsupportedLogError,
  UnsupportedServerError,
} from './kurrentdb-records.js';

export interface KurrentDbEventStoreOptions {
  /** Where resubscriptions, retries and drops are reported. */
  logger: Logger;
  /** First and longest pause before resubscribing after a drop (doubles each attempt). */
  backoff?: { initialMs: number; maxMs: number };
  /** Most events per batch yielded by `subscribeToAll` and per `readAll` page by default. */
  pageSize?: number;
  /** Deadline per attempt and retry budget of every call. */
  retry?: Partial<RetryPolicy>;
}

const DEFAULT_PAGE = 2000;
/** Positions this adapter handed out recently: known event boundaries, not checked again. */
const KNOWN_POSITIONS = 4096;

/**
 * The production event store: KurrentDB (EventStoreDB 22.10+) through the official client. Same
 * port as the embedded store. Idempotency by event id is the server's: the same append again (same
 * ids, same stream, same expected revision) answers the first result and writes nothing; this
 * adapter relies on that to retry appends that may or may not have been written.
 */
export class KurrentDbEventStore implements EventStore {
  /** KurrentDB checks event ids per stream only (see EventStore.eventIdScope). */
  readonly eventIdScope = 'stream';
  private readonly client: KurrentDBClient;
  /**
   * Appends go through their own client: its one BatchAppend stream can stop answering (a
   * stream the server ended cleanly stays in the client's cache with every later append
   * pending on it forever), and then this client is replaced without touching subscriptions.
   */
  private appender: KurrentDBClient;
  private readonly connectionString: string;
  private readonly logger: Logger;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly pageSize: number;
  private readonly retry: RetryPolicy;
  private readonly closing = new AbortController();
  private readonly known = new Set<bigint>();
  /** Appends on the wire at once (see APPENDS_IN_FLIGHT); the others wait here, not timed. */
  private readonly slots = new Slots(APPENDS_IN_FLIGHT);
  /** Hosts of the connection string, without credentials, for error messages. */
  private readonly where: string;

  constructor(connectionString: string, options: KurrentDbEventStoreOptions) {
    if (/[?&]throwOnAppendFailure=false(&|$)/i.test(connectionString))
      throw new Error(
        'KURRENTDB_URL sets throwOnAppendFailure=false, which replika does not support: remove it',
      );
    this.connectionString = connectionString;
    this.client = KurrentDBClient.connectionString(connectionString);
    this.appender = KurrentDBClient.connectionString(connectionString);
    this.where = connectionString.replace(/^[^:]+:\/\/(?:[^@/]*@)?([^/?]*).*$/, '$1');
    this.logger = options.logger;
    this.backoff = options.backoff ?? { initialMs: 100, maxMs: 10_000 };
    this.pageSize = options.pageSize ?? DEFAULT_PAGE;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
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
    // Built once: every retry sends exactly the same events (ids, recording time).
    const now = new Date();
    const proposed = events.map((e) =>
      jsonEvent({
        id: e.id,
        type: e.type,
        data: e.data as JSONType,
        metadata: stampRecordedAt(e.metadata, now) as JSONType,
      }),
    );
    await this.slots.take();
    const result = await withRetry(
      `append to ${streamName}`,
      async (abandoned) => {
        const client = this.appender;
        const renew = () => this.renewAppender(client);
        abandoned.addEventListener('abort', renew, { once: true });
        try {
          return await client.appendToStream(streamName, proposed, {
            streamState: streamState(expected),
            requiresLeader: true,
            deadline: this.retry.attemptTimeoutMs,
          });
        } catch (error) {
          // Pending on a client replaced after another append's deadline: cancelled by us.
          if (client !== this.appender && !this.closing.signal.aborted)
            throw new AppenderReplaced(
              `append to ${streamName}: the appending client was replaced`,
            );
          throw appendError(error, streamName, expected);
        } finally {
          abandoned.removeEventListener('abort', renew);
        }
      },
      this.retry,
      this.logger,
    ).finally(() => this.slots.give());
    const position = result.position?.commit;
    this.remember(position);
    if (position !== undefined && position > 0n)
      return { nextExpectedRevision: result.nextExpectedRevision, position };
    // An idempotent replay may carry no position: read the append's last event back.
    const [last] = await this.readStream(streamName, {
      fromRevision: result.nextExpectedRevision,
      maxCount: 1,
    });
    return { nextExpectedRevision: result.nextExpectedRevision, position: last?.position ?? 0n };
  }

  /** Replaces the appending client after an append got no answer on it (see `appender`). */
  private renewAppender(stale: KurrentDBClient) {
    if (this.appender !== stale || this.closing.signal.aborted) return;
    this.appender = KurrentDBClient.connectionString(this.connectionString);
    stale.dispose().catch(() => undefined);
  }

  /** A stream in revision order, read from the leader (command handling decides on it). */
  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return withRetry(
      `read of ${streamName}`,
      async (abandoned) => {
        const out: RecordedEvent[] = [];
        try {
          for await (const resolved of this.client.readStream(streamName, {
            direction: FORWARDS,
            fromRevision: options.fromRevision ?? START,
            requiresLeader: true,
            ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
          })) {
            if (abandoned.aborted) break;
            if (resolved.event) out.push(toRecorded(resolved.event));
          }
        } catch (error) {
          if (error instanceof StreamNotFoundError) return [];
          throw error;
        }
        return out;
      },
      this.retry,
      this.logger,
    );
  }

  /**
   * A page of user events after `after`. The server filters `$`-streams out and we drop `$`
   * event types, so one server read can come back short while more follows: read on until the
   * page is full or the log ends. A position from outside must be an event's position.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? 0n;
    await this.checkBoundary(after);
    return withRetry(
      'read of $all',
      (abandoned) => this.readPage(after, options.maxCount ?? this.pageSize, abandoned),
      this.retry,
      this.logger,
    );
  }

  private async readPage(
    after: bigint,
    maxCount: number,
    abandoned?: AbortSignal,
  ): Promise<RecordedEvent[]> {
    const page = await readUserPage(this.client, after, maxCount, abandoned);
    this.remember(page.at(-1)?.position);
    return page;
  }

  /** Refuses a position that is not 0 and not the position of a record in the log. */
  private async checkBoundary(position: bigint, retry = true): Promise<void> {
    if (position <= 0n || this.known.has(position)) return;
    const read = () => positionAt(this.client, position);
    const found = retry
      ? await withRetry('read of $all', read, this.retry, this.logger)
      : await read();
    if (found !== position)
      throw new InvalidPositionError(
        `position ${position} is not the position of an event in this KurrentDB log`,
      );
    this.remember(position);
  }

  private remember(position: bigint | undefined) {
    if (position === undefined || position <= 0n) return;
    if (this.known.size >= KNOWN_POSITIONS) this.known.clear();
    this.known.add(position);
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent[]> {
    const signal = options.signal
      ? AbortSignal.any([options.signal, this.closing.signal])
      : this.closing.signal;
    return subscribeToAll(
      {
        client: this.client,
        logger: this.logger,
        backoff: this.backoff,
        pageSize: this.pageSize,
        // One attempt under the deadline: the subscription has its own backoff.
        readPage: (after, maxCount) =>
          withRetry(
            'read of $all',
            (abandoned) => this.readPage(after, maxCount, abandoned),
            { ...this.retry, budgetMs: 0 },
            this.logger,
          ),
        checkStart: (after) => this.checkBoundary(after, false),
      },
      options.after ?? 0n,
      signal,
    );
  }

  /**
   * Position of the last user event, read from the leader with the same filter as `readAll` and
   * the subscription, so the read model can reach it (`/ready` waits for it).
   */
  async headPosition(): Promise<bigint> {
    try {
      return await withRetry(
        'read of the head position',
        () => lastUserPosition(this.client),
        this.retry,
        this.logger,
      );
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
    await Promise.all([this.client.dispose(), this.appender.dispose()]);
  }
}
