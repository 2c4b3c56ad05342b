/**
 * The catch-up subscription to `$all` of the KurrentDB adapter. History is read in large pages
 * through `$all` reads (the client's Rust bridge), and only near the head does a gRPC catch-up
 * subscription take over for live events, so catching up is not bound by the subscription's
 * message-at-a-time stream. Server checkpoints are not used to resume: after a drop it
 * resubscribes from the last event handled, because a checkpoint past the log's end (a known
 * server bug) or one sent before events still in flight would make a resumed subscription skip
 * events.
 */
import type { AllStreamResolvedEvent, KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { Logger } from 'pino';
import {
  InvalidPositionError,
  isUserEvent,
  toPosition,
  toRecorded,
  userStreams,
} from './kurrentdb-records.js';
import type { RecordedEvent } from './port.js';

export interface SubscriptionDeps {
  client: KurrentDBClient;
  logger: Logger;
  backoff: { initialMs: number; maxMs: number };
  /** Events per yielded batch and per history page. */
  pageSize: number;
  /** Reads one history page after a position (the adapter's readAll, one attempt). */
  readPage(after: bigint, maxCount: number): Promise<RecordedEvent[]>;
  /** Refuses a start position that is not an event's (InvalidPositionError, not retried). */
  checkStart(after: bigint): Promise<void>;
}

/** Above this many undelivered live events the gRPC stream is paused. */
const HIGH_WATER = 20_000;

export async function* subscribeToAll(
  deps: SubscriptionDeps,
  after: bigint,
  signal: AbortSignal,
): AsyncIterable<RecordedEvent[]> {
  let handled = after;
  let attempt = 0;
  let checked = false;
  while (!signal.aborted) {
    let failure: unknown;
    try {
      if (!checked) {
        await deps.checkStart(after);
        checked = true;
      }
      // History in large pages, until a page comes back short (the head, as of that read). After
      // a failed page the next ones are smaller (down to 1/16), so a slow server still advances.
      for (;;) {
        if (signal.aborted) return;
        const size = Math.max(1, Math.floor(deps.pageSize / 2 ** Math.min(attempt, 4)));
        const page = await deps.readPage(handled, size);
        const last = page.at(-1);
        if (last) {
          yield page;
          handled = last.position;
          attempt = 0;
        }
        if (page.length < size) break;
      }
      // Live: a subscription from the last event handled (exclusive).
      for await (const batch of live(deps, handled, signal)) {
        yield batch;
        handled = batch.at(-1)?.position ?? handled;
        attempt = 0;
      }
    } catch (error) {
      if (error instanceof InvalidPositionError) throw error;
      failure = error;
    }
    if (signal.aborted) return;
    attempt += 1;
    const delay = Math.min(deps.backoff.maxMs, deps.backoff.initialMs * 2 ** (attempt - 1));
    deps.logger.warn(
      {
        err: failure,
        ended: failure === undefined,
        attempt,
        retryInMs: delay,
        resumeFrom: handled.toString(),
      },
      'subscription to $all dropped; resubscribing from the last position handled',
    );
    await sleep(delay, signal);
  }
}

/** One gRPC subscription: yields batches until it fails (throws), ends (returns) or is aborted. */
async function* live(
  deps: SubscriptionDeps,
  after: bigint,
  signal: AbortSignal,
): AsyncIterable<RecordedEvent[]> {
  const items: RecordedEvent[] = [];
  let queued = after;
  let failure: unknown;
  let ended = false;
  let paused = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  // No checkpointReached handler: the client awaits it before every next message, and it is
  // not used for resuming (see above).
  const subscription = deps.client.subscribeToAll({
    fromPosition: toPosition(after),
    filter: userStreams(),
  });
  subscription.on('data', (resolved: AllStreamResolvedEvent) => {
    const event = resolved.event;
    if (!event || !isUserEvent(event)) return;
    try {
      const recorded = toRecorded(event);
      if (recorded.position > queued) {
        items.push(recorded);
        queued = recorded.position;
      }
    } catch (error) {
      failure = error;
    }
    if (items.length >= HIGH_WATER && !paused) {
      paused = true;
      subscription.pause();
    }
    notify();
  });
  subscription.on('error', (error: unknown) => {
    failure = error;
    notify();
  });
  subscription.on('end', () => {
    ended = true;
    notify();
  });
  signal.addEventListener('abort', notify);
  try {
    while (!signal.aborted) {
      if (items.length === 0) {
        if (failure) throw failure;
        if (ended) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      const batch = items.splice(0, deps.pageSize);
      if (paused && items.length < HIGH_WATER / 2) {
        paused = false;
        subscription.resume();
      }
      yield batch;
    }
  } finally {
    signal.removeEventListener('abort', notify);
    subscription.removeAllListeners('data');
    await subscription.unsubscribe().catch(() => undefined);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
