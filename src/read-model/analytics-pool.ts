import type { Worker } from 'node:worker_threads';
import type { Readers } from '../../projections/readers.js';
import { QueryTimeoutError } from '../graphql/time-budget.js';
import type { Logger } from '../log.js';
import { startWorker, startWorkerAt } from '../threads.js';
import type { FigureAnswer, FigureMethod, FigureTask, WorkerMessage } from './analytics-worker.js';
import type { ReadSide } from './read-side.js';

export type { ReadSide };

/**
 * The analysts' figures are the heavy part of their queries (diffusion folded in JavaScript,
 * rankings, curves, time to stage and networks added up over the national tables, the visits
 * that led to nothing): they run on
 * worker threads, never on the thread that answers everyone else, so one expensive query cannot
 * hold up /health or the next request. Identical figures asked at the same read-model position
 * are computed once (a page of adoptions of one innovation asks its diffusion once, not per
 * row). Each figure carries its query's deadline (the time budget, see time-budget.ts): one
 * whose query ran out before a worker took it is dropped, and a worker still computing past the
 * latest deadline of its figures is abandoned (its figures answer QUERY_TIMEOUT) and replaced.
 */

interface Pending {
  task: FigureTask;
  /** performance.now() past which nobody waits for the answer. */
  deadline: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Posted `ready`: its connection is open. */
  ready: boolean;
  /** The figures sent in one message, answered in one message. */
  busy?: Pending[];
  timer?: NodeJS.Timeout;
  /** When it said it was reading the period index for the figures it computes (`reading`). */
  readingSince?: number;
}

/**
 * How long a worker reading the period index is left to finish after its figures' deadlines.
 * Reading it is bounded work (seconds per million milestones, more with a cold page cache), and
 * a worker replaced halfway would read it again from the start for the next figure: at 4M
 * events, past the time budget every time, so no figure over a period was ever answered.
 */
const READING_AT_MOST_MS = 300_000;

/** Figures sent to a worker in one message (fewer messages for the request thread to send). */
const BATCH = 64;

const MEMO_ENTRIES = 512;

export interface AnalyticsPoolOptions {
  readModelPath: string;
  workers: number;
  /** The read model's position now (the memo is per position). */
  position: () => bigint;
  /** How long one figure may take when its caller gives no deadline; 0 = no limit. */
  timeoutMs: number;
  logger: Logger;
  /** The worker's module (tests wrap analytics-worker.ts); analytics-worker by default. */
  workerEntry?: URL;
}

export class AnalyticsPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly memo = new Map<string, { promise: Promise<unknown>; pending: Pending }>();
  private nextId = 1;
  private closed = false;
  /**
   * Figures computed by the workers, answered from the memo, abandoned (of them, outwaited: their
   * worker was left to finish reading the period index), dropped unsent, and workers started.
   */
  readonly stats = { computed: 0, shared: 0, abandoned: 0, dropped: 0, started: 0, outwaited: 0 };

  /** Workers start on the first figure asked (a server nobody asks figures of runs none). */
  constructor(private readonly options: AnalyticsPoolOptions) {}

  figures<T>(method: FigureMethod, args: unknown[], deadline?: number): Promise<T> {
    const until =
      deadline ??
      (this.options.timeoutMs > 0
        ? performance.now() + this.options.timeoutMs
        : Number.POSITIVE_INFINITY);
    const key = `${this.options.position()}|${method}|${JSON.stringify(args)}`;
    const known = this.memo.get(key);
    if (known) {
      this.stats.shared++;
      known.pending.deadline = Math.max(known.pending.deadline, until);
      return known.promise as Promise<T>;
    }
    let pending: Pending | undefined;
    const promise = new Promise<unknown>((resolve, reject) => {
      pending = { task: { id: this.nextId++, method, args }, deadline: until, resolve, reject };
    });
    this.memo.set(key, { promise, pending: pending as Pending });
    promise.catch(() => this.memo.delete(key));
    if (this.memo.size > MEMO_ENTRIES) {
      const oldest = this.memo.keys().next().value;
      if (oldest !== undefined) this.memo.delete(oldest);
    }
    this.queue.push(pending as Pending);
    this.dispatch();
    return promise as Promise<T>;
  }

  /** The readers with their figures computed on this pool. */
  offload(read: Readers): ReadSide {
    return {
      ...read,
      timeline: {
        diffusion: (...a: unknown[]) => this.offloadCall('diffusion', 3, a),
        originDiffusion: (...a: unknown[]) => this.offloadCall('originDiffusion', 3, a),
      } as ReadSide['timeline'],
      figures: {
        ranking: (...a: unknown[]) => this.offloadCall('ranking', 4, a),
        curve: (...a: unknown[]) => this.offloadCall('curve', 5, a),
        timeToStage: (...a: unknown[]) => this.offloadCall('timeToStage', 3, a),
        network: (...a: unknown[]) => this.offloadCall('network', 2, a),
      } as ReadSide['figures'],
      // The visits that led to nothing: a NOT EXISTS per visit over every milestone after it.
      visitOutcomes: Object.assign(Object.create(read.visitOutcomes), {
        ledToNothing: (...a: unknown[]) => this.offloadCall('ledToNothing', 1, a),
      }) as ReadSide['visitOutcomes'],
    };
  }

  /** Resolves once every worker started so far has opened its connection. */
  async whenReady(): Promise<void> {
    while (this.slots.some((s) => !s.ready)) await new Promise((r) => setTimeout(r, 20));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('the server is shutting down'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  /** A reader method's `arity` arguments (absent ones as null), then the optional deadline. */
  private offloadCall<T>(method: FigureMethod, arity: number, args: unknown[]): Promise<T> {
    const padded = Array.from({ length: arity }, (_, i) => args[i] ?? null);
    return this.figures(method, padded, args[arity] as number | undefined);
  }

  private dispatch(): void {
    if (this.closed) return;
    if (this.slots.length < this.options.workers && this.queue.length > 0)
      this.slots.push({ worker: this.spawn(), ready: false });
    for (const slot of this.slots) {
      if (!slot.ready || slot.busy) continue;
      const now = performance.now();
      const batch: Pending[] = [];
      while (batch.length < BATCH && this.queue.length > 0) {
        const next = this.queue.shift() as Pending;
        // Its query has run out of time already: nobody waits for it, so it is not computed.
        if (next.deadline <= now) {
          this.stats.dropped++;
          next.reject(new QueryTimeoutError(this.options.timeoutMs));
        } else batch.push(next);
      }
      if (batch.length === 0) return;
      slot.busy = batch;
      this.watch(slot);
      slot.worker.postMessage(batch.map((p) => p.task));
    }
  }

  /** Abandons the slot's figures once the last deadline among them has passed. */
  private watch(slot: Slot): void {
    const last = Math.max(...(slot.busy ?? []).map((p) => p.deadline));
    if (!Number.isFinite(last)) return;
    slot.timer = setTimeout(
      () => {
        // A figure shared later may have moved its deadline on.
        const still = Math.max(...(slot.busy ?? []).map((p) => p.deadline));
        if (still > performance.now() + 1) this.watch(slot);
        else this.abandon(slot);
      },
      Math.max(0, last - performance.now()),
    );
  }

  /**
   * Figures took longer than their budget: fail them, and replace the worker still computing —
   * unless it is reading the period index: then it is left to finish (busy with no figures, so
   * the figures after it find the index read), up to READING_AT_MOST_MS.
   */
  private abandon(slot: Slot): void {
    const batch = slot.busy;
    if (!batch) return;
    this.stats.abandoned += batch.length;
    for (const p of batch) p.reject(new QueryTimeoutError(this.options.timeoutMs));
    const reading = slot.readingSince;
    if (reading !== undefined && performance.now() - reading < READING_AT_MOST_MS) {
      this.stats.outwaited += batch.length;
      slot.busy = [];
      slot.timer = setTimeout(
        () => this.abandon(slot),
        reading + READING_AT_MOST_MS - performance.now(),
      );
      return;
    }
    slot.busy = undefined;
    slot.readingSince = undefined;
    const stuck = slot.worker;
    stuck.removeAllListeners();
    void stuck.terminate();
    slot.worker = this.spawn();
    slot.ready = false;
  }

  private spawn(): Worker {
    this.stats.started++;
    const data = { readModelPath: this.options.readModelPath };
    const worker = this.options.workerEntry
      ? startWorkerAt(this.options.workerEntry, data)
      : startWorker(import.meta.url, 'analytics-worker', data);
    worker.unref();
    const slotOf = () => this.slots.find((s) => s.worker === worker);
    worker.on('message', (message: WorkerMessage) => {
      const slot = slotOf();
      if (!slot) return;
      if (message === 'ready') {
        slot.ready = true;
        return this.dispatch();
      }
      if (message === 'reading') {
        slot.readingSince = performance.now();
        return;
      }
      const batch = slot.busy;
      if (!batch) return;
      clearTimeout(slot.timer);
      slot.busy = undefined;
      slot.readingSince = undefined;
      const byId = new Map(message.map((a: FigureAnswer) => [a.id, a]));
      for (const pending of batch) {
        const answer = byId.get(pending.task.id);
        this.stats.computed++;
        if (!answer) pending.reject(new Error('the analytics worker skipped a figure'));
        else if ('error' in answer) pending.reject(new Error(answer.error));
        else pending.resolve(answer.value);
      }
      this.dispatch();
    });
    worker.on('error', (error) => {
      this.options.logger.error({ err: error }, 'analytics worker failed; starting another');
      const slot = slotOf();
      if (!slot) return;
      clearTimeout(slot.timer);
      for (const p of slot.busy ?? []) p.reject(error);
      slot.busy = undefined;
      if (!this.closed) {
        slot.worker = this.spawn();
        slot.ready = false;
      }
    });
    return worker;
  }
}
