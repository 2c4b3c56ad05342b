import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KurrentDbEventStore } from '../../src/eventstore/kurrentdb.js';
import { MigrationConflictError, migrate, migratedUpTo } from '../../src/eventstore/migrate.js';
import type { EventStore, RecordedEvent } from '../../src/eventstore/port.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite.js';
import { createLogger } from '../../src/log.js';
import { type FakeKurrentDb, startFakeKurrentDb } from '../support/kurrentdb-fake/index.js';
import { event, readAllPages } from './contract.js';

const run = promisify(execFile);

/** A source log: 40 streams, appends of 1–3 events interleaved across streams. */
async function fillSource(store: EventStore, prefix: string): Promise<RecordedEvent[]> {
  const revisions = new Map<string, bigint>();
  for (let i = 0; i < 120; i++) {
    const stream = `${prefix}-${(i * 7) % 40}`;
    const size = (i % 3) + 1;
    const events = Array.from({ length: size }, (_, k) => ({
      ...event(`Type${k}`, { i, k, text: `event ${i}.${k}`, nested: { ok: true } }),
      metadata: { actor: `actor-${i % 5}`, correlationId: `c-${i}`, causationId: `x-${i}` },
    }));
    const current = revisions.get(stream);
    const result = await store.append(stream, events, {
      expectedRevision: current === undefined ? 'no_stream' : current,
    });
    revisions.set(stream, result.nextExpectedRevision);
  }
  return readAllPages(store);
}

/** The target holds every source event exactly once, in order, with everything kept. */
function expectFaithfulCopy(source: RecordedEvent[], copied: RecordedEvent[]) {
  expect(copied.map((e) => e.id)).toEqual(source.map((e) => e.id));
  expect(new Set(copied.map((e) => e.id)).size).toBe(copied.length);
  for (const [i, s] of source.entries()) {
    const t = copied[i];
    expect(t?.streamName).toBe(s.streamName);
    expect(t?.revision).toBe(s.revision);
    expect(t?.type).toBe(s.type);
    expect(t?.data).toEqual(s.data);
    const { $migration, ...rest } = t?.metadata ?? {};
    expect(rest).toEqual(s.metadata);
    expect($migration).toMatchObject({
      sourcePosition: s.position.toString(),
      recordedAt: s.recordedAt.toISOString(),
    });
    // Where a run may resume: at or before the event's own source position.
    expect(BigInt($migration?.resumeAfter ?? '-1') < s.position).toBe(true);
    expect(t?.recordedAt.getTime()).toBe(s.recordedAt.getTime());
  }
}

describe('migrate: copying one event log into another through the port', () => {
  let dir: string;
  let source: SqliteEventStore;
  let target: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'replika-migrate-'));
    source = new SqliteEventStore(join(dir, 'source.db'));
    target = new SqliteEventStore(join(dir, 'target.db'));
  });
  afterEach(async () => {
    await source.close();
    await target.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['pipelined (a page of appends at once)', true],
    ['one append at a time', false],
  ])(
    'resumes after an interruption and finds every event once, in order, ids and metadata intact: %s',
    async (_, pipeline) => {
      const original = await fillSource(source, 'mig');
      expect(original.length).toBe(240);

      // First run: stopped by a maximum count, in the middle of a multi-event append.
      const first = await migrate(source, target, { maxEvents: 101, pageSize: 50, pipeline });
      expect(first).toMatchObject({ copied: 101, complete: false, resumedAfter: 0n });
      expect(await migratedUpTo(target)).toBe(original[100]?.position);

      // Second run: interrupted by an abort signal once the first page is in.
      const abort = new AbortController();
      let appends = 0;
      const second = await migrate(source, target, {
        signal: abort.signal,
        pageSize: 50,
        pipeline,
        onProgress: (p) => {
          if (p.copied > 0 && ++appends === 1) abort.abort();
        },
      });
      expect(second.complete).toBe(false);
      expect(second.resumedAfter).toBe(original[100]?.position);
      expect(second.copied).toBeGreaterThan(0);

      // Third run: finishes.
      const third = await migrate(source, target, { pageSize: 50, pipeline });
      expect(third.complete).toBe(true);
      expect(first.copied + second.copied + third.copied).toBe(original.length);
      expectFaithfulCopy(original, await readAllPages(target));

      // Running again copies nothing and changes nothing.
      const again = await migrate(source, target, { pipeline });
      expect(again).toMatchObject({ copied: 0, complete: true });
      expect(await readAllPages(target)).toHaveLength(original.length);
    },
  );

  it('stores nothing twice when an append the target already holds is sent again', async () => {
    const original = await fillSource(source, 'dup');
    await migrate(source, target, { maxEvents: 60 });
    // As if the last append had been acknowledged just as the previous run was killed, and the
    // run resumed from an older point: the target answers the replays by event id.
    const replay = original.slice(0, 60);
    for (const e of replay)
      await target.append(
        e.streamName,
        [
          {
            id: e.id,
            type: e.type,
            data: e.data,
            metadata: {
              ...e.metadata,
              $migration: {
                sourcePosition: e.position.toString(),
                recordedAt: e.recordedAt.toISOString(),
              },
            },
          },
        ],
        { expectedRevision: e.revision === 0n ? 'no_stream' : e.revision - 1n },
      );
    await migrate(source, target);
    expectFaithfulCopy(original, await readAllPages(target));
  });

  it('refuses to merge into a target that holds other events for the same streams', async () => {
    await fillSource(source, 'clash');
    await target.append('clash-0', [event('Foreign')], { expectedRevision: 'no_stream' });
    await expect(migrate(source, target)).rejects.toBeInstanceOf(MigrationConflictError);
  });

  it('runs as `replika migrate` with resumable runs', async () => {
    const original = await fillSource(source, 'cli');
    await source.close();
    await target.close();
    const cli = (args: string[]) =>
      run('npx', ['tsx', 'src/cli/main.ts', 'migrate', ...args], { cwd: process.cwd() }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string; stderr: string }) => ({
          code: e.code,
          out: e.stdout + e.stderr,
        }),
      );
    const from = `sqlite:${join(dir, 'source.db')}`;
    const to = `sqlite:${join(dir, 'target.db')}`;
    const partial = await cli(['--from', from, '--to', to, '--max-events', '70', '--no-progress']);
    expect(partial.code).toBe(3);
    expect(partial.out).toMatch(/stopped after 70 events .* run the same command again to resume/);
    const rest = await cli(['--from', from, '--to', to, '--no-progress']);
    expect(rest.code).toBe(0);
    expect(rest.out).toMatch(/migration complete: copied 170 events this run/);
    source = new SqliteEventStore(join(dir, 'source.db'));
    target = new SqliteEventStore(join(dir, 'target.db'));
    expectFaithfulCopy(original, await readAllPages(target));
    const bad = await cli(['--from', 'mysql://x', '--to', to, '--no-progress']);
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/unknown store "mysql:\/\/x"/);
  }, 60_000);
});

const url = process.env.KURRENTDB_URL;

// Into KurrentDB: the FAKE KurrentDB server always (test/support/kurrentdb-fake, the real client
// on both of its paths), a real server too when KURRENTDB_URL names one.
const targets: Array<[string, string | undefined]> = [['the fake KurrentDB server', undefined]];
if (url) targets.push(['a live KurrentDB server', url]);
describe.each(targets)('migrate into KurrentDB: %s', (_, liveUrl) => {
  let fake: FakeKurrentDb | undefined;
  let dir: string;
  let target: KurrentDbEventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'replika-migrate-kdb-'));
    fake = liveUrl ? undefined : await startFakeKurrentDb({ maxAppendSize: 16 * 1024 });
    target = new KurrentDbEventStore(liveUrl ?? fake?.url ?? '', { logger: createLogger('warn') });
  });
  afterEach(async () => {
    await target.close();
    await fake?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([true, false])(
    'copies a SQLite log, interrupted and resumed, every event once (pipelined: %s)',
    async (pipeline) => {
      // A live server may hold earlier runs' migrated events: start this source's positions
      // above every source position recorded there, so the resume point stays this run's own.
      const floor = await migratedUpTo(target);
      const source = new SqliteEventStore(join(dir, 'source.db'), { firstPosition: floor + 1n });
      try {
        const original = await fillSource(source, `kdb-${Date.now()}`);
        const first = await migrate(source, target, { maxEvents: 77, pipeline, pageSize: 50 });
        expect(first).toMatchObject({ complete: false, copied: 77 });
        const second = await migrate(source, target, { pipeline, pageSize: 50 });
        expect(second.complete).toBe(true);
        expect(first.copied + second.copied).toBe(original.length);
        const ids = new Set(original.map((e) => e.id));
        const copied = (await readAllPages(target)).filter((e) => ids.has(e.id));
        expectFaithfulCopy(original, copied);
      } finally {
        await source.close();
      }
    },
    120_000,
  );

  it.skipIf(liveUrl !== undefined)(
    'splits a run of one stream that exceeds the append size limit (16 KiB on this fake)',
    async () => {
      const source = new SqliteEventStore(join(dir, 'big.db'));
      try {
        const events = Array.from({ length: 40 }, (_, i) =>
          event('Big', { i, text: 'x'.repeat(3000) }),
        );
        await source.append('big-1', events, { expectedRevision: 'no_stream' });
        const result = await migrate(source, target, { maxAppendBytes: 1024 * 1024 });
        expect(result).toMatchObject({ complete: true, copied: 40 });
        const copied = await target.readStream('big-1');
        expect(copied.map((e) => e.id)).toEqual(events.map((e) => e.id));
        const appends = fake?.calls.filter((c) => c.method === 'BatchAppend').length ?? 0;
        expect(appends).toBeGreaterThanOrEqual(1);
      } finally {
        await source.close();
      }
    },
  );

  it.skipIf(liveUrl !== undefined)(
    'copies a KurrentDB log with $ streams between its events out again, none missed',
    async () => {
      const s = `out-${randomUUID()}`;
      for (let i = 0; i < 30; i++) {
        await target.append(s, [event('U', { i })], {
          expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1),
        });
        fake?.log.writeRaw('$projections-x-result', [
          {
            id: randomUUID(),
            type: 'Result',
            contentType: 'application/json',
            data: Buffer.from('{}'),
            metadata: new Uint8Array(),
          },
        ]);
      }
      const out = new SqliteEventStore(join(dir, 'out.db'));
      try {
        const result = await migrate(target, out, { pageSize: 7 });
        expect(result).toMatchObject({ complete: true, copied: 30 });
        expect((await out.readStream(s)).map((e) => (e.data as { i: number }).i)).toEqual([
          ...Array(30).keys(),
        ]);
      } finally {
        await out.close();
      }
    },
  );
});
