import type { Worker } from 'node:worker_threads';
import { startWorker } from '../threads.js';
import type { AppendOutcome } from './sqlite-log.js';
import { type CommitMessage, groupFailure, type PendingAppend } from './sqlite-rows.js';
import { groupToWire, outcomesFromWire } from './sqlite-wire.js';

/**
 * Appends sent together while a group is open: the thread starts on them while more are made. The
 * first piece is small, so the thread starts soon after its answer; later ones larger, as each
 * piece costs a message.
 */
const FIRST_PIECE = 4;
const PIECE = 16;

/**
 * The request thread's end of the log's commit thread (sqlite-commit-worker.ts). A group is sent
 * in pieces as its appends are made — the thread checks and inserts the first ones while this
 * thread is still making the rest — and closed once this turn's appends are in; the thread then
 * commits it (one fsync'd transaction) and answers every append's outcome. Appends made while a
 * group commits wait here and open the next group the moment the answer arrives. Nothing is
 * answered before its group's commit returned.
 */
export class CommitThread {
  private worker: Worker | undefined;
  /** Appends of the open group already sent to the thread. */
  private sent: PendingAppend[] = [];
  /** Appends not sent yet. */
  private waiting: PendingAppend[] = [];
  /** The open group was closed: the thread is committing it. */
  private committing = false;
  private closeScheduled = false;
  private closing = false;
  /** The open group's recording time (one per group, as one transaction). */
  private now = 0n;
  private broken: Error | undefined;
  private readonly idle = new Set<() => void>();

  constructor(
    private readonly options: {
      path: string;
      firstPosition: bigint | undefined;
      now: () => bigint;
      /** A group's answer: every append's outcome, or the error the whole group failed with. */
      answered: (batch: PendingAppend[], outcomes: AppendOutcome[] | Error) => void;
    },
  ) {}

  add(request: PendingAppend): void {
    if (this.broken) {
      request.reject(this.broken);
      return;
    }
    this.waiting.push(request);
    if (!this.committing && this.waiting.length >= (this.sent.length === 0 ? FIRST_PIECE : PIECE))
      this.send(false);
    this.scheduleClose();
  }

  /** Resolves once every append added so far is answered. */
  drain(): Promise<void> {
    if (!this.outstanding()) return Promise.resolve();
    return new Promise((resolve) => {
      this.idle.add(resolve);
      this.scheduleClose();
    });
  }

  /** Drains, then stops the thread (if it was ever started). */
  async close(): Promise<void> {
    await this.drain();
    this.closing = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.ref();
    worker.postMessage('close');
    await exited;
  }

  private outstanding(): boolean {
    return this.committing || this.sent.length > 0 || this.waiting.length > 0;
  }

  /** The thread, started by the first group (a store only read, e.g. by a rebuild, has none). */
  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(import.meta.url, 'sqlite-commit-worker', {
      path: this.options.path,
      firstPosition: this.options.firstPosition,
    });
    worker.on('message', (message: CommitMessage) => this.onAnswer(message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`the log's commit thread exited with ${code}`));
    });
    worker.unref(); // only an open group keeps the process alive
    this.worker = worker;
    return worker;
  }

  /** Sends the waiting appends as the open group's next piece (`last` closes the group). */
  private send(last: boolean): void {
    const piece = this.waiting;
    this.waiting = [];
    const worker = this.thread();
    if (this.sent.length === 0) {
      this.now = this.options.now();
      worker.ref();
    }
    for (const request of piece) this.sent.push(request);
    if (last) this.committing = true;
    const wire = groupToWire(piece);
    worker.postMessage({ ...wire, now: this.now, last }, [wire.lengths.buffer as ArrayBuffer]);
  }

  /**
   * Closes the open group once this turn's microtasks have run, so the appends made in it and in
   * its promise continuations (an acknowledged writer's next append) join: a tick queued from a
   * microtask runs only after the microtask queue is empty, sooner than the next turn.
   */
  private scheduleClose(): void {
    if (this.closeScheduled || this.committing) return;
    this.closeScheduled = true;
    queueMicrotask(() => process.nextTick(() => this.closeGroup()));
  }

  private closeGroup(): void {
    this.closeScheduled = false;
    if (this.committing || this.broken) return;
    if (this.sent.length > 0 || this.waiting.length > 0) this.send(true);
    else this.wakeIdle();
  }

  private onAnswer(message: CommitMessage): void {
    if ('ready' in message) return;
    const batch = this.sent;
    this.sent = [];
    this.committing = false;
    this.worker?.unref();
    this.options.answered(
      batch,
      'failed' in message
        ? groupFailure(message.failed)
        : 'ok' in message
          ? outcomesFromWire(message.ok)
          : [...message.outcomes],
    );
    // Appends made while this group committed open the next one now; the acknowledged writers'
    // next appends (made in the microtasks this answer sets going) join it before it closes.
    if (this.waiting.length > 0) this.send(false);
    this.scheduleClose();
  }

  /** The thread is gone: nothing more can be appended. */
  private fail(error: Error): void {
    this.broken ??= error;
    for (const request of [...this.sent, ...this.waiting]) request.reject(error);
    this.sent = [];
    this.waiting = [];
    this.committing = false;
    this.wakeIdle();
  }

  private wakeIdle(): void {
    const waiters = [...this.idle];
    this.idle.clear();
    for (const done of waiters) done();
  }
}
