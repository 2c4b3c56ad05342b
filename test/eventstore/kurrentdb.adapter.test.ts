/**
 * What the review of the KurrentDB adapter found, each shown fixed against the FAKE KurrentDB
 * server (test/support/kurrentdb-fake) with the real client, or without a server where the
 * point is the mapping itself.
 */
import { randomUUID } from 'node:crypto';
import type { RecordedEvent as KurrentRecordedEvent } from '@kurrent/kurrentdb-client';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  InvalidPositionError,
  KurrentDbEventStore,
  UnsupportedLogError,
} from '../../src/eventstore/kurrentdb.js';
import { toRecorded } from '../../src/eventstore/kurrentdb-records.js';
import { openStoreByUrl } from '../../src/eventstore/open.js';
import { AppendTooLargeError, type RecordedEvent } from '../../src/eventstore/port.js';
import { type FakeKurrentDb, startFakeKurrentDb } from '../support/kurrentdb-fake/index.js';
import { event } from './support/helpers.js';

const quiet = pino({ level: 'silent' });
let fake: FakeKurrentDb;
let store: KurrentDbEventStore;
beforeAll(async () => {
  fake = await startFakeKurrentDb({ maxAppendSize: 64 * 1024 });
  store = new KurrentDbEventStore(fake.url, { logger: quiet, pageSize: 500 });
});
afterAll(async () => {
  await store.close();
  await fake.stop();
});

async function firstBatches(after: bigint, until: bigint) {
  const abort = new AbortController();
  const sizes: number[] = [];
  const seen: RecordedEvent[] = [];
  for await (const batch of store.subscribeToAll({ after, signal: abort.signal })) {
    sizes.push(batch.length);
    seen.push(...batch);
    if ((batch.at(-1)?.position ?? 0n) >= until) break;
  }
  abort.abort();
  return { sizes, seen };
}

describe('the KurrentDB adapter, defect by defect', () => {
  it('stamps recordedAt at append: the same milliseconds through the Rust bridge and grpc-js', async () => {
    const s = `time-${randomUUID()}`;
    const before = Date.now();
    const appended = event('A');
    // Live through the gRPC subscription (history would come through the bridge's reads).
    const abort = new AbortController();
    const from = fake.calls.length;
    const live = (async () => {
      for await (const batch of store.subscribeToAll({
        after: await store.headPosition(),
        signal: abort.signal,
      })) {
        const found = batch.find((e) => e.streamName === s);
        if (found) return found;
      }
    })();
    await vi.waitFor(() =>
      expect(fake.calls.slice(from).some((c) => c.kind === 'subscription')).toBe(true),
    );
    await store.append(s, [appended], { expectedRevision: 'no_stream' });
    const viaGrpc = await live;
    abort.abort();
    const [viaBridge] = await store.readStream(s);
    expect(viaBridge?.recordedAt.getTime()).toBe(viaGrpc?.recordedAt.getTime());
    expect(Math.abs((viaBridge?.recordedAt.getTime() ?? 0) - before)).toBeLessThan(60_000);
    // The stamp is ours, not the caller's: metadata reads back as it was appended.
    expect(viaBridge?.metadata).toEqual(appended.metadata);
    expect(viaGrpc?.metadata).toEqual(appended.metadata);
  });

  it('reads commands and the head position from the leader', async () => {
    const s = `leader-${randomUUID()}`;
    await store.append(s, [event()], { expectedRevision: 'no_stream' });
    const from = fake.calls.length;
    await store.readStream(s);
    await store.headPosition();
    const reads = fake.calls.slice(from).filter((c) => c.method === 'Read');
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.every((c) => c.requiresLeader)).toBe(true);
  });

  it('refuses positions that are not event boundaries, in reads and subscriptions', async () => {
    const s = `boundary-${randomUUID()}`;
    const { position } = await store.append(s, [event(), event()], {
      expectedRevision: 'no_stream',
    });
    const inside = position - 1n;
    await expect(store.readAll({ after: inside })).rejects.toBeInstanceOf(InvalidPositionError);
    const subscription = store.subscribeToAll({ after: inside })[Symbol.asyncIterator]();
    await expect(subscription.next()).rejects.toBeInstanceOf(InvalidPositionError);
    expect((await store.readAll({ after: position })).length).toBe(0);
  });

  it('catches up in large batches (pages of the store’s page size), not message by message', async () => {
    const s = `bulk-${randomUUID()}`;
    const start = await store.headPosition();
    for (let i = 0; i < 12; i++)
      await store.append(
        s,
        Array.from({ length: 100 }, (_, k) => event('Bulk', { i, k })),
        {
          expectedRevision: i === 0 ? 'no_stream' : BigInt(i * 100 - 1),
        },
      );
    const head = await store.headPosition();
    const { sizes, seen } = await firstBatches(start, head);
    expect(seen.filter((e) => e.streamName === s)).toHaveLength(1200);
    expect(sizes.slice(0, 2)).toEqual([500, 500]);
  });

  it('maps the server’s append size limit to AppendTooLargeError, writing nothing', async () => {
    const s = `large-${randomUUID()}`;
    const big = Array.from({ length: 30 }, () => event('Big', { x: 'x'.repeat(4000) }));
    const error = await store.append(s, big, { expectedRevision: 'no_stream' }).catch((e) => e);
    expect(error).toBeInstanceOf(AppendTooLargeError);
    expect((error as AppendTooLargeError).limit).toBe(64 * 1024);
    expect(await store.readStream(s)).toEqual([]);
  });

  it('refuses throwOnAppendFailure=false and accepts every KurrentDB scheme', async () => {
    expect(
      () => new KurrentDbEventStore(`${fake.url}&throwOnAppendFailure=false`, { logger: quiet }),
    ).toThrow(/throwOnAppendFailure=false/);
    for (const scheme of ['kurrent', 'kurrentdb', 'kdb']) {
      const opened = await openStoreByUrl(fake.url.replace('kurrentdb', scheme), quiet);
      expect(opened).toBeInstanceOf(KurrentDbEventStore);
      await opened.close();
    }
  });
});

describe('KurrentDB record mapping (no server needed)', () => {
  const recorded = (commit: bigint, prepare: bigint): KurrentRecordedEvent =>
    ({
      streamId: 's',
      id: randomUUID(),
      revision: 0n,
      type: 'T',
      data: {},
      metadata: {},
      isJson: true,
      created: new Date(),
      position: { commit, prepare },
    }) as KurrentRecordedEvent;

  it('refuses an event whose commit and prepare positions differ (explicit transactions)', () => {
    expect(() => toRecorded(recorded(500n, 400n))).toThrow(UnsupportedLogError);
    expect(toRecorded(recorded(500n, 500n)).position).toBe(500n);
  });
});
