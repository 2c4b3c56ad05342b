import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Readers } from '../../projections/readers.js';
import type { DiffusionFigures, OriginFigures } from '../../projections/timeline/diffusion.js';
import type { TimelineReaders } from '../../projections/timeline/readers.js';
import type { DateRange, TimePoint } from '../../projections/timeline/time-point.js';
import { QueryTimeoutError } from '../graphql/time-budget.js';
import type { Logger } from '../log.js';
import type { FigureAnswer, FigureTask } from './analytics-worker.js';

/**
 * Diffusion figures are the heavy part of the analysts' queries (every milestone of an
 * innovation or an origin, folded in JavaScript): they run on worker threads, never on the
 * thread that answers everyone else, so one expensive query cannot hold up /health or the next
 * request. Identical figures asked at the same read-model position are computed once (a page
 * of adoptions of one innovation asks its diffusion once, not per row). A figure that outlives
 * the query time budget is abandoned: its worker is replaced and the query answers
 * QUERY_TIMEOUT.
 */
export type Figures = {
  diffusion(
    innovationId: string,
    window?: DateRange | null,
    at?: TimePoint,
  ): DiffusionFigures | Promise<DiffusionFigures>;
  originDiffusion(
    originCode: string,
    window?: DateRange | null,
    at?: TimePoint,
  ): OriginFigures | Promise<OriginFigures>;
};

/** The readers as resolvers see them: the timeline's figures may be computed elsewhere. */
export type ReadSide = Omit<Readers, 'timeline'> & { timeline: Figures };

interface Pending {
  task: FigureTask;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The figures sent in one message, answered in one message. */
  busy?: Pending[];
  timer?: NodeJS.Timeout;
}

/** Figures sent to a worker in one message (fewer messages for the request thread to send). */
const BATCH = 64;

const MEMO_ENTRIES = 512;

export interface AnalyticsPoolOptions {
  readModelPath: string;
  workers: number;
  /** The read model's position now (the memo is per position). */
  position: () => bigint;
  /** How long one figure may take (the query time budget); 0 = no limit. */
  timeoutMs: number;
  logger: Logger;
}

export class AnalyticsPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly memo = new Map<string, Promise<unknown>>();
  private nextId = 1;
  private closed = false;
  /** Figures computed by the workers and answered from the memo, for tests and metrics. */
  readonly stats = { computed: 0, shared: 0, abandoned: 0 };

  /** Workers start on the first figure asked (a server nobody asks figures of runs none). */
  constructor(private readonly options: AnalyticsPoolOptions) {}

  figures<T>(method: FigureTask['method'], args: FigureTask['args']): Promise<T> {
    const key = `${this.options.position()}|${method}|${JSON.stringify(args)}`;
    const known = this.memo.get(key);
    if (known) {
      this.stats.shared++;
      return known as Promise<T>;
    }
    const promise = new Promise<unknown>((resolve, reject) => {
      this.queue.push({ task: { id: this.nextId++, method, args }, resolve, reject });
      this.dispatch();
    });
    this.memo.set(key, promise);
    promise.catch(() => this.memo.delete(key));
    if (this.memo.size > MEMO_ENTRIES) {
      const oldest = this.memo.keys().next().value;
      if (oldest !== undefined) this.memo.delete(oldest);
    }
    return promise as Promise<T>;
  }

  /** The timeline's figures, computed on this pool. */
  offload(_timeline: TimelineReaders): Figures {
    return {
      diffusion: (innovationId, window, at) =>
        this.figures('diffusion', [innovationId, window ?? null, at ?? null]),
      originDiffusion: (originCode, window, at) =>
        this.figures('originDiffusion', [originCode, window ?? null, at ?? null]),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('the server is shutting down'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    if (this.closed) return;
    if (this.slots.length < this.options.workers && this.queue.length > 0)
      this.slots.push({ worker: this.spawn() });
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      const batch = this.queue.splice(0, BATCH);
      slot.busy = batch;
      if (this.options.timeoutMs > 0)
        slot.timer = setTimeout(() => this.abandon(slot), this.options.timeoutMs);
      slot.worker.postMessage(batch.map((p) => p.task));
    }
  }

  /** Figures took longer than the budget: fail them, and replace the worker still computing. */
  private abandon(slot: Slot): void {
    const batch = slot.busy;
    if (!batch) return;
    this.stats.abandoned += batch.length;
    slot.busy = undefined;
    for (const p of batch) p.reject(new QueryTimeoutError(this.options.timeoutMs));
    const stuck = slot.worker;
    stuck.removeAllListeners();
    void stuck.terminate();
    slot.worker = this.spawn();
    this.dispatch();
  }

  private spawn(): Worker {
    const source = fileURLToPath(import.meta.url).endsWith('.ts');
    const entry = new URL(`./analytics-worker.${source ? 'ts' : 'js'}`, import.meta.url);
    const workerData = { readModelPath: this.options.readModelPath };
    // From source (tests, `npm run dev`) the worker registers the TypeScript loader first.
    const tsx = createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs');
    const worker = source
      ? new Worker(
          `import(${JSON.stringify(pathToFileURL(tsx).href)})
             .then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`,
          { eval: true, workerData },
        )
      : new Worker(entry, { workerData });
    worker.unref();
    worker.on('message', (answers: FigureAnswer[]) => {
      const slot = this.slots.find((s) => s.worker === worker);
      const batch = slot?.busy;
      if (!slot || !batch) return;
      clearTimeout(slot.timer);
      slot.busy = undefined;
      const byId = new Map(answers.map((a) => [a.id, a]));
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
      const slot = this.slots.find((s) => s.worker === worker);
      if (!slot) return;
      clearTimeout(slot.timer);
      for (const p of slot.busy ?? []) p.reject(error);
      slot.busy = undefined;
      if (!this.closed) {
        slot.worker = this.spawn();
        this.dispatch();
      }
    });
    return worker;
  }
}
