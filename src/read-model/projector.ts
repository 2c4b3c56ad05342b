import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { ProjectedEvent, Projection } from '../../projections/projection.js';
import type { EventStore, RecordedEvent } from '../eventstore/port.js';
import { buildInBulk } from './bulk/build.js';
import { decodedBatches } from './bulk/source.js';
import { decode } from './decode.js';
import {
  type BatchListener,
  FreshnessTimeoutError,
  type Running,
  type Waiter,
} from './projector-parts.js';
import {
  createVersion,
  dropVersion,
  physicalTable,
  pointViewsAt,
  storedVersions,
  swapIn,
} from './versions.js';

export { type BatchListener, FreshnessTimeoutError };

/**
 * Feeds the projections from the event log. Each batch of events is applied to every projection
 * that has not seen it, and the projections' checkpoints move in the same SQLite transaction
 * (exactly-once effect). A projection whose version changed is built beside the live one and
 * swapped in, by pointing the logical views at its tables, once it has caught up.
 */
export class Projector {
  private readonly running: Running[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly listeners = new Set<BatchListener>();
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  private failure: Error | undefined;
  /** Position up to which every live projection has applied the log. */
  position = 0n;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    private readonly projections: readonly Projection[],
    private readonly logger: Logger,
  ) {}

  /** Prepares the projections' tables and starts following the log. */
  start(): void {
    for (const projection of this.projections) this.running.push(this.setUp(projection));
    this.position = this.livePosition();
    this.loop = this.follow().catch((error: Error) => {
      this.failure = error;
      this.logger.error({ err: error }, 'projector stopped');
      for (const waiter of this.waiters) this.settle(waiter, error);
    });
  }

  /** Resolves once every live projection has applied `position`; rejects after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs = 5000): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.position >= position) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(
          () =>
            this.settle(
              waiter,
              new FreshnessTimeoutError(
                `read model is at position ${this.position}, not yet at ${position} after ${timeoutMs} ms`,
              ),
            ),
          timeoutMs,
        ),
      };
      this.waiters.add(waiter);
    });
  }

  /** Registers a listener for committed batches; returns the function that removes it. */
  onBatch(listener: BatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status() {
    return {
      position: this.position,
      failed: this.failure?.message,
      projections: this.running.map((r) => ({
        name: r.projection.name,
        version: r.projection.version,
        state: r.state,
        position: r.position,
      })),
    };
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    for (const waiter of this.waiters) this.settle(waiter, new Error('projector stopped'));
  }

  private setUp(projection: Projection): Running {
    const rows = storedVersions(this.db, projection.name);
    const live = rows.find((r) => r.state === 'live');
    const mine = rows.find((r) => Number(r.version) === projection.version);
    const state = !live || Number(live.version) === projection.version ? 'live' : 'building';
    this.db.transaction(() => {
      // Leftovers of other abandoned builds go; the live version stays until it is replaced.
      for (const row of rows)
        if (row.state === 'building' && Number(row.version) !== projection.version)
          dropVersion(this.db, projection, Number(row.version));
      if (!mine) createVersion(this.db, projection, state);
      if (state === 'live') pointViewsAt(this.db, projection);
    })();
    if (state === 'building')
      this.logger.info(
        { projection: projection.name, from: Number(live?.version), to: projection.version },
        'building new projection version beside the live one',
      );
    return {
      projection,
      state,
      position: mine?.position ?? 0n,
      replaces: state === 'building' ? Number(live?.version) : undefined,
      handles: new Set(projection.handles),
      apply: projection.prepare(this.db, physicalTable(projection)),
      indexed: false,
      bulk: false,
    };
  }

  private async follow(): Promise<void> {
    const save = this.db.prepare(
      'UPDATE projection_checkpoints SET position = ?, updated_at = ? WHERE name = ? AND version = ?',
    );
    const applyBatch = this.db.transaction((events: RecordedEvent[], decoded: Decoded[]) => {
      const last = events.at(-1)?.position ?? 0n;
      const now = new Date().toISOString();
      for (const r of this.running) {
        if (r.bulk || r.position >= last) continue;
        for (const event of decoded)
          if (event && event.position > r.position && r.handles.has(event.type)) r.apply(event);
        save.run(last, now, r.projection.name, r.projection.version);
      }
    });
    // Indexes only readers use are built once a projection has caught up with the log as it was
    // at start: a rebuild then sorts each index once instead of maintaining it row by row.
    const head = await this.store.headPosition();
    const applied = async (batch: RecordedEvent[]) => {
      const decoded = batch.map(decode);
      applyBatch(batch, decoded);
      const last = batch.at(-1)?.position ?? 0n;
      for (const r of this.running) if (!r.bulk && r.position < last) r.position = last;
      this.indexCaughtUp(head);
      this.swapCaughtUpBuilds();
      this.position = this.livePosition();
      for (const waiter of this.waiters) if (this.position >= waiter.position) this.settle(waiter);
      await this.tell(decoded.filter((e): e is ProjectedEvent => e !== undefined));
    };
    // Versions that start empty (a rebuild, a new version) are built in bulk up to the head.
    const fresh = this.running.filter((r) => r.position === 0n);
    if (head > 0n && fresh.length > 0) await this.buildInBulk(fresh, head, applied);
    this.indexCaughtUp(head);
    const after = this.running.reduce((min, r) => (r.position < min ? r.position : min), head);
    for await (const batch of this.store.subscribeToAll({ after, signal: this.abort.signal })) {
      await applied(batch);
      // Let requests in between batches, so a long catch-up or build never stops queries.
      await yieldToRequests();
    }
  }

  /**
   * Builds fresh versions from the log up to `head` through the bulk path (src/read-model/bulk);
   * between its transactions, live versions beside them follow new events as usual, and
   * listeners hear of each committed transaction.
   */
  private async buildInBulk(
    fresh: Running[],
    head: bigint,
    applied: (batch: RecordedEvent[]) => Promise<void>,
  ): Promise<void> {
    const started = performance.now();
    for (const r of fresh) r.bulk = true;
    const live = this.running.filter((r) => !r.bulk);
    const position = await buildInBulk(
      this.db,
      decodedBatches(this.store, 0n, head),
      fresh.map((r) => r.projection),
      {
        alone: live.length === 0,
        between: async () => {
          if (this.abort.signal.aborted) throw new Error('projector stopped during a bulk build');
          if (live.length > 0) {
            const batch = await this.store.readAll({ after: this.livePosition() });
            if (batch.length > 0) return applied(batch);
          }
          await this.tell([]);
          await yieldToRequests();
        },
      },
    );
    for (const r of fresh) {
      r.bulk = false;
      r.position = position;
      r.indexed = true;
    }
    this.swapCaughtUpBuilds();
    this.position = this.livePosition();
    for (const waiter of this.waiters) if (this.position >= waiter.position) this.settle(waiter);
    this.logger.info(
      {
        projections: fresh.map((r) => r.projection.name),
        events: Number(position),
        ms: Math.round(performance.now() - started),
      },
      'projections built in bulk',
    );
    await this.tell([]);
  }

  private async tell(events: ProjectedEvent[]): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(events, this.position);
      } catch (error) {
        this.logger.error({ err: error }, 'projector batch listener failed');
      }
    }
  }

  private indexCaughtUp(head: bigint): void {
    for (const r of this.running) if (!r.indexed && r.position >= head) this.index(r);
  }

  private index(r: Running): void {
    const started = performance.now();
    this.db.transaction(() => r.projection.readIndexes?.(this.db, physicalTable(r.projection)))();
    r.indexed = true;
    if (r.projection.readIndexes)
      this.logger.debug(
        { projection: r.projection.name, ms: Math.round(performance.now() - started) },
        'read indexes in place',
      );
  }

  private swapCaughtUpBuilds(): void {
    const livePosition = this.livePosition();
    for (const r of this.running) {
      if (r.state !== 'building' || r.position < livePosition) continue;
      if (!r.indexed) this.index(r);
      const old = r.replaces;
      this.db.transaction(() => swapIn(this.db, r.projection, old))();
      r.state = 'live';
      r.replaces = undefined;
      this.logger.info(
        { projection: r.projection.name, version: r.projection.version },
        'new projection version caught up and swapped in',
      );
    }
  }

  private livePosition(): bigint {
    const live = this.running.filter((r) => r.state === 'live');
    if (live.length === 0) return this.position;
    return live.reduce((min, r) => (r.position < min ? r.position : min), live[0]?.position ?? 0n);
  }

  private settle(waiter: Waiter, error?: Error): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    if (error) waiter.reject(error);
    else waiter.resolve();
  }
}

type Decoded = ProjectedEvent | undefined;

const yieldToRequests = () => new Promise((resolve) => setImmediate(resolve));
