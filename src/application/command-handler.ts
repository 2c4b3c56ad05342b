import { eventSchemas, isDomainEventType } from '../domain/events.js';
import type { Decider, DomainEvent } from '../domain/shared/decider.js';
import { conflict } from '../domain/shared/errors.js';
import {
  ConcurrencyError,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from '../eventstore/port.js';
import { newId } from './ids.js';

/** What command handling needs of the event store: one stream at a time. */
export type StreamStore = Pick<EventStore, 'readStream' | 'append'>;

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
  maxAttempts?: number;
}

/** Decodes a stored event, validating its payload against the domain schema. */
export function decodeEvent<Event extends DomainEvent>(event: RecordedEvent): Event {
  if (!isDomainEventType(event.type))
    throw new Error(`unknown event type ${event.type} in ${event.streamName}`);
  return { type: event.type, data: eventSchemas[event.type].parse(event.data) } as Event;
}

/**
 * Command handling: load the stream, fold it, decide, append with the expected revision; on a
 * concurrency conflict, start over with the fresh stream.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: StreamStore,
  decider: Decider<Command, Event, State>,
  streamName: string,
  command: Command,
  options: HandleOptions,
): Promise<CommandResult<Event, State>> {
  const maxAttempts = options.maxAttempts ?? 10;
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
    try {
      const result = await store.append(
        streamName,
        events.map((event, i) => ({
          id: options.eventId?.(i) ?? newId(),
          type: event.type,
          data: event.data,
          metadata: options.metadata,
        })),
        { expectedRevision: last ? last.revision : 'no_stream' },
      );
      return { events, state: events.reduce(decider.evolve, state), position: result.position };
    } catch (error) {
      if (options.eventId && error instanceof Error && error.name === 'DuplicateEventIdError')
        throw conflict(
          'idempotencyKey',
          'this idempotencyKey was already used for another request; use a new key for a new request',
        );
      if (!(error instanceof ConcurrencyError) || attempt >= maxAttempts) throw error;
    }
  }
}
