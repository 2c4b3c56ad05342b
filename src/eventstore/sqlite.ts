import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { parseStoredJson } from './damaged.js';
import {
  type AppendOptions,
  AppendRefusedError,
  type AppendResult,
  ConcurrencyError,
  checkExpectedRevision,
  DuplicateEventIdError,
  type EventData,
  type EventStore,
  type ExpectedRevision,
  originalRecordedAt,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from './port.js';
import { asStorageError } from './storage-error.js';

export { DuplicateEventIdError };

export interface SqliteEventStoreOptions {
  /**
   * Global position of the first event when the log is empty (default 1n). Positions are bigints
   * end to end; set this above 2^53 (e.g. `2n ** 53n + 1n`) to prove it, as the contract suite
   * does. SQLite positions go up to 2^63 - 1. Ignored once the log holds events.
   */
  firstPosition?: bigint;
  /** Stamps `recordedAt` (a controllable clock in tests); the system clock by default. */
  now?: () => Date;
}

/** Counters that show group commit at work. */
export interface SqliteEventStoreStats {
  /** Write transactions committed (each one fsync'd before its appends are acknowledged). */
  transactions: number;
  /** Appends acknowledged (successful or refused) through those transactions. */
  appends: number;
  /** Most appends committed in one transaction so far. */
  largestGroup: number;
}

interface PendingAppend {
  streamName: string;
  events: readonly EventData[];
  /** data and metadata as JSON, serialized before queuing so a bad payload fails alone. */
  json: Array<{ data: string; metadata: string }>;
  expectedRevision: ExpectedRevision;
  unless: AppendOptions['unless'];
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

interface EventRow {
  position: bigint;
  id: string;
  stream: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  recorded_at: bigint;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY,
  id          TEXT    NOT NULL UNIQUE,
  stream      TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at INTEGER NOT NULL,
  UNIQUE (stream, revision)
);`;

const DEFAULT_PAGE = 2000;

/**
 * The embedded event store: one SQLite file in WAL mode with `synchronous=FULL`, so a commit is
 * on disk before its append is acknowledged. Appends that arrive in the same turn of the event
 * loop are group-committed in one transaction; each keeps its own expected-revision check (made
 * before it writes anything) and a refused append leaves no row behind, so one conflicting
 * append fails alone.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private waiters = new Set<() => void>();
  private readonly stmt;
  private readonly firstPosition: bigint | undefined;
  private readonly now: (() => Date) | undefined;
  private readonly statistics: SqliteEventStoreStats = {
    transactions: 0,
    appends: 0,
    largestGroup: 0,
  };

  constructor(
    private readonly path: string,
    options: SqliteEventStoreOptions = {},
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    if (options.firstPosition !== undefined && options.firstPosition < 1n)
      throw new RangeError('firstPosition must be at least 1');
    this.firstPosition = options.firstPosition;
    this.now = options.now;
    // Another process writing the same file (e.g. `replika migrate` into it) holds the write lock
    // only for one short transaction at a time: wait for it rather than fail with SQLITE_BUSY.
    // (The wait is synchronous, so it stays short.)
    this.db = new Database(path, { timeout: 5_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    // Each append looks up its first event id and its stream's revision in two indexes that grow
    // with the log and are hit at random (ids are UUIDs): keep up to 64 MiB of them in memory
    // rather than SQLite's default 2 MiB.
    this.db.pragma('cache_size = -65536');
    // Checkpoint the WAL every ~40 MB instead of every 4 MB: fewer checkpoints (each copies pages
    // back and syncs the database file) inside the group commits. Durability is unchanged: every
    // commit still syncs the WAL.
    this.db.pragma('wal_autocheckpoint = 10000');
    this.db.exec(SCHEMA);
    const db = this.db;
    this.stmt = {
      // A NULL position lets SQLite pick max(position) + 1, so positions stay contiguous.
      insert: db
        .prepare(
          `INSERT INTO events (position, id, stream, revision, type, data, metadata, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .safeIntegers(true),
      streamRevision: db
        .prepare('SELECT max(revision) AS r FROM events WHERE stream = ?')
        .safeIntegers(true),
      byId: db
        .prepare('SELECT stream, revision, position FROM events WHERE id = ?')
        .safeIntegers(true),
      readStream: db
        .prepare(
          'SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
        )
        .safeIntegers(true),
      readAll: db
        .prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?')
        .safeIntegers(true),
      head: db.prepare('SELECT max(position) AS p FROM events').safeIntegers(true),
      holds: db.prepare('SELECT 1 FROM events WHERE stream = ? AND type = ? LIMIT 1'),
      undo: db.prepare('DELETE FROM events WHERE position >= ?'),
    };
  }

  append(
    streamName: string,
    events: readonly EventData[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('event store is closed'));
    if (events.length === 0) return Promise.reject(new Error('append needs at least one event'));
    let json: PendingAppend['json'];
    try {
      json = events.map((e) => {
        const data: unknown = JSON.stringify(e.data);
        if (typeof data !== 'string')
          throw new TypeError(
            `event ${e.id}: data must be JSON-serializable, got ${typeof e.data}`,
          );
        return { data, metadata: JSON.stringify(e.metadata ?? {}) };
      });
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.pending.push({
        streamName,
        events,
        json,
        expectedRevision: options.expectedRevision,
        unless: options.unless,
        resolve,
        reject,
      });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits every pending append in one transaction, then acknowledges each. */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const outcomes: Array<{ ok: AppendResult } | { error: unknown }> = [];
    try {
      // IMMEDIATE takes the write lock up front (waiting up to the busy timeout for another
      // process), so the revision checks and the inserts see one consistent log. The commit
      // returns only after the WAL is fsync'd (synchronous=FULL): nothing is acknowledged before.
      this.db
        .transaction(() => {
          for (const request of batch) {
            try {
              outcomes.push({ ok: this.write(request) });
            } catch (error) {
              // A refused append left no trace (see write); anything else fails the whole group.
              if (
                !(
                  error instanceof ConcurrencyError ||
                  error instanceof DuplicateEventIdError ||
                  error instanceof AppendRefusedError
                )
              )
                throw error;
              outcomes.push({ error });
            }
          }
        })
        .immediate();
    } catch (error) {
      // The whole group rolled back: nothing of it is stored.
      const refused = asStorageError(error, this.path);
      for (const request of batch) request.reject(refused);
      return;
    }
    this.statistics.transactions += 1;
    this.statistics.appends += batch.length;
    this.statistics.largestGroup = Math.max(this.statistics.largestGroup, batch.length);
    batch.forEach((request, i) => {
      const outcome = outcomes[i];
      if (outcome && 'ok' in outcome) request.resolve(outcome.ok);
      else request.reject(outcome?.error);
    });
    this.wakeSubscribers();
  }

  private write(request: PendingAppend): AppendResult {
    const { streamName, events, expectedRevision } = request;
    const replay = this.previousAppend(streamName, events);
    if (replay) return replay;
    // In the same transaction as the inserts: an event the guard names, committed earlier in
    // this group or before it, refuses this append, so nothing lands after it.
    const guard = request.unless;
    if (guard && this.stmt.holds.get(guard.stream, guard.holds) !== undefined)
      throw new AppendRefusedError(streamName, guard);
    const row = this.stmt.streamRevision.get(streamName) as { r: bigint | null };
    const actual = row.r ?? undefined;
    const conflict = checkExpectedRevision(streamName, expectedRevision, actual);
    if (conflict) throw conflict;
    let revision = actual ?? -1n;
    let position = 0n;
    const now = BigInt((this.now?.() ?? new Date()).getTime());
    let explicitPosition =
      this.firstPosition !== undefined && (this.stmt.head.get() as { p: bigint | null }).p === null
        ? this.firstPosition
        : null;
    let firstInserted: bigint | undefined;
    for (const [index, event] of events.entries()) {
      revision += 1n;
      let info: Database.RunResult;
      try {
        info = this.stmt.insert.run(
          explicitPosition,
          event.id,
          streamName,
          revision,
          event.type,
          request.json[index]?.data,
          request.json[index]?.metadata,
          now,
        );
      } catch (error) {
        // Undo this append's earlier inserts: they are the newest rows of the transaction, and
        // cheaper to delete on this rare path than a savepoint around every append. Only the id
        // can collide here (the revision was checked above).
        if (firstInserted !== undefined) this.stmt.undo.run(firstInserted);
        if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE')
          throw new DuplicateEventIdError(
            `event ${event.id} is already stored (or repeated in this append to ${streamName})`,
          );
        throw error;
      }
      position = BigInt(info.lastInsertRowid);
      firstInserted ??= position;
      explicitPosition = null;
    }
    return { nextExpectedRevision: revision, position };
  }

  /**
   * Idempotency by event id: when the first event's id is stored, the append is a retry. It is
   * answered with the original result when every id matches the same consecutive revisions of the
   * same stream, and refused otherwise.
   */
  private previousAppend(streamName: string, events: readonly EventData[]): AppendResult | null {
    const first = events[0];
    if (!first) return null;
    const found = this.stmt.byId.get(first.id) as
      | { stream: string; revision: bigint; position: bigint }
      | undefined;
    if (!found) return null;
    let last = found;
    for (const [i, event] of events.entries()) {
      const stored = this.stmt.byId.get(event.id) as typeof found | undefined;
      if (!stored || stored.stream !== streamName || stored.revision !== found.revision + BigInt(i))
        throw new DuplicateEventIdError(
          `event ${event.id} is already stored, but not as part of this append to ${streamName}`,
        );
      last = stored;
    }
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const rows = this.stmt.readStream.all(
      streamName,
      options.fromRevision ?? 0n,
      options.maxCount ?? -1,
    ) as EventRow[];
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAllSync(options.after ?? 0n, options.maxCount ?? DEFAULT_PAGE);
  }

  private readAllSync(after: bigint, maxCount: number): RecordedEvent[] {
    return (this.stmt.readAll.all(after, maxCount) as EventRow[]).map(toRecorded);
  }

  async *subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent[]> {
    let after = options.after ?? 0n;
    const { signal } = options;
    while (!this.closed && !signal?.aborted) {
      const batch = this.readAllSync(after, DEFAULT_PAGE);
      const last = batch.at(-1);
      if (last) {
        after = last.position;
        yield batch;
        continue;
      }
      // No await between the empty read and registering the waiter: no commit can slip between.
      await this.nextCommit(signal);
    }
  }

  private nextCommit(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.waiters.delete(wake);
        signal?.removeEventListener('abort', wake);
        resolve();
      };
      this.waiters.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }

  private wakeSubscribers(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** Group-commit counters since this store was opened. */
  stats(): SqliteEventStoreStats {
    return { ...this.statistics };
  }

  /** The durability settings in force on the writing connection. */
  durability(): { journalMode: string; synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA' } {
    const journalMode = String(this.db.pragma('journal_mode', { simple: true }));
    const level = Number(this.db.pragma('synchronous', { simple: true }));
    const synchronous = (['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const)[level] ?? 'OFF';
    return { journalMode, synchronous };
  }

  async headPosition(): Promise<bigint> {
    return (this.stmt.head.get() as { p: bigint | null }).p ?? 0n;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.wakeSubscribers();
    this.db.close();
  }
}

function toRecorded(row: EventRow): RecordedEvent {
  const at = {
    position: row.position,
    streamName: row.stream,
    revision: row.revision,
    type: row.type,
  };
  const metadata = parseStoredJson(row.metadata, 'metadata', at) as Record<string, unknown>;
  return {
    id: row.id,
    streamName: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: parseStoredJson(row.data, 'data', at),
    metadata,
    recordedAt: originalRecordedAt(metadata, new Date(Number(row.recorded_at))),
  };
}
