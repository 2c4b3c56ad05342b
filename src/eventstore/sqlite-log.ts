import Database from 'better-sqlite3';
import {
  type AppendOptions,
  AppendRefusedError,
  type AppendResult,
  ConcurrencyError,
  checkExpectedRevision,
  DuplicateEventIdError,
  type ExpectedRevision,
} from './port.js';

/**
 * The embedded log's file and its writer: the schema, the durability settings, and the group
 * commit — each append's expected-revision check and inserts, in one transaction per group that
 * returns only after the WAL is fsync'd. The writer runs on the store's commit thread
 * (sqlite-commit-worker.ts), or inline for an in-memory log; what it answers crosses threads.
 */
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

/** Opens a connection to the log with replika's settings (creating the schema if needed). */
export function openLog(path: string): Database.Database {
  // Another process writing the same file (e.g. `replika migrate` into it) holds the write lock
  // only for one short transaction at a time: wait for it rather than fail with SQLITE_BUSY.
  const db = new Database(path, { timeout: 5_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // Each append looks up its first event id and its stream's revision in two indexes that grow
  // with the log and are hit at random: keep up to 64 MiB of them in memory.
  db.pragma('cache_size = -65536');
  // Checkpoint the WAL every ~40 MB instead of every 4 MB: fewer checkpoints inside the group
  // commits. Durability is unchanged: every commit still syncs the WAL.
  db.pragma('wal_autocheckpoint = 10000');
  db.exec(SCHEMA);
  return db;
}

/** One append of a group, as it crosses to the commit thread (payloads already JSON). */
export interface GroupAppend {
  streamName: string;
  events: Array<{ id: string; type: string; data: string; metadata: string }>;
  expectedRevision: ExpectedRevision;
  unless: AppendOptions['unless'];
}

/** What one append of a group came to. */
export type AppendOutcome =
  | { ok: AppendResult }
  | {
      conflict: { streamName: string; expected: ExpectedRevision; actual: bigint | undefined };
    }
  | { duplicate: string }
  | { refused: { streamName: string; guard: { stream: string; holds: string } } };

/** The error an outcome stands for (in the thread that acknowledges it). */
export function outcomeError(outcome: AppendOutcome): Error | undefined {
  if ('conflict' in outcome) {
    const { streamName, expected, actual } = outcome.conflict;
    return new ConcurrencyError(streamName, expected, actual);
  }
  if ('duplicate' in outcome) return new DuplicateEventIdError(outcome.duplicate);
  if ('refused' in outcome)
    return new AppendRefusedError(outcome.refused.streamName, outcome.refused.guard);
  return undefined;
}

/** Streams the writer remembers the revision of, at most (then it starts again from none). */
const MAX_REMEMBERED_STREAMS = 50_000;

export class LogWriter {
  private readonly stmt;
  /**
   * Each stream's last revision as this writer last wrote it, so an append to a stream it wrote
   * before needs no lookup. Valid while no other connection commits to the file (checked
   * at each group's start with `data_version`); emptied when a group rolls back.
   */
  private readonly revisions = new Map<string, bigint>();
  private dataVersion: unknown;

  constructor(
    private readonly db: Database.Database,
    private readonly firstPosition: bigint | undefined,
  ) {
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
      head: db.prepare('SELECT max(position) AS p FROM events').safeIntegers(true),
      holds: db.prepare('SELECT 1 FROM events WHERE stream = ? AND type = ? LIMIT 1'),
      undo: db.prepare('DELETE FROM events WHERE position >= ?'),
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
    };
  }

  /**
   * Opens a group's transaction. IMMEDIATE takes the write lock up front (waiting up to the busy
   * timeout for another process), so the revision checks and the inserts of the whole group see
   * one consistent log.
   */
  begin(): void {
    this.stmt.begin.run();
    // Another connection (another process on the file, e.g. `replika migrate`) committed since
    // this writer's last group: what it remembers of the streams may be out of date.
    const version = this.stmt.dataVersion.get();
    if (version !== this.dataVersion || this.revisions.size > MAX_REMEMBERED_STREAMS)
      this.revisions.clear();
    this.dataVersion = version;
  }

  /**
   * One append of the open group and its outcome: a refused append leaves no row behind (see
   * write); anything else throws, and the whole group must be rolled back.
   */
  append(request: GroupAppend, now: bigint): AppendOutcome {
    try {
      return { ok: this.write(request, now) };
    } catch (error) {
      if (error instanceof ConcurrencyError)
        return {
          conflict: {
            streamName: error.streamName,
            expected: error.expected,
            actual: error.actual,
          },
        };
      if (error instanceof DuplicateEventIdError) return { duplicate: error.message };
      if (error instanceof AppendRefusedError)
        return { refused: { streamName: error.streamName, guard: error.guard } };
      throw error;
    }
  }

  /** Commits the open group: returns only after the WAL is fsync'd (synchronous=FULL). */
  end(): void {
    this.stmt.commit.run();
  }

  /** Drops the open group, if one is open: nothing of it is stored. */
  rollback(): void {
    this.revisions.clear(); // it may hold revisions of rows that are not stored after all
    if (this.db.inTransaction) this.stmt.rollback.run();
  }

  /**
   * Commits a group in one transaction and answers each append's outcome. Throws when the whole
   * group failed (nothing of it is stored; see asStorageError for a full or failing disk).
   */
  commit(group: readonly GroupAppend[], now: bigint): AppendOutcome[] {
    try {
      this.begin();
      const outcomes = group.map((request) => this.append(request, now));
      this.end();
      return outcomes;
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  private write(request: GroupAppend, now: bigint): AppendResult {
    const { streamName, events, expectedRevision } = request;
    // In the same transaction as the inserts: an event the guard names, committed earlier in
    // this group or before it, refuses this append, so nothing lands after it.
    const guard = request.unless;
    if (guard && this.stmt.holds.get(guard.stream, guard.holds) !== undefined)
      return this.replayOr(request, new AppendRefusedError(streamName, guard));
    const actual =
      this.revisions.get(streamName) ??
      (this.stmt.streamRevision.get(streamName) as { r: bigint | null }).r ??
      undefined;
    const conflict = checkExpectedRevision(streamName, expectedRevision, actual);
    if (conflict) return this.replayOr(request, conflict);
    let revision = actual ?? -1n;
    let position = 0n;
    let explicitPosition =
      this.firstPosition !== undefined && (this.stmt.head.get() as { p: bigint | null }).p === null
        ? this.firstPosition
        : null;
    let firstInserted: bigint | undefined;
    for (const event of events) {
      revision += 1n;
      let info: Database.RunResult;
      try {
        info = this.stmt.insert.run(
          explicitPosition,
          event.id,
          streamName,
          revision,
          event.type,
          event.data,
          event.metadata,
          now,
        );
      } catch (error) {
        if (!(error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE'))
          throw error;
        // Only the id can collide here (the revision was checked above). The first event's id
        // stored already: a retry, answered as the original was (see previousAppend).
        if (firstInserted === undefined)
          return this.replayOr(
            request,
            new DuplicateEventIdError(`event ${event.id} is already stored`),
          );
        // Undo this append's earlier inserts: they are the newest rows of the transaction, and
        // cheaper to delete on this rare path than a savepoint around every append.
        this.stmt.undo.run(firstInserted);
        throw new DuplicateEventIdError(
          `event ${event.id} is already stored (or repeated in this append to ${streamName})`,
        );
      }
      position = info.lastInsertRowid as bigint;
      firstInserted ??= position;
      explicitPosition = null;
    }
    this.revisions.set(streamName, revision);
    return { nextExpectedRevision: revision, position };
  }

  /**
   * An append that would be refused (its guard holds, its expected revision is not the stream's,
   * or its first id is stored) may be a retry of one that went through: then it is answered with
   * the original result, as if it had been checked first. Checked only on these paths, so a new
   * append — the usual case — costs no id lookup.
   */
  private replayOr(request: GroupAppend, refusal: Error): AppendResult {
    const replay = this.previousAppend(request.streamName, request.events);
    if (replay) return replay;
    throw refusal;
  }

  /**
   * Idempotency by event id: when the first event's id is stored, the append is a retry. It is
   * answered with the original result when every id matches the same consecutive revisions of the
   * same stream, and refused otherwise.
   */
  private previousAppend(streamName: string, events: GroupAppend['events']): AppendResult | null {
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
}
