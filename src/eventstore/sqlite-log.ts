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

export class LogWriter {
  private readonly stmt;

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
    };
  }

  /**
   * Commits a group in one transaction and answers each append's outcome. IMMEDIATE takes the
   * write lock up front (waiting up to the busy timeout for another process), so the revision
   * checks and the inserts see one consistent log; the commit returns only after the WAL is
   * fsync'd (synchronous=FULL). Throws when the whole group failed (nothing of it is stored;
   * see asStorageError for a full or failing disk).
   */
  commit(group: readonly GroupAppend[], now: bigint): AppendOutcome[] {
    const outcomes: AppendOutcome[] = [];
    this.db
      .transaction(() => {
        for (const request of group) {
          try {
            outcomes.push({ ok: this.write(request, now) });
          } catch (error) {
            // A refused append left no trace (see write); anything else fails the whole group.
            if (error instanceof ConcurrencyError)
              outcomes.push({
                conflict: {
                  streamName: error.streamName,
                  expected: error.expected,
                  actual: error.actual,
                },
              });
            else if (error instanceof DuplicateEventIdError)
              outcomes.push({ duplicate: error.message });
            else if (error instanceof AppendRefusedError)
              outcomes.push({ refused: { streamName: error.streamName, guard: error.guard } });
            else throw error;
          }
        }
      })
      .immediate();
    return outcomes;
  }

  private write(request: GroupAppend, now: bigint): AppendResult {
    const { streamName, events, expectedRevision } = request;
    // In the same transaction as the inserts: an event the guard names, committed earlier in
    // this group or before it, refuses this append, so nothing lands after it.
    const guard = request.unless;
    if (guard && this.stmt.holds.get(guard.stream, guard.holds) !== undefined)
      return this.replayOr(request, new AppendRefusedError(streamName, guard));
    const row = this.stmt.streamRevision.get(streamName) as { r: bigint | null };
    const actual = row.r ?? undefined;
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
