import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppendResult, ConcurrencyError, type EventData } from '../../src/eventstore/port.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite.js';
import { appendWithRetry, event, readAllPages } from './contract.js';

const run = promisify(execFile);

describe('SQLite event store: group commit, durability, concurrency', () => {
  let dir: string;
  let path: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'replika-sqlite-'));
    path = join(dir, 'events.db');
    store = new SqliteEventStore(path);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits appends that arrive together in one transaction; a conflicting one fails alone', async () => {
    await store.append('shared', [event('Seed')], { expectedRevision: 'no_stream' });
    const before = store.stats();
    const appends = Array.from({ length: 40 }, (_, i) =>
      store.append(`group-${i}`, [event('G', { i }), event('H', { i })], {
        expectedRevision: 'no_stream',
      }),
    );
    // Two appends expecting the same revision of one stream in the same group: the first wins,
    // the second sees the first's insert inside the shared transaction and conflicts.
    const winner = store.append('shared', [event('W')], { expectedRevision: 0n });
    const loser = store.append('shared', [event('L')], { expectedRevision: 0n });
    const results = await Promise.allSettled([...appends, winner, loser]);
    const after = store.stats();
    expect(after.transactions - before.transactions).toBe(1);
    expect(after.appends - before.appends).toBe(42);
    expect(after.largestGroup).toBe(42);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    expect((results[41] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    expect((await store.readStream('shared')).map((e) => e.type)).toEqual(['Seed', 'W']);
    // Each append got its own contiguous positions, in submission order.
    const positions = results
      .slice(0, 40)
      .map((r) => (r as PromiseFulfilledResult<AppendResult>).value.position);
    expect(positions).toEqual(positions.map((_, i) => (positions[0] ?? 0n) + BigInt(i * 2)));
  });

  it("checks revisions against another writer's commits to the same file (two stores, as two processes)", async () => {
    const other = new SqliteEventStore(path);
    try {
      await store.append('contested', [event('A')], { expectedRevision: 'no_stream' });
      await other.append('contested', [event('B')], { expectedRevision: 0n });
      // This store last wrote revision 0 itself; the other one has moved the stream on since.
      await expect(
        store.append('contested', [event('C')], { expectedRevision: 0n }),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      await store.append('contested', [event('C')], { expectedRevision: 1n });
      await other.append('contested', [event('D')], { expectedRevision: 2n });
      await expect(
        store.append('contested', [event('E')], { expectedRevision: 2n }),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await store.readStream('contested')).map((e) => e.type)).toEqual([
        'A',
        'B',
        'C',
        'D',
      ]);
    } finally {
      await other.close();
    }
  });

  it('fails an append whose payload is not JSON alone, leaving its group untouched', async () => {
    const results = await Promise.allSettled([
      store.append('fine-1', [event('A')], { expectedRevision: 'no_stream' }),
      store.append('bad', [event('B', { n: 1n })], { expectedRevision: 'no_stream' }),
      store.append('bad', [{ ...event('C'), data: undefined }], { expectedRevision: 'no_stream' }),
      store.append('fine-2', [event('D')], { expectedRevision: 'no_stream' }),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(TypeError);
    expect(await store.readStream('bad')).toEqual([]);
    expect((await readAllPages(store)).map((e) => e.type)).toEqual(['A', 'D']);
  });

  it('acknowledges an append only after its commit: another connection already sees it', async () => {
    expect(store.durability()).toEqual({ journalMode: 'wal', synchronous: 'FULL' });
    const reader = new Database(path, { readonly: true });
    try {
      const count = reader.prepare('SELECT count(*) AS n FROM events WHERE id = ?');
      const checks = Array.from({ length: 20 }, async (_, i) => {
        const e = event('Durable', { i });
        await store.append(`durable-${i % 3}`, [e], { expectedRevision: 'any' });
        // Runs in the same tick as the acknowledgement: no later commit can have helped.
        return (count.get(e.id) as { n: number }).n;
      });
      expect(await Promise.all(checks)).toEqual(Array(20).fill(1));
    } finally {
      reader.close();
    }
  });

  it('keeps every acknowledged event after the store is closed and reopened', async () => {
    const acked: EventData[] = [];
    for (let i = 0; i < 10; i++) {
      const e = event('Kept', { i });
      await store.append('kept', [e], { expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1) });
      acked.push(e);
    }
    await store.close();
    store = new SqliteEventStore(path, { firstPosition: 2n ** 60n });
    const read = await store.readStream('kept');
    expect(read.map((e) => e.id)).toEqual(acked.map((e) => e.id));
    // firstPosition only applies to an empty log.
    expect(await store.headPosition()).toBe(10n);
  });

  it('64 concurrent appenders: every acknowledged event once, contiguous revisions, only concurrency errors', async () => {
    const writers = 64;
    const streams = Array.from({ length: 16 }, (_, i) => `hot-${i}`);
    const conflicts = { count: 0, other: [] as unknown[] };
    const acked = (
      await Promise.all(
        Array.from({ length: writers }, (_, w) =>
          appendWithRetry(store, streams[w % streams.length] ?? '', 8, `writer-${w}`, conflicts),
        ),
      )
    ).flat();
    expect(conflicts.other).toEqual([]);
    // Four writers per stream race for each revision, so real conflicts happen and are retried.
    expect(conflicts.count).toBeGreaterThan(0);
    const log = await readAllPages(store);
    expect(log).toHaveLength(writers * 8);
    const ids = log.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(acked.map((e) => e.id)));
    expect(log.map((e) => e.position)).toEqual(log.map((_, i) => BigInt(i + 1)));
    for (const s of streams) {
      const revisions = log.filter((e) => e.streamName === s).map((e) => e.revision);
      expect(revisions).toEqual(revisions.map((_, i) => BigInt(i)));
    }
    expect(store.stats().largestGroup).toBeGreaterThan(1);
  });

  it('64 concurrent appenders on their own streams never fail', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 64 }, async (_, w) => {
        let expected: bigint | 'no_stream' = 'no_stream';
        for (let i = 0; i < 10; i++)
          expected = (
            await store.append(`own-${w}`, [event('Own', { w, i })], { expectedRevision: expected })
          ).nextExpectedRevision;
        return expected;
      }),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await store.headPosition()).toBe(640n);
    // Appends arriving together share transactions: far fewer commits than appends.
    expect(store.stats().transactions).toBeLessThan(640 / 8);
  });

  it('shares the log file with other processes appending at the same time, without busy failures', async () => {
    const helper = fileURLToPath(new URL('./support/appender.ts', import.meta.url));
    const spawnAppender = (tag: string) =>
      run(process.execPath, ['--import', 'tsx', helper, path, 'shared-file', '40', tag]).then(
        (r) => JSON.parse(r.stdout) as { acked: string[]; conflicts: number; other: string[] },
      );
    const conflicts = { count: 0, other: [] as unknown[] };
    const [a, b, mine] = await Promise.all([
      spawnAppender('process-a'),
      spawnAppender('process-b'),
      appendWithRetry(store, 'shared-file', 40, 'main', conflicts),
    ]);
    expect([...a.other, ...b.other, ...conflicts.other]).toEqual([]);
    const read = await store.readStream('shared-file');
    expect(read).toHaveLength(120);
    expect(read.map((e) => e.revision)).toEqual(read.map((_, i) => BigInt(i)));
    expect(new Set(read.map((e) => e.id))).toEqual(
      new Set([...a.acked, ...b.acked, ...mine.map((e) => e.id)]),
    );
  }, 60_000);
});
