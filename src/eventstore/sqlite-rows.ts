/** The embedded log's rows, options and messages, and how its rows become the port's events. */
import type Database from 'better-sqlite3';
import { parseStoredJson } from './damaged.js';
import {
  type AppendOptions,
  type AppendResult,
  type EventData,
  type ExpectedRevision,
  originalRecordedAt,
  type RecordedEvent,
} from './port.js';
import { type AppendOutcome, outcomeError } from './sqlite-log.js';
import { StorageError } from './storage-error.js';

export interface SqliteEventStoreOptions {
  /**
   * Global position of the first event when the log is empty (default 1n). Positions are bigints
   * end to end; set this above 2^53 (e.g. `2n ** 53n + 1n`) to prove it, as the contract suite
   * does. SQLite positions go up to 2^63 - 1. Ignored once the log holds events.
   */
  firstPosition?: bigint;
  /** Stamps `recordedAt` (a controllable clock in tests); the system clock by default. */
  now?: () => Date;
  /**
   * Commit on the calling thread instead of the commit thread (the design before issue 14, kept
   * so the benchmark can compare both in one run). Ignored for `:memory:`, which always does.
   */
  inlineCommits?: boolean;
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

export interface PendingAppend {
  streamName: string;
  events: readonly EventData[];
  /** data and metadata as JSON, serialized before queuing so a bad payload fails alone. */
  json: Array<{ data: string; metadata: string }>;
  expectedRevision: ExpectedRevision;
  unless: AppendOptions['unless'];
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

export interface EventRow {
  position: bigint;
  id: string;
  stream: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  recorded_at: bigint;
}

export type CommitMessage =
  | { ready: true }
  | { outcomes: readonly AppendOutcome[] }
  | { ok: BigInt64Array }
  | { failed: { message: string; storage: StorageError['code'] | undefined } };

/** A row of the `events` table as the port's RecordedEvent (also used by the bulk rebuild's reader). */
export function toRecorded(row: EventRow): RecordedEvent {
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

/** data and metadata as JSON, made before queuing so a bad payload fails alone. */
export function serializeEvents(events: readonly EventData[]): PendingAppend['json'] {
  return events.map((e) => {
    const data: unknown = JSON.stringify(e.data);
    if (typeof data !== 'string')
      throw new TypeError(`event ${e.id}: data must be JSON-serializable, got ${typeof e.data}`);
    return { data, metadata: JSON.stringify(e.metadata ?? {}) };
  });
}

/** The reads this thread's connection runs. */
export function prepareReads(db: Database.Database) {
  return {
    readStream: db
      .prepare('SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?')
      .safeIntegers(true),
    readAll: db
      .prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?')
      .safeIntegers(true),
    head: db.prepare('SELECT max(position) AS p FROM events').safeIntegers(true),
  };
}

/** Answers each append of a committed group with its own outcome. */
export function settle(batch: readonly PendingAppend[], outcomes: readonly AppendOutcome[]): void {
  batch.forEach((request, i) => {
    const outcome = outcomes[i];
    if (outcome && 'ok' in outcome) request.resolve(outcome.ok);
    else request.reject(outcome ? outcomeError(outcome) : new Error('no outcome'));
  });
}

/** The error every append of a group that rolled back is refused with. */
export function groupFailure(failed: Extract<CommitMessage, { failed: unknown }>['failed']): Error {
  return failed.storage
    ? new StorageError(failed.storage, failed.message)
    : new Error(failed.message);
}

/** Resolves at the next wake-up call (or when `signal` aborts); `waiters` holds the callers. */
export function nextWake(waiters: Set<() => void>, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      waiters.delete(wake);
      signal?.removeEventListener('abort', wake);
      resolve();
    };
    waiters.add(wake);
    signal?.addEventListener('abort', wake, { once: true });
  });
}
