import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fromPosition, KurrentDbEventStore, toPosition } from '../../src/eventstore/kurrentdb.js';
import { createLogger } from '../../src/log.js';
import { type FakeKurrentDb, startFakeKurrentDb } from '../support/kurrentdb-fake/index.js';
import { eventStoreContract } from './contract.js';

const url = process.env.KURRENTDB_URL;
const logger = createLogger('warn');

// The FAKE KurrentDB server (test/support/kurrentdb-fake): the real client over its grpc-js
// path (appends, subscriptions) and its Rust bridge (reads) against a protocol-level test double.
// It proves the adapter against our reading of the server, not against KurrentDB itself.
let fake: FakeKurrentDb;
let fakeHigh: FakeKurrentDb;
beforeAll(async () => {
  fake = await startFakeKurrentDb();
  fakeHigh = await startFakeKurrentDb({ firstPosition: 2n ** 53n + 1000n });
});
afterAll(async () => {
  await fake?.stop();
  await fakeHigh?.stop();
});

eventStoreContract('KurrentDB (fake server)', {
  async create() {
    return new KurrentDbEventStore(fake.url, { logger });
  },
  async createWithPositionsAbove2p53() {
    return new KurrentDbEventStore(fakeHigh.url, { logger });
  },
  refusesReusedIds: false,
  reusedIdSkip:
    'KurrentDB deduplicates retries of the same append (same ids, same stream) but does not ' +
    'refuse an id reused in another stream',
  async dispose(store) {
    await store.close();
  },
});

// Beside the fake: the same suite against a real server when KURRENTDB_URL names one.
describe.skipIf(!url)(
  `against a real server${url ? '' : ' — not run: KURRENTDB_URL is not set'}`,
  () => {
    eventStoreContract('KurrentDB (live server)', {
      // One server for all tests: every test writes to streams with fresh random names.
      async create() {
        return new KurrentDbEventStore(url ?? '', { logger });
      },
      positionsAbove2p53Skip:
        'KurrentDB positions are byte offsets in its transaction file; a log past 2^53 bytes ' +
        '(8 PiB) cannot be made for a test against a live server (the fake server starts there).',
      refusesReusedIds: false,
      reusedIdSkip: 'KurrentDB does not refuse an id reused in another stream',
      async dispose(store) {
        await store.close();
      },
    });
  },
);

describe('KurrentDB position mapping (no server needed)', () => {
  it('maps $all positions above 2^53 to exact bigints and back', () => {
    const big = 2n ** 53n + 1n;
    expect(fromPosition({ commit: big, prepare: big })).toBe(big);
    expect(toPosition(big)).toEqual({ commit: big, prepare: big });
    expect(toPosition(0n)).toBe('start');
    expect(fromPosition(undefined)).toBe(0n);
  });
});

describe('KurrentDB subscription drops (no server needed: an unreachable one drops every attempt)', () => {
  it('resubscribes with growing backoff, says so in the logs, and stops on abort', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino(
      { level: 'warn' },
      { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    const store = new KurrentDbEventStore(`kurrentdb://127.0.0.1:${port}?tls=false`, {
      logger,
      backoff: { initialMs: 20, maxMs: 80 },
    });
    const abort = new AbortController();
    const batches: unknown[] = [];
    const done = (async () => {
      for await (const batch of store.subscribeToAll({ after: 42n, signal: abort.signal }))
        batches.push(batch);
    })();
    await vi.waitFor(() => expect(lines.length).toBeGreaterThanOrEqual(4), { timeout: 15_000 });
    abort.abort();
    await done;
    await store.close();
    expect(batches).toEqual([]);
    const drops = lines.filter((l) => String(l.msg).includes('resubscribing'));
    expect(drops.length).toBeGreaterThanOrEqual(4);
    expect(drops.slice(0, 4).map((l) => l.retryInMs)).toEqual([20, 40, 80, 80]);
    expect(drops.every((l) => l.resumeFrom === '42')).toBe(true);
  });
});
