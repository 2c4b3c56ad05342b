/**
 * The transaction log of the FAKE KurrentDB server (a test double of a server we cannot run on
 * these machines). It keeps every record in memory and decides appends the way we read the real
 * server's sources to do; each rule below names the server behaviour it follows.
 */

/** One event record. KurrentDB's positions are byte offsets in its transaction file. */
export interface FakeRecord {
  /** Log position. Every gRPC append is an implicit transaction: commit == prepare. */
  position: bigint;
  /**
   * Set only by test set-up: the prepare position of an event written in an explicit transaction
   * by an old server over TCP, which differs from its commit position (`position`).
   */
  prepare?: bigint;
  stream: string;
  revision: bigint;
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
  /** Creation time in .NET ticks (100 ns) since the Unix epoch, as the server sends `created`. */
  created: bigint;
}

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
}

export type Expected = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type AppendDecision =
  | { kind: 'written'; records: FakeRecord[] }
  | { kind: 'idempotent'; lastRevision: bigint; position: bigint }
  | { kind: 'wrong-expected-version'; current: bigint | undefined }
  | { kind: 'corrupted-idempotency'; current: bigint | undefined };

export interface EventFilter {
  on: 'event-type' | 'stream-name';
  regex?: RegExp;
  prefixes?: string[];
}

export function matches(filter: EventFilter | undefined, record: FakeRecord): boolean {
  if (!filter) return true;
  const subject = filter.on === 'event-type' ? record.type : record.stream;
  if (filter.regex) return filter.regex.test(subject);
  return (filter.prefixes ?? []).some((p) => subject.startsWith(p));
}

/**
 * Bytes a record takes in the log. Not the real server's record layout (a prepare record with
 * its header), but of the same order, so positions are sparse byte offsets as on a real server:
 * a number between two events' positions is not an event boundary.
 */
const recordSize = (stream: string, e: ProposedEvent) =>
  BigInt(
    80 + Buffer.byteLength(stream) + Buffer.byteLength(e.type) + e.data.length + e.metadata.length,
  );

const nowTicks = () => BigInt(Date.now()) * 10_000n + BigInt(Math.floor(Math.random() * 10_000));

export class FakeLog {
  readonly records: FakeRecord[] = [];
  private readonly streams = new Map<string, FakeRecord[]>();
  private readonly byId = new Map<string, FakeRecord>();
  private readonly listeners = new Set<(records: FakeRecord[]) => void>();
  private next: bigint;

  constructor(firstPosition = 0n) {
    this.next = firstPosition;
    // A fresh server writes its own system records first ($epoch-information and the like),
    // so a client never sees a log that starts with its own events.
    this.writeRaw('$epoch-information', [
      {
        id: crypto.randomUUID(),
        type: '$epoch-information',
        contentType: 'application/json',
        data: Buffer.from('{}'),
        metadata: new Uint8Array(),
      },
    ]);
  }

  /** Position just past the last record: where the next one will be written. */
  get end(): bigint {
    return this.next;
  }

  lastRevision(stream: string): bigint | undefined {
    const events = this.streams.get(stream);
    return events?.length ? BigInt(events.length - 1) : undefined;
  }

  stream(stream: string): FakeRecord[] {
    return this.streams.get(stream) ?? [];
  }

  onAppend(listener: (records: FakeRecord[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Decides and performs an append as KurrentDB's IndexWriter.CheckCommit does (as we read it):
   * - expected == current revision (or no_stream on a missing stream, any): written;
   * - `any` / `stream_exists`: if the FIRST event id is already in this stream, every id must be
   *   (consecutively) and the append is idempotent (answers the first write's result); if only a
   *   prefix is, it is "corrupted idempotency"; if the first is not, the events are written again
   *   as new events. The real server looks ids up in a bounded in-memory cache, so an old retry
   *   with `any` can be written twice there; this fake never forgets (it is kinder).
   * - expected < current (including no_stream on an existing stream): the events at the
   *   revisions right after `expected` must carry the same ids, else wrong expected version (first
   *   differs) or corrupted idempotency (a later one differs);
   * - expected > current: wrong expected version.
   * Ids reused in ANOTHER stream are not refused (the server checks ids per stream only).
   */
  append(stream: string, expected: Expected, events: ProposedEvent[]): AppendDecision {
    const current = this.lastRevision(stream);
    const existing = this.stream(stream);
    if (expected === 'stream_exists' && current === undefined)
      return { kind: 'wrong-expected-version', current };
    if (expected === 'any' || expected === 'stream_exists') {
      const first = events[0] && this.byId.get(events[0].id);
      if (first && first.stream === stream) {
        let last = first;
        for (const [i, e] of events.entries()) {
          const found = existing[Number(first.revision) + i];
          if (!found || found.id !== e.id) return { kind: 'corrupted-idempotency', current };
          last = found;
        }
        return { kind: 'idempotent', lastRevision: last.revision, position: last.position };
      }
      return { kind: 'written', records: this.writeRaw(stream, events) };
    }
    const expectedNumber = expected === 'no_stream' ? -1n : expected;
    const currentNumber = current ?? -1n;
    if (expectedNumber === currentNumber)
      return { kind: 'written', records: this.writeRaw(stream, events) };
    if (expectedNumber > currentNumber) return { kind: 'wrong-expected-version', current };
    let last: FakeRecord | undefined;
    for (const [i, e] of events.entries()) {
      const found = existing[Number(expectedNumber) + 1 + i];
      if (!found || found.id !== e.id)
        return i === 0
          ? { kind: 'wrong-expected-version', current }
          : { kind: 'corrupted-idempotency', current };
      last = found;
    }
    if (!last) return { kind: 'wrong-expected-version', current };
    return { kind: 'idempotent', lastRevision: last.revision, position: last.position };
  }

  /** Writes without any check: for the server's own records and for test set-up. */
  writeRaw(stream: string, events: ProposedEvent[]): FakeRecord[] {
    let list = this.streams.get(stream);
    if (!list) {
      list = [];
      this.streams.set(stream, list);
    }
    const written: FakeRecord[] = [];
    const created = nowTicks();
    for (const e of events) {
      const record: FakeRecord = {
        ...e,
        position: this.next,
        stream,
        revision: BigInt(list.length),
        created,
      };
      this.next += recordSize(stream, e);
      list.push(record);
      this.records.push(record);
      this.byId.set(e.id, record);
      written.push(record);
    }
    for (const listener of this.listeners) listener(written);
    return written;
  }

  /** Index of the first record at or after `position` (binary search over positions). */
  indexAtOrAfter(position: bigint): number {
    let lo = 0;
    let hi = this.records.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.records[mid]?.position ?? 0n) < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
