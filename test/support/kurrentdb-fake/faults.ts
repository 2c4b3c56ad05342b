/**
 * Fault hooks of the fake KurrentDB server. Each one reproduces a failure a real server or
 * cluster shows, so the adapter's handling of it runs in `npm test`. Set a hook, run the client,
 * and the fake misbehaves once (or while the flag is on).
 */
export type AppendFault =
  /** The node is a follower: answers as KurrentDB does (exception `not-leader`, leader host/port). */
  | 'not-leader'
  /** The node cannot take the request (gRPC UNAVAILABLE) and writes nothing. */
  | 'unavailable'
  /** The append is written, then the answer is lost (UNAVAILABLE): a retry must be idempotent. */
  | 'unavailable-after-write'
  /** No answer at all: only the client's deadline ends the call. */
  | 'hang'
  /**
   * BatchAppend only: the server ends the whole BatchAppend stream cleanly (status OK) without
   * answering this append or any other pending one.
   */
  | 'end-batch-stream';

export type ReadFault =
  /** The read gets no answer at all: only a deadline ends it. */
  | 'hang'
  /** gRPC UNAVAILABLE, as from a node shutting down. */
  | 'unavailable';

export interface Faults {
  /** Consumed one per stream or `$all` read (not subscriptions), in order. */
  reads: ReadFault[];
  /**
   * While true, forward `$all` reads and subscriptions wait before answering (a server too busy
   * to serve a catch-up); stream reads and backward reads (the head) are answered.
   */
  stallCatchUp: boolean;
  /**
   * While set, forward `$all` reads and subscriptions deliver nothing at or past this position
   * (an instance's feed lagging behind the log: its read model knows the start of the log, not
   * the newest events); stream reads and the head are answered. Cleared, the rest follows.
   */
  lagFrom: bigint | undefined;
  /** Consumed one per append (Append or one BatchAppend request), in order. */
  appends: AppendFault[];
  /**
   * The next subscription sends this many events, then drops with UNAVAILABLE (mid-catch-up
   * when the log holds more).
   */
  dropSubscriptionAfterEvents: number | undefined;
  /**
   * Stream reads answer commit/prepare position 2^64-1, as servers before 22.x do (stream reads
   * came from the index, which had no log positions; EventStore/EventStore#3459 added them).
   */
  streamReadsWithoutPosition: boolean;
  /**
   * Subscriptions send a checkpoint past the end of the log when they catch up (a known server
   * bug: a client that trusts it and resubscribes from there skips what is written below it).
   */
  checkpointPastEnd: boolean;
}

export const newFaults = (): Faults => ({
  reads: [],
  stallCatchUp: false,
  lagFrom: undefined,
  appends: [],
  dropSubscriptionAfterEvents: undefined,
  streamReadsWithoutPosition: false,
  checkpointPastEnd: false,
});
