/**
 * The KurrentDB adapter under the faults a cluster shows, each reproduced by a hook of the FAKE
 * KurrentDB server (test/support/kurrentdb-fake), with the real client on both of its paths.
 */
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EventStoreTimeoutError,
  KurrentDbEventStore,
  UnsupportedLogError,
  UnsupportedServerError,
} from '../../src/eventstore/kurrentdb.js';
import type { RecordedEvent } from '../../src/eventstore/port.js';
import { type FakeKurrentDb, startFakeKurrentDb } from '../support/kurrentdb-fake/index.js';
import { event, readAllPages } from './support/helpers.js';

const quiet = pino({ level: 'silent' });
/** Short deadlines so the faults resolve quickly; outcomes do not depend on timing. */
const retry = { attemptTimeoutMs: 400, budgetMs: 20_000, initialBackoffMs: 10, maxBackoffMs: 100 };

async function collect(store: KurrentDbEventStore, stream: string, count: number, after = 0n) {
  const abort = new AbortController();
  const seen: RecordedEvent[] = [];
  const batches: number[] = [];
  for await (const batch of store.subscribeToAll({ after, signal: abort.signal })) {
    batches.push(batch.length);
    seen.push(...batch.filter((e) => e.streamName === stream));
    if (seen.length >= count) break;
  }
  abort.abort();
  return { seen, batches };
}

describe.each([
  ['BatchAppend', false],
  ['unary Append', true],
])('appends through %s retry idempotently', (_, withoutBatchAppend) => {
  let fake: FakeKurrentDb;
  let store: KurrentDbEventStore;
  beforeEach(async () => {
    fake = await startFakeKurrentDb({ withoutBatchAppend });
    store = new KurrentDbEventStore(fake.url, { logger: quiet, retry });
  });
  afterEach(async () => {
    await store.close();
    await fake.stop();
  });

  it.each(['not-leader', 'unavailable', 'unavailable-after-write', 'hang'] as const)(
    'on %s: the append succeeds once, with its first result',
    async (fault) => {
      const s = `faulty-${randomUUID()}`;
      await store.append(s, [event('A')], { expectedRevision: 'no_stream' });
      fake.faults.appends.push(fault);
      const events = [event('B'), event('C')];
      const result = await store.append(s, events, { expectedRevision: 0n });
      expect(result.nextExpectedRevision).toBe(2n);
      const read = await store.readStream(s);
      expect(read.map((e) => e.type)).toEqual(['A', 'B', 'C']);
      expect(result.position).toBe(read.at(-1)?.position);
      expect(fake.faults.appends).toEqual([]);
    },
  );

  it('gives up with a timeout error when the server never answers within the budget', async () => {
    const impatient = new KurrentDbEventStore(fake.url, {
      logger: quiet,
      retry: { ...retry, attemptTimeoutMs: 150, budgetMs: 500 },
    });
    fake.faults.appends.push(...Array(20).fill('hang'));
    await expect(
      impatient.append(`hung-${randomUUID()}`, [event()], { expectedRevision: 'no_stream' }),
    ).rejects.toBeInstanceOf(EventStoreTimeoutError);
    await impatient.close();
  });
});

describe('the fake KurrentDB server, fault by fault', () => {
  let fake: FakeKurrentDb;
  let store: KurrentDbEventStore;
  beforeEach(async () => {
    fake = await startFakeKurrentDb();
    store = new KurrentDbEventStore(fake.url, { logger: quiet, retry, pageSize: 50 });
  });
  afterEach(async () => {
    await store.close();
    await fake.stop();
  });

  it('a BatchAppend stream that ends cleanly with appends pending: each is retried and stored once', async () => {
    const streams = Array.from({ length: 6 }, () => `pending-${randomUUID()}`);
    fake.faults.appends.push('end-batch-stream');
    const results = await Promise.all(
      streams.map((s) => store.append(s, [event('A')], { expectedRevision: 'no_stream' })),
    );
    expect(results.every((r) => r.nextExpectedRevision === 0n)).toBe(true);
    for (const s of streams) expect(await store.readStream(s)).toHaveLength(1);
    expect(fake.calls.filter((c) => c.method === 'BatchAppend').length).toBeGreaterThanOrEqual(2);
  });

  it('an append that hangs while hundreds are in flight: the process survives, each is stored once', async () => {
    // The client writes BatchAppend requests through a queue that, when the stream dies with
    // requests still queued, rejects them inside an async executor nobody awaits: an unhandled
    // rejection that ends the process. The adapter keeps few enough appends in flight that
    // nothing queues there, and renewing the appending client after the hang is safe.
    const streams = Array.from({ length: 600 }, () => `crowd-${randomUUID()}`);
    fake.faults.appends.push('hang');
    const results = await Promise.all(
      streams.map((s) =>
        store.append(s, [event('A', { pad: 'x'.repeat(20_000) })], {
          expectedRevision: 'no_stream',
        }),
      ),
    );
    expect(results.every((r) => r.nextExpectedRevision === 0n)).toBe(true);
    for (const s of streams.slice(0, 20)) expect(await store.readStream(s)).toHaveLength(1);
    expect(fake.log.records.filter((r) => r.stream.startsWith('crowd-'))).toHaveLength(600);
  });

  it('a subscription dropped while it delivers resumes from the last event handled: no gap, no duplicate', async () => {
    const s = `dropped-${randomUUID()}`;
    for (let i = 0; i < 120; i++)
      await store.append(s, [event('H', { i })], {
        expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1),
      });
    const lines: string[] = [];
    const logged = new KurrentDbEventStore(fake.url, {
      logger: pino({ level: 'warn' }, { write: (l: string) => lines.push(l) }),
      backoff: { initialMs: 10, maxMs: 20 },
      pageSize: 50,
    });
    fake.faults.dropSubscriptionAfterEvents = 7;
    const received = collect(logged, s, 160);
    // Live events only once the history is read and the gRPC subscription is open.
    await vi.waitFor(() => expect(fake.calls.some((c) => c.kind === 'subscription')).toBe(true));
    for (let i = 120; i < 160; i++)
      await store.append(s, [event('L', { i })], { expectedRevision: BigInt(i - 1) });
    const { seen } = await received;
    await logged.close();
    expect(seen.map((e) => (e.data as { i: number }).i)).toEqual(
      Array.from({ length: 160 }, (_, i) => i),
    );
    expect(lines.some((l) => l.includes('resubscribing from the last position handled'))).toBe(
      true,
    );
  });

  it('stream reads without positions (servers before 22.x) are refused, naming the version needed', async () => {
    const s = `old-${randomUUID()}`;
    await store.append(s, [event()], { expectedRevision: 'no_stream' });
    fake.faults.streamReadsWithoutPosition = true;
    const error = await store.readStream(s).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedServerError);
    expect(String(error)).toMatch(/22\.10/);
  });

  it('a checkpoint past the end of the log is not trusted: events written later still arrive', async () => {
    const s = `checkpoint-${randomUUID()}`;
    await store.append(s, [event('A', { i: 0 })], { expectedRevision: 'no_stream' });
    fake.faults.checkpointPastEnd = true;
    const abort = new AbortController();
    const seen: RecordedEvent[] = [];
    const done = (async () => {
      for await (const batch of store.subscribeToAll({ signal: abort.signal })) {
        seen.push(...batch.filter((e) => e.streamName === s));
        if (seen.length === 1) fake.dropConnections(); // resubscribe after the bogus checkpoint
        if (seen.length >= 4) break;
      }
    })();
    for (let i = 1; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 50));
      await store.append(s, [event('B', { i })], { expectedRevision: BigInt(i - 1) });
    }
    await done;
    abort.abort();
    expect(seen.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3]);
  });

  it('non-$ event types inside $ streams: full pages, the head and the subscription agree', async () => {
    const s = `mixed-${randomUUID()}`;
    const system = () => ({
      id: randomUUID(),
      type: 'Result', // as a projection's result stream holds
      contentType: 'application/json',
      data: Buffer.from('{}'),
      metadata: new Uint8Array(),
    });
    for (let i = 0; i < 10; i++) {
      await store.append(s, [event('U', { i })], {
        expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1),
      });
      fake.log.writeRaw('$projections-stats-result', Array.from({ length: 60 }, system));
    }
    const users = (await readAllPages(store, 0n, 3)).filter((e) => e.streamName === s);
    expect(users.map((e) => (e.data as { i: number }).i)).toEqual([...Array(10).keys()]);
    expect((await store.readAll({ maxCount: 4 })).map((e) => e.streamName)).toEqual([s, s, s, s]);
    expect(await store.headPosition()).toBe(users.at(-1)?.position);
    const { seen } = await collect(store, s, 10);
    expect(seen.map((e) => e.id)).toEqual(users.map((e) => e.id));
  });

  it('reads that hang or fail are retried under a deadline', async () => {
    const s = `reads-${randomUUID()}`;
    const { position } = await store.append(s, [event()], { expectedRevision: 'no_stream' });
    fake.faults.reads.push('hang', 'unavailable');
    expect(await store.readStream(s)).toHaveLength(1);
    fake.faults.reads.push('hang');
    expect(await store.headPosition()).toBe(position);
    fake.faults.reads.push('hang', 'unavailable');
    expect((await store.readAll()).map((e) => e.streamName)).toContain(s);
    expect(fake.faults.reads).toEqual([]);
  });

  it('an event whose commit and prepare positions differ (an old explicit transaction) is refused, not dropped', async () => {
    const s = `transaction-${randomUUID()}`;
    await store.append(s, [event()], { expectedRevision: 'no_stream' });
    const [record] = fake.log.writeRaw(s, [
      {
        id: randomUUID(),
        type: 'InTransaction',
        contentType: 'application/json',
        data: Buffer.from('{}'),
        metadata: Buffer.from('{}'),
      },
    ]);
    if (record) record.prepare = record.position - 40n;
    await expect(readAllPages(store)).rejects.toBeInstanceOf(UnsupportedLogError);
    await expect(store.readStream(s)).rejects.toBeInstanceOf(UnsupportedLogError);
  });
});
