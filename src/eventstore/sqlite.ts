import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { startWorker } from '../threads.js';
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
import { type AppendOutcome, LogWriter, openLog } from './sqlite-log.js';
import {
  type CommitMessage,
  type EventRow,
  groupFailure,
  nextWake,
  type PendingAppend,
  prepareReads,
  type SqliteEventStoreOptions,
  type SqliteEventStoreStats,
  serializeEvents,
  settle,
  toRecorded,
} from './sqlite-rows.js';
import { groupOf, groupToWire, outcomesFromWire } from './sqlite-wire.js';
import { asStorageError } from './storage-error.js';

export type { EventRow, SqliteEventStoreOptions, SqliteEventStoreStats };
export { DuplicateEventIdError, toRecorded };

const DEFAULT_PAGE = 2000;

/**
 * The embedded event store: one SQLite file in WAL mode with `synchronous=FULL`, so a commit is
 * on disk before its append is acknowledged. Appends are group-committed: those that arrive
 * together go in one transaction, each keeping its own expected-revision check (made before it
 * writes anything), and a refused append leaves no row behind, so one conflicting append fails
 * alone. Commits run on a thread of their own (sqlite-commit-worker.ts): while one group waits
 * for the disk, the next is gathered here and sent the moment the first is durable. Reads use
 * this thread's own connection; an in-memory log commits inline.
 */
export class SqliteEventStore implements EventStore {
  readonly eventIdScope = 'log'; // an id is unique in the whole log (EventStore.eventIdScope)
  private readonly db: Database.Database;
  private pending: PendingAppend[] = [];
  /** The group the commit thread is committing now. */
  private inFlight: PendingAppend[] | undefined;
  private flushScheduled = false;
  private closed = false;
  private broken: Error | undefined;
  private waiters = new Set<() => void>();
  private drained = new Set<() => void>();
  private readonly stmt;
  private commitThread: Worker | undefined;
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
    this.stmt = prepareReads(this.db);
  }

  /** The commit thread, started by the first group (a store only read, e.g. by a rebuild, has none). */
  private thread(): Worker {
    if (this.commitThread) return this.commitThread;
    const thread = startWorker(import.meta.url, 'sqlite-commit-worker', {
      path: this.file,
      firstPosition: this.options.firstPosition,
    });
    thread.on('message', (message: CommitMessage) => this.committed(message));
    thread.on('error', (error) => this.fail(error));
    thread.on('exit', (code) => {
      if (!this.closed) this.fail(new Error(`the log's commit thread exited with ${code}`));
    });
    thread.unref(); // only a group being committed keeps the process alive
    this.commitThread = thread;
    return thread;
  }

  append(
    streamName: string,
    events: readonly EventData[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('event store is closed'));
    if (this.broken) return Promise.reject(this.broken);
    if (events.length === 0) return Promise.reject(new Error('append needs at least one event'));
    let json: PendingAppend['json'];
    try {
      json = serializeEvents(events);
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
      if (!this.flushScheduled && !this.inFlight) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Sends every pending append as one group to be committed (unless one is being committed). */
  private flush(): void {
    this.flushScheduled = false;
    if (this.inFlight) return;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) {
      for (const done of [...this.drained]) done();
      return;
    }
    const now = BigInt((this.options.now?.() ?? new Date()).getTime());
    if (this.inline) {
      let outcomes: AppendOutcome[];
      try {
        outcomes = this.inline.commit(groupOf(batch), now);
      } catch (error) {
        // The whole group rolled back: nothing of it is stored.
        const refused = asStorageError(error, this.file ?? ':memory:');
        for (const request of batch) request.reject(refused);
        return;
      }
      this.acknowledge(batch, outcomes);
      return;
    }
    this.inFlight = batch;
    const thread = this.thread();
    thread.ref();
    const group = groupToWire(batch);
    thread.postMessage({ ...group, now }, [group.lengths.buffer as ArrayBuffer]);
  }

  /** The commit thread answered the group in flight: acknowledge it, and send the next one. */
  private committed(message: CommitMessage): void {
    if ('ready' in message) return;
    const batch = this.inFlight ?? [];
    this.inFlight = undefined;
    this.commitThread?.unref();
    if ('failed' in message) {
      // The whole group rolled back: nothing of it is stored.
      const error = groupFailure(message.failed);
      for (const request of batch) request.reject(error);
    } else
      this.acknowledge(
        batch,
        'ok' in message ? outcomesFromWire(message.ok) : [...message.outcomes],
      );
    // The next group was gathered while this one was on its way to the disk; it leaves after
    // this turn, so the appends its acknowledgements set going (the writers' next ones) join it.
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private acknowledge(batch: PendingAppend[], outcomes: AppendOutcome[]): void {
    this.statistics.transactions += 1;
    this.statistics.appends += batch.length;
    this.statistics.largestGroup = Math.max(this.statistics.largestGroup, batch.length);
    settle(batch, outcomes);
    this.wakeSubscribers();
  }

  /** The commit thread is gone: nothing more can be appended. */
  private fail(error: Error): void {
    this.broken ??= error;
    for (const request of [...(this.inFlight ?? []), ...this.pending]) request.reject(error);
    this.inFlight = undefined;
    this.pending = [];
    for (const done of [...this.drained]) done();
  }

  /** Resolves once every append made so far is committed (or refused). */
  private drain(): Promise<void> {
    if (this.inline) this.flush();
    if (!this.inFlight && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        if (this.inFlight || this.pending.length > 0) return;
        this.drained.delete(done);
        resolve();
      };
      this.drained.add(done);
      if (!this.inFlight && !this.flushScheduled) this.flush();
    });
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
    if (this.commitThread) {
      const exited = once(this.commitThread, 'exit');
      this.commitThread.ref();
      this.commitThread.postMessage('close');
      await exited;
    }
    this.wakeSubscribers();
    this.db.close();
  }
}
