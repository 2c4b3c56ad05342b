import { eventSchemas, isDomainEventType } from '../domain/events.js';
import type { Decider, DomainEvent } from '../domain/shared/decider.js';
import { conflict, DomainError } from '../domain/shared/errors.js';
import {
  type AppendOptions,
  ConcurrencyError,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from '../eventstore/port.js';
import { type ClaimRequest, claimKey, needsClaimStream } from './idempotency-claims.js';
import { newId } from './ids.js';

/** What command handling needs of the event store: one stream at a time. */
export type StreamStore = Pick<EventStore, 'readStream' | 'append' | 'eventIdScope'>;

export interface CommandResult<Event extends DomainEvent, State> {
  events: Event[];
  state: State;
  /** Global position of the last event appended; the stream's head when nothing was appended. */
  position: bigint | undefined;
  /** True when this was a retry of a command already in the stream (nothing appended). */
  replayed?: boolean;
}

export interface HandleOptions {
  metadata: EventMetadata;
  /** Event ids for the appended events (stable ids make a retried command idempotent). */
  eventId?: (index: number) => string;
  /**
   * With stable `eventId`s from an idempotency key: the hash of the request. When the stream
   * already holds the first event id, the command is a retry (perhaps sent to another instance):
   * the same request answers the stored result, another one is a CONFLICT.
   */
  requestHash?: string;
  /** How long conflicting appends are retried (with jittered backoff) before CONFLICT. */
  retryBudgetMs?: number;
  /**
   * The idempotency key's claim, taken before the first append on stores that check event ids
   * per stream only (see idempotency-claims.ts).
   */
  claim?: ClaimRequest;
  /** Refuse the append when this stream holds this event type (see AppendOptions.unless). */
  unless?: AppendOptions['unless'];
}

/** Default time a command keeps retrying a contended stream. */
export const RETRY_BUDGET_MS = 10_000;
const BACKOFF_BASE_MS = 2;
const BACKOFF_CAP_MS = 100;

/** Contention seen by command handling since start (for tests, the bench and metrics). */
export const contention = { conflicts: 0, exhausted: 0, mostAttempts: 0 };

/**
 * A contended stream still conflicted when the retry budget ran out: nothing was stored, and the
 * same request may simply be sent again (`extensions.retryable`).
 */
export class RetryableConflictError extends DomainError {
  readonly retryable = true;
  constructor(streamName: string, attempts: number, ms: number) {
    super(
      'CONFLICT',
      `${streamName} is being written by many requests at once; ${attempts} attempts in ${ms} ms all met a newer write. Nothing was stored: send the same request again`,
    );
  }
}

/** Decodes a stored event, validating its payload against the domain schema. */
export function decodeEvent<Event extends DomainEvent>(event: RecordedEvent): Event {
  if (!isDomainEventType(event.type))
    throw new Error(`unknown event type ${event.type} in ${event.streamName}`);
  return { type: event.type, data: eventSchemas[event.type].parse(event.data) } as Event;
}

/**
 * Command handling: load the stream, fold it, decide, append with the expected revision; on a
 * concurrency conflict, wait a jittered, growing while (full jitter: up to 2, 4, 8 … 100 ms, so
 * the contenders spread out instead of colliding again) and start over with the fresh stream,
 * for at most `retryBudgetMs`; then a retryable CONFLICT.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: StreamStore,
  decider: Decider<Command, Event, State>,
  streamName: string,
  command: Command,
  options: HandleOptions,
): Promise<CommandResult<Event, State>> {
  const budget = options.retryBudgetMs ?? RETRY_BUDGET_MS;
  const started = performance.now();
  let claimed = !options.claim || !options.eventId || !needsClaimStream(store);
  for (let attempt = 1; ; attempt++) {
    const recorded = await store.readStream(streamName);
    const firstId = options.eventId?.(0);
    const earlier = firstId === undefined ? undefined : recorded.find((e) => e.id === firstId);
    if (earlier) {
      const stored = (earlier.metadata.idempotency as { requestHash?: string } | undefined)
        ?.requestHash;
      if (stored !== options.requestHash)
        throw conflict(
          'idempotencyKey',
          'this idempotencyKey was already used with other input; use a new key for a new request',
        );
      const state = recorded
        .filter((e) => e.position <= earlier.position)
        .map((e) => decodeEvent<Event>(e))
        .reduce(decider.evolve, decider.initialState);
      return { events: [], state, position: earlier.position, replayed: true };
    }
    const state = recorded
      .map((e) => decodeEvent<Event>(e))
      .reduce(decider.evolve, decider.initialState);
    const events = decider.decide(command, state);
    const last = recorded.at(-1);
    if (events.length === 0) return { events, state, position: last?.position };
    for (const event of events)
      eventSchemas[event.type as keyof typeof eventSchemas]?.parse(event.data);
    const ids = events.map((_, i) => options.eventId?.(i) ?? newId());
    if (!claimed && options.claim) {
      await claimKey(store, options.claim, streamName, ids, options.metadata);
      claimed = true;
    }
    try {
      const result = await store.append(
        streamName,
        events.map((event, i) => ({
          id: ids[i] as string,
          type: event.type,
          data: event.data,
          metadata: options.metadata,
        })),
        {
          expectedRevision: last ? last.revision : 'no_stream',
          ...(options.unless ? { unless: options.unless } : {}),
        },
      );
      if (attempt > contention.mostAttempts) contention.mostAttempts = attempt;
      return { events, state: events.reduce(decider.evolve, state), position: result.position };
    } catch (error) {
      if (options.eventId && error instanceof Error && error.name === 'DuplicateEventIdError')
        throw conflict(
          'idempotencyKey',
          'this idempotencyKey was already used for another request; use a new key for a new request',
        );
      if (!(error instanceof ConcurrencyError)) throw error;
      contention.conflicts++;
      const spent = performance.now() - started;
      if (spent >= budget) {
        contention.exhausted++;
        throw new RetryableConflictError(streamName, attempt, Math.round(spent));
      }
      const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 10));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }
}
