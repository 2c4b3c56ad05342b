import { execFile } from 'node:child_process';
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
    expect($migration).toEqual({
      sourcePosition: s.position.toString(),
      recordedAt: s.recordedAt.toISOString(),
    });
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
    ['one append at a time (as for KurrentDB)', false],
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
const NOT_RUN = 'not run: KURRENTDB_URL is not set (see README, "Event store")';

// Skipped unless KURRENTDB_URL points at a server: no KurrentDB can run on the build machines,
// and a skip (never a pass) is what the report must show then.
describe.skipIf(!url)(`migrate into KurrentDB${url ? '' : ` — ${NOT_RUN}`}`, () => {
  it('copies a SQLite log into KurrentDB, interrupted and resumed, every event once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replika-migrate-kdb-'));
    const target = new KurrentDbEventStore(url ?? '', { logger: createLogger('warn') });
    // The server may hold earlier runs' migrated events: start this source's positions above
    // every source position recorded there, so the resume point stays this run's own.
    const floor = await migratedUpTo(target);
    const source = new SqliteEventStore(join(dir, 'source.db'), { firstPosition: floor + 1n });
    try {
      const original = await fillSource(source, `kdb-${Date.now()}`);
      const first = await migrate(source, target, { maxEvents: 77 });
      expect(first.complete).toBe(false);
      const second = await migrate(source, target);
      expect(second.complete).toBe(true);
      expect(first.copied + second.copied).toBe(original.length);
      const ids = new Set(original.map((e) => e.id));
      const copied = (await readAllPages(target)).filter((e) => ids.has(e.id));
      expectFaithfulCopy(original, copied);
    } finally {
      await source.close();
      await target.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
