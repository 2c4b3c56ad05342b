/**
 * The event-store port: the one small interface every adapter (embedded SQLite, KurrentDB)
 * implements. Positions and revisions are bigints end to end, so logs past 2^53 stay exact.
 */

/** Who caused an event and why; stored beside every event. */
export interface EventMetadata {
  actor?: string;
  correlationId?: string;
  causationId?: string;
  /**
   * Set by `replika migrate` on events copied from another log: where the event stood there and
   * when it was first recorded. Adapters report `$migration.recordedAt` as the event's
   * `recordedAt`, so a migrated log keeps its original recording times.
   */
  $migration?: MigrationMetadata;
  [key: string]: unknown;
}

export interface MigrationMetadata {
  /** The event's position in the source log (decimal string: it may exceed 2^53). */
  sourcePosition: string;
  /** ISO-8601 time the event was first recorded. */
  recordedAt: string;
  /**
   * Source position up to which every event had been copied when this one was sent: where an
   * interrupted migration may safely resume (absent on events migrated by older versions).
   */
  resumeAfter?: string;
}

/** The time an event was first recorded: the migrated original if any, else the store's own. */
export function originalRecordedAt(metadata: unknown, stored: Date): Date {
  const migration = (metadata as EventMetadata | null)?.$migration;
  if (migration && typeof migration.recordedAt === 'string') {
    const date = new Date(migration.recordedAt);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return stored;
}

/** An event about to be appended. `id` is a UUID and makes appends idempotent. */
export interface EventData<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

/** An event as stored in the log. */
export interface RecordedEvent<Type extends string = string, Data = unknown>
  extends EventData<Type, Data> {
  streamName: string;
  /** Zero-based revision of the event within its stream. */
  revision: bigint;
  /** Position in the global log; strictly increasing, first event > 0. */
  position: bigint;
  recordedAt: Date;
}

/**
 * What the appender believes about the stream:
 * - `no_stream`: the stream must not exist yet;
 * - `stream_exists`: the stream must have at least one event;
 * - `any`: no check;
 * - a bigint: the revision of the stream's last event.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

export interface AppendResult {
  /** Revision of the last event appended (the next append's expected revision). */
  nextExpectedRevision: bigint;
  /** Global position of the last event appended. */
  position: bigint;
}

export interface ReadAllOptions {
  /** Exclusive: read events whose position is greater than this. Default 0n (from the start). */
  after?: bigint;
  maxCount?: number;
}

export interface ReadStreamOptions {
  /** Inclusive revision to start from. Default 0n. */
  fromRevision?: bigint;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive starting position; default 0n (the whole log). */
  after?: bigint;
  signal?: AbortSignal;
}

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
  /**
   * Refuse the append (AppendRefusedError, nothing written) when `stream` already holds an event
   * of type `holds` — e.g. the acting token's revocation. The embedded store checks it in the
   * append's own transaction (so nothing lands after the event it guards against); KurrentDB,
   * which has no condition across streams, checks it just before appending.
   */
  unless?: { stream: string; holds: string };
}

/** An append refused by its `unless` condition; nothing of it was written. */
export class AppendRefusedError extends Error {
  override readonly name = 'AppendRefusedError';
  constructor(
    readonly streamName: string,
    readonly guard: { stream: string; holds: string },
  ) {
    super(`append to ${streamName} refused: ${guard.stream} holds ${guard.holds}`);
  }
}

export interface EventStore {
  /**
   * Where an event id is unique. `log`: an id stored in one stream is refused in any other (the
   * embedded store), so ids derived from an idempotency key claim that key in the log itself, in
   * the events' own append. `stream` (the default; KurrentDB): ids are checked per stream only,
   * so an idempotency key is claimed by an append to a stream of its own (see
   * src/application/idempotency-claims.ts).
   */
  readonly eventIdScope?: 'log' | 'stream';
  append(
    streamName: string,
    events: readonly EventData[],
    options: AppendOptions,
  ): Promise<AppendResult>;
  /** Events of one stream in revision order; empty when the stream does not exist. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** A page of the global log in position order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Catch-up subscription over the global log: yields non-empty batches in position order,
   * first the history after `after`, then live events, with no gap and no duplicate.
   * Ends when `signal` aborts or the store closes.
   */
  subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent[]>;
  /** Position of the last event in the log (0n when empty). */
  headPosition(): Promise<bigint>;
  close(): Promise<void>;
}

/**
 * Appending events whose ids are already stored, but not as this exact append (a retry of an
 * append answers its first result instead).
 */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
}

/**
 * The append is larger than the store accepts in one append (KurrentDB: 1 MiB of event data and
 * metadata by default). Nothing was written; split it into smaller appends.
 */
export class AppendTooLargeError extends Error {
  override readonly name = 'AppendTooLargeError';
  constructor(
    message: string,
    /** The store's limit in bytes. */
    readonly limit: number,
  ) {
    super(message);
  }
}

/** A position given from outside (a cursor, a header) that is not an event's position in the log. */
export class InvalidPositionError extends Error {
  override readonly name = 'InvalidPositionError';
}

/** The stream's actual revision did not match the expected one. Command handling retries. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** `undefined` when the stream does not exist. */
    readonly actual: bigint | undefined,
  ) {
    super(
      `wrong expected revision on ${streamName}: expected ${String(expected)}, actual ${
        actual === undefined ? 'no stream' : String(actual)
      }`,
    );
  }
}

/** Returns `undefined` when `actual` satisfies `expected`, else the error to throw. */
export function checkExpectedRevision(
  streamName: string,
  expected: ExpectedRevision,
  actual: bigint | undefined,
): ConcurrencyError | undefined {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === undefined) ||
    (expected === 'stream_exists' && actual !== undefined) ||
    (typeof expected === 'bigint' && actual === expected);
  return ok ? undefined : new ConcurrencyError(streamName, expected, actual);
}
