import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConcurrencyError,
  type EventData,
  type EventStore,
  type RecordedEvent,
} from '../../src/eventstore/port.js';

export interface StoreFactory {
  /** A fresh, empty store (or one whose streams are unique to this test). */
  create(): Promise<EventStore>;
  /** Removes what `create` made. */
  dispose?(store: EventStore): Promise<void>;
}

export const event = (type = 'Something', data: unknown = { n: 1 }): EventData => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'test', correlationId: randomUUID() },
});

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
  });
}
