/**
 * How KurrentDB records map onto the port's events: positions, the `$`-filter, recording times,
 * and the checks that refuse what the port cannot represent.
 */
import {
  ANY,
  type AppendStreamState,
  type RecordedEvent as KurrentRecordedEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  type Position,
  type ReadPosition,
  START,
  STREAM_EXISTS,
  streamNameFilter,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  AppendTooLargeError,
  ConcurrencyError,
  type EventMetadata,
  type ExpectedRevision,
  originalRecordedAt,
  type RecordedEvent,
} from './port.js';

/** The port's expected revision as the client's stream state. */
export function streamState(expected: ExpectedRevision): AppendStreamState {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return expected;
}

/** A refused append as the port's error (wrong expected version, too large), else as is. */
export function appendError(error: unknown, streamName: string, expected: ExpectedRevision) {
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualState;
    return new ConcurrencyError(
      streamName,
      expected,
      typeof actual === 'bigint' ? actual : undefined,
    );
  }
  if (error instanceof MaxAppendSizeExceededError)
    return new AppendTooLargeError(
      `append to ${streamName} is larger than the server's limit of ${error.maxAppendSize} bytes`,
      error.maxAppendSize,
    );
  return error;
}

/*
 * Positions. A KurrentDB `$all` position is a pair {commit, prepare} of byte offsets in the
 * transaction file. Our port has one bigint `position`: the COMMIT position.
 *
 * - Every event written through the gRPC API is an implicitly committed prepare record, which the
 *   server reports at TFPos(prepare.LogPosition, prepare.LogPosition): commit == prepare. Only
 *   events from explicit TCP transactions of old EventStore versions can differ ("Prepare
 *   position can only be different if you use explicit transactions", EventStore/EventStore#3989).
 *   Such an event would share its commit position with others and be dropped by our exclusive
 *   reads, so `toRecorded` refuses it instead (UnsupportedLogError).
 * - Back from a bigint p we build {commit: p, prepare: p}. A `$all` read forwards from a position
 *   is inclusive on the server; catch-up subscriptions are exclusive. We drop what is <= p in both.
 * - 0n means "before the first event" and maps to START.
 */
export const toPosition = (position: bigint): ReadPosition =>
  position <= 0n ? START : { commit: position, prepare: position };

export const fromPosition = (position: Position | undefined): bigint => position?.commit ?? 0n;

/** What servers before 22.x answer as the position of an event read from a stream. */
export const NO_POSITION = (1n << 64n) - 1n;

/** The server predates what this adapter needs (stream reads with log positions: 22.x). */
export class UnsupportedServerError extends Error {
  override readonly name = 'UnsupportedServerError';
}

/** The log holds something the port cannot represent without losing events. */
export class UnsupportedLogError extends Error {
  override readonly name = 'UnsupportedLogError';
}

export { InvalidPositionError } from './port.js';

/** The event store did not answer in time, retries included. */
export class EventStoreTimeoutError extends Error {
  override readonly name = 'EventStoreTimeoutError';
}

/**
 * The server-side filter for `$all`: by stream name, so `$`-streams (system, projections'
 * `$projections-…` results with types like `Result`, persistent-subscription checkpoints) are
 * left on the server. Events with a `$` type in a user stream (links `$>`, tombstones) are
 * dropped on our side by `isUserEvent`. Filtering by event type only (`excludeSystemEvents()`)
 * let non-`$` events of `$` streams through, and pages came back short or empty.
 */
export const userStreams = () => streamNameFilter({ regex: '^[^$]' });

export const isUserEvent = (event: KurrentRecordedEvent) =>
  !event.type.startsWith('$') && !event.streamId.startsWith('$');

/**
 * The time the event was recorded, stamped into its metadata at append (`$recordedAt`, ISO
 * with milliseconds): the server's own `created` comes back in whole seconds through the client's
 * Rust bridge (reads) and in milliseconds through grpc-js (subscriptions), so the same event
 * would have two recording times.
 */
export const RECORDED_AT = '$recordedAt';

export function stampRecordedAt(metadata: EventMetadata, now: Date): EventMetadata {
  if (metadata.$migration || typeof metadata[RECORDED_AT] === 'string') return metadata;
  return { ...metadata, [RECORDED_AT]: now.toISOString() };
}

export function toRecorded(event: KurrentRecordedEvent): RecordedEvent {
  const position = event.position;
  if (position && position.commit === NO_POSITION)
    throw new UnsupportedServerError(
      'the KurrentDB server answered a stream read without log positions (2^64-1), as ' +
        'EventStoreDB before 22.x does; replika needs EventStoreDB 22.10 or later, or any KurrentDB',
    );
  if (position && position.commit !== position.prepare)
    throw new UnsupportedLogError(
      `event ${event.id} in ${event.streamId} has commit position ${position.commit} but prepare ` +
        `position ${position.prepare} (an explicit transaction of an old EventStore): replika's ` +
        'single-number positions cannot tell such events apart; migrate them through a newer server',
    );
  const raw =
    event.metadata && !(event.metadata instanceof Uint8Array) && typeof event.metadata === 'object'
      ? (event.metadata as EventMetadata)
      : {};
  const { [RECORDED_AT]: stamped, ...metadata } = raw;
  const created =
    typeof stamped === 'string' && !Number.isNaN(Date.parse(stamped))
      ? new Date(stamped)
      : event.created;
  return {
    id: event.id,
    streamName: event.streamId,
    revision: event.revision,
    position: fromPosition(position),
    type: event.type,
    data: event.data,
    metadata,
    recordedAt: originalRecordedAt(metadata, created),
  };
}
