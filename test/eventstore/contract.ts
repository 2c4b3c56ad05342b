import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConcurrencyError,
  DuplicateEventIdError,
  type EventStore,
  type ExpectedRevision,
  type RecordedEvent,
} from '../../src/eventstore/port.js';
import { appendWithRetry, event, readAllPages } from './support/helpers.js';

export { appendWithRetry, event, readAllPages };

export interface StoreFactory {
  /** A fresh, empty store (or one whose streams are unique to this test). */
  create(): Promise<EventStore>;
  /**
   * A store whose global positions are already above 2^53 (Number.MAX_SAFE_INTEGER), to prove
   * positions stay exact bigints end to end. Omit when the adapter cannot make one; the test is
   * then skipped with `positionsAbove2p53Skip` as the printed reason.
   */
  createWithPositionsAbove2p53?(): Promise<EventStore>;
  positionsAbove2p53Skip?: string;
  /**
   * Whether reusing a stored event id in a different append is refused with
   * DuplicateEventIdError. Stores that only deduplicate retries of the same append (KurrentDB)
   * say false, and the test is skipped with `reusedIdSkip` as the printed reason.
   */
  refusesReusedIds: boolean;
  reusedIdSkip?: string;
  /** Removes what `create` made. */
  dispose?(store: EventStore): Promise<void>;
}

const TWO_53 = 2n ** 53n;

const stream = (name = 'contract') => `${name}-${randomUUID()}`;

async function take(
  iterable: AsyncIterable<RecordedEvent[]>,
  count: number,
): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  for await (const batch of iterable) {
    seen.push(...batch);
    if (seen.length >= count) break;
  }
  return seen;
}

const sortedUnique = (positions: bigint[]) =>
  positions.every((p, i) => i === 0 || (positions[i - 1] ?? 0n) < p);

/** The behaviour every event-store adapter must show. */
export function eventStoreContract(name: string, factory: StoreFactory) {
  describe(`event store contract: ${name}`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await factory.create();
    });
    afterEach(async () => {
      await factory.dispose?.(store);
    });

    it('appends to a new stream with no_stream and reads it back in order', async () => {
      const s = stream();
      const events = [event('A', { i: 0 }), event('B', { i: 1 }), event('C', { i: 2 })];
      const result = await store.append(s, events, { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(2n);
      const read = await store.readStream(s);
      expect(read.map((e) => [e.id, e.type, e.data, e.revision])).toEqual([
        [events[0]?.id, 'A', { i: 0 }, 0n],
        [events[1]?.id, 'B', { i: 1 }, 1n],
        [events[2]?.id, 'C', { i: 2 }, 2n],
      ]);
      expect(read[0]?.metadata).toEqual(events[0]?.metadata);
      expect(read[0]?.streamName).toBe(s);
      expect(read[0]?.recordedAt).toBeInstanceOf(Date);
      expect(read.at(-1)?.position).toBe(result.position);
    });

    it('reads an unknown stream as empty', async () => {
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('checks the expected revision: no_stream, exact, stream_exists and any', async () => {
      const s = stream();
      await store.append(s, [event()], { expectedRevision: 'no_stream' });
      await expect(
        store.append(s, [event()], { expectedRevision: 'no_stream' }),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(store.append(s, [event()], { expectedRevision: 5n })).rejects.toBeInstanceOf(
        ConcurrencyError,
      );
      await store.append(s, [event()], { expectedRevision: 0n });
      await store.append(s, [event()], { expectedRevision: 'stream_exists' });
      await store.append(s, [event()], { expectedRevision: 'any' });
      await expect(
        store.append(stream(), [event()], { expectedRevision: 'stream_exists' }),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(
        store.append(stream(), [event()], { expectedRevision: 0n }),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await store.readStream(s)).map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
    });

    it('leaves a stream untouched by a rejected append', async () => {
      const s = stream();
      await store.append(s, [event()], { expectedRevision: 'no_stream' });
      const error = await store
        .append(s, [event(), event()], { expectedRevision: 3n })
        .catch((e) => e);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect((error as ConcurrencyError).actual).toBe(0n);
      expect(await store.readStream(s)).toHaveLength(1);
      await store.append(s, [event()], { expectedRevision: 0n });
    });

    it('orders the global log across streams, read from an exclusive position', async () => {
      const a = stream('a');
      const b = stream('b');
      const start = await store.headPosition();
      await store.append(a, [event('A1')], { expectedRevision: 'no_stream' });
      await store.append(b, [event('B1')], { expectedRevision: 'no_stream' });
      await store.append(a, [event('A2')], { expectedRevision: 0n });
      const all = (await store.readAll({ after: start, maxCount: 1000 })).filter(
        (e) => e.streamName === a || e.streamName === b,
      );
      expect(all.map((e) => e.type)).toEqual(['A1', 'B1', 'A2']);
      const positions = all.map((e) => e.position);
      expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
      const afterFirst = await store.readAll({ after: all[0]?.position, maxCount: 1000 });
      expect(afterFirst.map((e) => e.id)).not.toContain(all[0]?.id);
      expect(afterFirst.map((e) => e.id)).toContain(all[1]?.id);
      expect(await store.headPosition()).toBe(all.at(-1)?.position);
    });

    it('subscribes to the log: history first, then live events, no gap, no duplicate', async () => {
      const s = stream();
      const start = await store.headPosition();
      await store.append(s, [event('H1'), event('H2')], { expectedRevision: 'no_stream' });
      const abort = new AbortController();
      const received = take(store.subscribeToAll({ after: start, signal: abort.signal }), 5);
      await store.append(s, [event('L1')], { expectedRevision: 1n });
      await store.append(s, [event('L2'), event('L3')], { expectedRevision: 2n });
      const seen = (await received).filter((e) => e.streamName === s);
      abort.abort();
      expect(seen.map((e) => e.type)).toEqual(['H1', 'H2', 'L1', 'L2', 'L3']);
    });

    it('ends a subscription when its signal aborts', async () => {
      const abort = new AbortController();
      const done = (async () => {
        for await (const _ of store.subscribeToAll({
          after: await store.headPosition(),
          signal: abort.signal,
        })) {
          // no events expected
        }
        return 'ended';
      })();
      setTimeout(() => abort.abort(), 20);
      expect(await done).toBe('ended');
    });

    it('rejects stream_exists on a missing stream without creating it', async () => {
      const s = stream();
      await expect(
        store.append(s, [event()], { expectedRevision: 'stream_exists' }),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.readStream(s)).toEqual([]);
      const result = await store.append(s, [event()], { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(0n);
    });

    it('keeps the stream exactly as it was after a rejected multi-event append', async () => {
      const s = stream();
      await store.append(s, [event('A'), event('B')], { expectedRevision: 'no_stream' });
      const before = await store.readStream(s);
      const headBefore = await store.headPosition();
      for (const expectedRevision of ['no_stream', 0n, 2n, 7n] as const)
        await expect(
          store.append(s, [event('X'), event('Y'), event('Z')], { expectedRevision }),
        ).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.readStream(s)).toEqual(before);
      expect(await store.headPosition()).toBe(headBefore);
      const next = await store.append(s, [event('C')], { expectedRevision: 1n });
      expect(next.nextExpectedRevision).toBe(2n);
      expect((await store.readStream(s)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    });

    it('answers a retried append (same event ids) with its first result and stores nothing twice', async () => {
      const s = stream();
      const events = [event('A'), event('B')];
      const first = await store.append(s, events, { expectedRevision: 'no_stream' });
      const again = await store.append(s, events, { expectedRevision: 'no_stream' });
      expect(again).toEqual(first);
      // Still idempotent after the stream moved on.
      await store.append(s, [event('C')], { expectedRevision: 1n });
      const late = await store.append(s, events, { expectedRevision: 'no_stream' });
      expect(late.nextExpectedRevision).toBe(first.nextExpectedRevision);
      const read = await store.readStream(s);
      expect(read.map((e) => e.type)).toEqual(['A', 'B', 'C']);
      const ids = (await readAllPages(store)).map((e) => e.id);
      for (const e of events) expect(ids.filter((id) => id === e.id)).toHaveLength(1);
    });

    // Skipped for adapters whose server does not refuse an id reused in another stream
    // (KurrentDB only deduplicates retries of the same append); the factory says why.
    it.skipIf(!factory.refusesReusedIds)(
      `refuses a stored event id reused in a different append${
        factory.refusesReusedIds ? '' : ` — skipped: ${factory.reusedIdSkip ?? 'not supported'}`
      }`,
      async () => {
        const s = stream();
        const a = event('A');
        await store.append(s, [a], { expectedRevision: 'no_stream' });
        const other = stream();
        await expect(
          store.append(other, [{ ...a, type: 'Other' }], { expectedRevision: 'any' }),
        ).rejects.toBeInstanceOf(DuplicateEventIdError);
        await expect(
          store.append(s, [event('B'), a], { expectedRevision: 0n }),
        ).rejects.toBeInstanceOf(DuplicateEventIdError);
        const twice = event('T');
        await expect(
          store.append(other, [twice, twice], { expectedRevision: 'any' }),
        ).rejects.toBeInstanceOf(DuplicateEventIdError);
        expect(await store.readStream(other)).toEqual([]);
        expect((await store.readStream(s)).map((e) => e.type)).toEqual(['A']);
      },
    );

    it('handles a large stream: appends in chunks, reads whole and by revision window', async () => {
      const s = stream('large');
      const total = 5000;
      const chunk = 250;
      let expected: ExpectedRevision = 'no_stream';
      for (let i = 0; i < total; i += chunk) {
        const events = Array.from({ length: chunk }, (_, j) => event('Big', { i: i + j }));
        expected = (await store.append(s, events, { expectedRevision: expected }))
          .nextExpectedRevision;
      }
      expect(expected).toBe(BigInt(total - 1));
      const all = await store.readStream(s);
      expect(all).toHaveLength(total);
      expect(
        all.every((e, i) => e.revision === BigInt(i) && (e.data as { i: number }).i === i),
      ).toBe(true);
      expect(sortedUnique(all.map((e) => e.position))).toBe(true);
      const window = await store.readStream(s, { fromRevision: 4321n, maxCount: 10 });
      expect(window.map((e) => e.revision)).toEqual(
        Array.from({ length: 10 }, (_, k) => 4321n + BigInt(k)),
      );
      const fromLog = (await readAllPages(store, 0n, 700)).filter((e) => e.streamName === s);
      expect(fromLog.map((e) => e.id)).toEqual(all.map((e) => e.id));
    });

    it('pages the global log with exclusive positions: no event twice, none skipped', async () => {
      const s = stream();
      const start = await store.headPosition();
      for (let i = 0; i < 7; i++)
        await store.append(s, [event('P', { i }), event('Q', { i })], {
          expectedRevision: i === 0 ? 'no_stream' : BigInt(i * 2 - 1),
        });
      const whole = (await store.readAll({ after: start, maxCount: 1000 })).filter(
        (e) => e.streamName === s,
      );
      const paged = (await readAllPages(store, start, 3)).filter((e) => e.streamName === s);
      expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
      expect(whole).toHaveLength(14);
      const middle = whole[6];
      const rest = (await store.readAll({ after: middle?.position, maxCount: 1000 })).filter(
        (e) => e.streamName === s,
      );
      expect(rest.map((e) => e.id)).toEqual(whole.slice(7).map((e) => e.id));
    });

    it('keeps per-stream and global order while concurrent appenders write many streams', async () => {
      const start = await store.headPosition();
      const streams = Array.from({ length: 8 }, () => stream('order'));
      const conflicts = { count: 0, other: [] as unknown[] };
      const acked = await Promise.all(
        streams.map((s, k) => appendWithRetry(store, s, 25, `w${k}`, conflicts)),
      );
      expect(conflicts.other).toEqual([]);
      const log = (await readAllPages(store, start)).filter((e) => streams.includes(e.streamName));
      expect(sortedUnique(log.map((e) => e.position))).toBe(true);
      for (const [k, s] of streams.entries()) {
        const own = log.filter((e) => e.streamName === s);
        expect(own.map((e) => e.id)).toEqual(acked[k]?.map((e) => e.id));
        expect(own.map((e) => e.revision)).toEqual(own.map((_, i) => BigInt(i)));
      }
    });

    it('lets concurrent appenders on one stream fail only with real revision conflicts', async () => {
      const s = stream('contended');
      const conflicts = { count: 0, other: [] as unknown[] };
      const acked = (
        await Promise.all(
          Array.from({ length: 8 }, (_, k) => appendWithRetry(store, s, 10, `w${k}`, conflicts)),
        )
      ).flat();
      expect(conflicts.other).toEqual([]);
      const read = await store.readStream(s);
      expect(read).toHaveLength(80);
      expect(read.map((e) => e.revision)).toEqual(read.map((_, i) => BigInt(i)));
      expect(new Set(read.map((e) => e.id))).toEqual(new Set(acked.map((e) => e.id)));
    });

    it('hands a catch-up subscription over to live with no gap and no duplicate while appends run', async () => {
      const start = await store.headPosition();
      const streams = Array.from({ length: 6 }, () => stream('live'));
      const conflicts = { count: 0, other: [] as unknown[] };
      // History before the subscription starts.
      await Promise.all(streams.map((s, k) => appendWithRetry(store, s, 10, `h${k}`, conflicts)));
      const abort = new AbortController();
      const seen: RecordedEvent[] = [];
      const total = streams.length * 40;
      const subscribed = (async () => {
        for await (const batch of store.subscribeToAll({ after: start, signal: abort.signal })) {
          seen.push(...batch.filter((e) => streams.includes(e.streamName)));
          if (seen.length >= total) break;
        }
      })();
      // Appends running while the subscription catches up and after it went live.
      const writers = streams.map((s, k) => appendWithRetry(store, s, 30, `l${k}`, conflicts));
      await Promise.all(writers);
      await subscribed;
      abort.abort();
      expect(conflicts.other).toEqual([]);
      const log = (await readAllPages(store, start)).filter((e) => streams.includes(e.streamName));
      expect(log).toHaveLength(total);
      expect(seen.map((e) => e.id)).toEqual(log.map((e) => e.id));
      expect(new Set(seen.map((e) => e.id)).size).toBe(total);
    });

    it('starts a subscription from an exclusive position in the middle of the log', async () => {
      const s = stream();
      await store.append(s, [event('A'), event('B'), event('C'), event('D')], {
        expectedRevision: 'no_stream',
      });
      const events = await store.readStream(s);
      const abort = new AbortController();
      const got = take(
        store.subscribeToAll({ after: events[1]?.position, signal: abort.signal }),
        2,
      );
      const seen = (await got).filter((e) => e.streamName === s);
      abort.abort();
      expect(seen.map((e) => e.type)).toEqual(['C', 'D']);
    });

    // Skipped for adapters that cannot start a test log above 2^53 (KurrentDB positions are byte
    // offsets: 8 PiB of log); the factory says why, and the adapter has its own mapping test.
    it.skipIf(!factory.createWithPositionsAbove2p53)(
      `keeps global positions above 2^53 exact, end to end${
        factory.createWithPositionsAbove2p53
          ? ''
          : ` — skipped: ${factory.positionsAbove2p53Skip ?? 'adapter cannot start there'}`
      }`,
      async () => {
        const high = await factory.createWithPositionsAbove2p53?.();
        if (!high) throw new Error('unreachable');
        try {
          const s = stream('high');
          const first = await high.append(s, [event('A'), event('B')], {
            expectedRevision: 'no_stream',
          });
          const second = await high.append(s, [event('C')], { expectedRevision: 1n });
          expect(typeof first.position).toBe('bigint');
          expect(first.position > TWO_53).toBe(true);
          expect(second.position > first.position).toBe(true);
          const read = await high.readStream(s);
          const positions = read.map((e) => e.position);
          expect(positions.every((p) => typeof p === 'bigint' && p > TWO_53)).toBe(true);
          // Distinct, increasing, and exact: adjacent positions above 2^53 differ as bigints,
          // which they would not if they had passed through a double.
          expect(sortedUnique(positions)).toBe(true);
          expect(positions.at(-1)).toBe(second.position);
          expect(await high.headPosition()).toBe(second.position);
          const afterA = await high.readAll({ after: positions[0], maxCount: 10 });
          expect(afterA.map((e) => e.type)).toEqual(['B', 'C']);
          const abort = new AbortController();
          const live = take(high.subscribeToAll({ after: positions[1], signal: abort.signal }), 2);
          await high.append(s, [event('D')], { expectedRevision: 2n });
          const seen = await live;
          abort.abort();
          expect(seen.map((e) => e.type)).toEqual(['C', 'D']);
          expect(seen.every((e) => e.position > TWO_53)).toBe(true);
        } finally {
          await factory.dispose?.(high);
        }
      },
    );
  });
}
