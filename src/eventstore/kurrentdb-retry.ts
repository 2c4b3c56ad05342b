/**
 * Deadlines and idempotent retries for KurrentDB calls. Every call gets an application-level
 * deadline (the client sets none on BatchAppend streams, ServerFeatures or the Rust bridge's
 * reads), and a call that fails the way a cluster fails in an election or a restart (NotLeader,
 * Unavailable, deadline, a BatchAppend stream that died or ended with appends pending) is tried
 * again with exactly the same request: for appends the same event ids and the same expected
 * revision, so the server answers an append it already wrote with its first result.
 */
import {
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  UnavailableError,
} from '@kurrent/kurrentdb-client';
import type { Logger } from 'pino';
import { EventStoreTimeoutError } from './kurrentdb-records.js';

export interface RetryPolicy {
  /** Deadline of one attempt. */
  attemptTimeoutMs: number;
  /** No new attempt starts after this much time since the first. */
  budgetMs: number;
  /** First pause between attempts; doubles up to `maxBackoffMs`. */
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attemptTimeoutMs: 10_000,
  budgetMs: 30_000,
  initialBackoffMs: 50,
  maxBackoffMs: 2_000,
};

/** An attempt that got no answer within its deadline. */
class AttemptTimeout extends Error {
  override readonly name = 'AttemptTimeout';
}

/** An append pending on an appending client the adapter replaced (and so cancelled). */
export class AppenderReplaced extends Error {
  override readonly name = 'AppenderReplaced';
}

export function isTransient(error: unknown): boolean {
  return (
    error instanceof AppenderReplaced ||
    error instanceof NotLeaderError ||
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof CancelledError ||
    error instanceof AttemptTimeout
  );
}

/** Runs `attempt` under a deadline; `abandoned` aborts when the deadline passes. */
function underDeadline<T>(attempt: (abandoned: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const abandon = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      abandon.abort();
      reject(new AttemptTimeout(`no answer within ${ms} ms`));
    }, ms);
    attempt(abandon.signal).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export async function withRetry<T>(
  what: string,
  attempt: (abandoned: AbortSignal) => Promise<T>,
  policy: RetryPolicy,
  logger: Logger,
): Promise<T> {
  const started = Date.now();
  for (let n = 1; ; n++) {
    try {
      return await underDeadline(attempt, policy.attemptTimeoutMs);
    } catch (error) {
      if (!isTransient(error)) throw error;
      const delay = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (n - 1));
      if (Date.now() - started + delay >= policy.budgetMs) {
        if (error instanceof AttemptTimeout)
          throw new EventStoreTimeoutError(
            `KurrentDB did not answer ${what} within ${Math.max(policy.budgetMs, policy.attemptTimeoutMs)} ms (${n} attempt${n === 1 ? '' : 's'})`,
          );
        throw error;
      }
      logger.warn(
        { err: error, attempt: n, retryInMs: delay },
        `KurrentDB ${what} failed; retrying`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Most appends one adapter has on the wire. The client writes BatchAppend requests through a
 * queue once its stream's buffer (16 messages) is full; if the stream then dies, the queued
 * requests are rejected inside an async promise executor nobody awaits, an unhandled rejection
 * that ends the process. Below that buffer nothing queues there. It also keeps attempt deadlines
 * about the server's answer, not about waiting behind thousands of our own appends.
 */
export const APPENDS_IN_FLIGHT = 15;

/** A counting semaphore: `take` waits for a free slot, `give` frees one (first come, first served). */
export class Slots {
  private readonly waiting: Array<() => void> = [];
  constructor(private free: number) {}

  take(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
