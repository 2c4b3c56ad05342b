/**
 * Measures the KurrentDB adapter against the FAKE KurrentDB server, run as its own process:
 *
 *   npx tsx test/support/kurrentdb-fake/measure.ts migrate [events]    SQLite → fake, events/s
 *   npx tsx test/support/kurrentdb-fake/measure.ts catch-up [events]   subscribeToAll from 0, events/s
 *
 * Figures are for this fake on this machine, not for KurrentDB (see docs/operations.md).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { KurrentDbEventStore } from '../../../src/eventstore/kurrentdb.js';
import { migrate } from '../../../src/eventstore/migrate.js';
import { SqliteEventStore } from '../../../src/eventstore/sqlite.js';
import { createLogger } from '../../../src/log.js';
import { projectRoot } from '../../../src/paths.js';

const [what = 'migrate', count = what === 'migrate' ? '100000' : '1000000'] = process.argv.slice(2);
const events = Number(count);

const server = spawn(
  process.execPath,
  [
    ...(process.env.FAKE_EXEC_ARGV?.split(' ') ?? []),
    '--import',
    'tsx',
    'test/support/kurrentdb-fake/main.ts',
    '--seed',
    what === 'catch-up' ? count : '0',
  ],
  { cwd: projectRoot(), stdio: ['ignore', 'pipe', 'inherit'] },
);
// However this process ends, the server it started ends with it.
process.on('exit', () => server.kill('SIGTERM'));
const { url } = await new Promise<{ url: string }>((resolve) =>
  createInterface({ input: server.stdout }).once('line', (l) => resolve(JSON.parse(l))),
);
const logger = createLogger('warn');
const store = new KurrentDbEventStore(url, { logger, pageSize: 5000 });
try {
  if (what === 'migrate') {
    const dir = mkdtempSync(join(tmpdir(), 'replika-measure-'));
    const source = new SqliteEventStore(join(dir, 'source.db'));
    const revisions = new Map<string, bigint>();
    const pending: Promise<unknown>[] = [];
    for (let i = 0, written = 0; written < events; i++) {
      const stream = `adoption-${(i * 7919) % 20_000}_m`;
      const size = Math.min(events - written, (i % 3) + 1);
      const current = revisions.get(stream);
      revisions.set(stream, (current ?? -1n) + BigInt(size));
      pending.push(
        source.append(
          stream,
          Array.from({ length: size }, (_, k) => ({
            id: crypto.randomUUID(),
            type: 'MilestoneReported',
            data: { i, k, note: 'measured migration'.padEnd(240, '.') },
            metadata: { actor: 'measure' },
          })),
          { expectedRevision: current ?? 'no_stream' },
        ),
      );
      written += size;
      if (pending.length >= 500) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    const started = performance.now();
    const result = await migrate(source, store, { pageSize: 2000 });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `migrate: ${result.copied} events SQLite → fake KurrentDB in ${seconds.toFixed(1)} s = ` +
        `${Math.round(result.copied / seconds)} events/s (complete: ${result.complete})`,
    );
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  } else {
    const head = await store.headPosition();
    const abort = new AbortController();
    let seen = 0;
    const started = performance.now();
    for await (const batch of store.subscribeToAll({ signal: abort.signal })) {
      seen += batch.length;
      if ((batch.at(-1)?.position ?? 0n) >= head) break;
    }
    abort.abort();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `catch-up: ${seen} events from the fake KurrentDB in ${seconds.toFixed(1)} s = ` +
        `${Math.round(seen / seconds)} events/s`,
    );
  }
} finally {
  await store.close();
  server.kill('SIGTERM');
}
