import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import {
  type AppendOptions,
  type AppendResult,
  DuplicateEventIdError,
  type EventData,
  type EventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from './port.js';
import { CommitThread } from './sqlite-commit-thread.js';
import { type AppendOutcome, LogWriter, openLog } from './sqlite-log.js';
import {
  type EventRow,
  nextWake,
  type PendingAppend,
  prepareReads,
  type SqliteEventStoreOptions,
  type SqliteEventStoreStats,
  serializeEvents,
  settle,
  toRecorded,
} from './sqlite-rows.js';
import { groupOf } from './sqlite-wire.js';
import { asStorageError } from './storage-error.js';

export type { EventRow, SqliteEventStoreOptions, SqliteEventStoreStats };
export { DuplicateEventIdError, toRecorded };

const DEFAULT_PAGE = 2000;

/**
 * The embedded event store: one SQLite file in WAL mode with `synchronous=FULL`, so a commit is
 * on disk before its append is acknowledged. Appends are group-committed: those that arrive
 * together go in one transaction, each keeping its own expected-revision check (made before it
 * writes anything), and a refused append leaves no row behind, so one conflicting append fails
 * alone. Commits run on a thread of their own (sqlite-commit-thread.ts, sqlite-commit-worker.ts):
 * a group is sent there in pieces as its appends are made, and while it waits for the disk the
 * next is gathered here, to be sent the moment the first is durable. Reads use this thread's own
 * connection; an in-memory log (or `inlineCommits`) commits on this thread.
 */
export class SqliteEventStore implements EventStore {
  readonly eventIdScope = 'log'; // an id is unique in the whole log (EventStore.eventIdScope)
  private readonly db: Database.Database;
  /** Appends waiting for the next inline commit. */
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private waiters = new Set<() => void>();
  private readonly stmt;
  private readonly commits: CommitThread | undefined;
  private readonly inline: LogWriter | undefined;
  private readonly options: SqliteEventStoreOptions;
  private readonly statistics: SqliteEventStoreStats = {
    transactions: 0,
    appends: 0,
    largestGroup: 0,
  };

  /** The log's file (undefined for `:memory:`): the bulk rebuild reads it on a worker thread. */
  readonly file: string | undefined;

  constructor(path: string, options: SqliteEventStoreOptions = {}) {
    this.file = path === ':memory:' ? undefined : path;
    if (this.file) mkdirSync(dirname(this.file), { recursive: true });
    if (options.firstPosition !== undefined && options.firstPosition < 1n)
      throw new RangeError('firstPosition must be at least 1');
    this.options = options;
    this.db = openLog(path);
    if (!this.file || options.inlineCommits)
      this.inline = new LogWriter(this.db, options.firstPosition);
    else
      this.commits = new CommitThread({
        path: this.file,
        firstPosition: options.firstPosition,
        now: () => this.now(),
        answered: (batch, outcomes) => {
          // A group that failed as a whole rolled back: nothing of it is stored.
          if (outcomes instanceof Error) for (const request of batch) request.reject(outcomes);
          else this.acknowledge(batch, outcomes);
        },
      });
    this.stmt = prepareReads(this.db);
  }

  private now(): bigint {
    return BigInt((this.options.now?.() ?? new Date()).getTime());
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
      json = serializeEvents(events);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      const request: PendingAppend = {
        streamName,
        events,
        json,
        expectedRevision: options.expectedRevision,
        unless: options.unless,
        resolve,
        reject,
      };
      if (this.commits) {
        this.commits.add(request);
        return;
      }
      this.pending.push(request);
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits every pending append as one group, on this thread (inline commits). */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0 || !this.inline) return;
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.inline.commit(groupOf(batch), this.now());
    } catch (error) {
      // The whole group rolled back: nothing of it is stored.
      const refused = asStorageError(error, this.file ?? ':memory:');
      for (const request of batch) request.reject(refused);
      return;
    }
    this.acknowledge(batch, outcomes);
  }

  private acknowledge(batch: PendingAppend[], outcomes: AppendOutcome[]): void {
    this.statistics.transactions += 1;
    this.statistics.appends += batch.length;
    this.statistics.largestGroup = Math.max(this.statistics.largestGroup, batch.length);
    settle(batch, outcomes);
    this.wakeSubscribers();
  }

  /** Resolves once every append made so far is committed (or refused). */
  private drain(): Promise<void> {
    if (this.commits) return this.commits.drain();
    this.flush();
    return Promise.resolve();
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
      const commits = this.statistics.transactions;
      const batch = this.readAllSync(after, DEFAULT_PAGE);
      const last = batch.at(-1);
      if (last) {
        after = last.position;
        yield batch;
        // A short page was the head when it was read: unless this store committed since, wait
        // for its next commit instead of reading an empty page (checked and registered in one
        // turn, so no commit slips between).
        if (
          batch.length < DEFAULT_PAGE &&
          this.statistics.transactions === commits &&
          !this.closed &&
          !signal?.aborted
        )
          await this.nextCommit(signal);
        continue;
      }
      // No await between the empty read and registering the waiter: no commit can slip between.
      await this.nextCommit(signal);
    }
  }

  private nextCommit(signal?: AbortSignal): Promise<void> {
    return nextWake(this.waiters, signal);
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
    this.closed = true;
    await this.drain();
    await this.commits?.close();
    this.wakeSubscribers();
    this.db.close();
  }
}
