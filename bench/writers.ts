/**
 * `npx tsx bench/writers.ts [--rounds 3] [--events 40000] [--segments 8] [--dir D]`
 *
 * Only the 64-writer rows of `npm run bench`, for working on the group commit without running the
 * whole benchmark. Each round appends `--events` one-event appends with 64 concurrent writers
 * to a log with its commit thread and to one with `inlineCommits` (each on a fresh file that
 * first gets the dataset's innovations, as in the bench), and writes the thread's events with the
 * raw grouped-insert baseline (bench/baselines/raw-appends.ts) to a file of its own, on the same
 * disk. The three take turns in `--segments` slices, so a neighbour's load that comes and goes
 * falls on all three alike. Each round prints the rates and their ratios to the baseline, the
 * bytes written to the disk per event (WAL frames and checkpoints; from /proc/self/io), and how
 * busy the request thread was during each store's appends (its event-loop utilization: what is
 * not left of it for serving reads while the writers write).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Regions } from '../src/application/regions.js';
import { SqliteEventStore } from '../src/eventstore/sqlite.js';
import { appendAll, take } from './appends.js';
import { rawGroupedAppends } from './baselines/raw-appends.js';
import { generateDataset, shapeFor } from './dataset.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const rounds = Number(option('rounds') ?? 3);
const perRound = Number(option('events') ?? 40_000);
const segments = Number(option('segments') ?? 8);
const WRITERS = 64;

const benchRoot = option('dir') ?? tmpdir();
mkdirSync(benchRoot, { recursive: true });
const dir = mkdtempSync(join(benchRoot, 'replika-writers-'));
const codes = (await Regions.load()).regencies().map((r) => r.code);
const source = generateDataset(shapeFor(1, codes.length), codes, 7);
const innovations = [...source.innovations];

type Row = 'raw' | 'thread' | 'inline';
const ROWS: Row[] = ['raw', 'thread', 'inline'];

/** Bytes this process has had written to the disk so far (Linux; 0 where unknown). */
function bytesWritten(): number {
  try {
    return Number(/write_bytes: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const means = { raw: 0, thread: 0, inline: 0 };
try {
  for (let round = 1; round <= rounds; round++) {
    const stores = {
      thread: new SqliteEventStore(join(dir, `thread-${round}.db`)),
      inline: new SqliteEventStore(join(dir, `inline-${round}.db`), { inlineCommits: true }),
    };
    for (const store of Object.values(stores))
      await appendAll(store, innovations, WRITERS, 'whole-stream');
    const sum = Object.fromEntries(
      ROWS.map((row) => [row, { events: 0, ns: 0n, busy: 0, bytes: 0 }]),
    ) as Record<Row, { events: number; ns: bigint; busy: number; bytes: number }>;
    const measure = async (
      row: Row,
      run: () => Promise<{ events: number; ns: bigint; busy?: number }>,
    ) => {
      const before = bytesWritten();
      const done = await run();
      sum[row].bytes += bytesWritten() - before;
      sum[row].events += done.events;
      sum[row].ns += done.ns;
      sum[row].busy += (done.busy ?? 1) / segments;
    };
    for (let segment = 0; segment < segments; segment++) {
      const forThread = take(source.streams, perRound / segments);
      const forInline = take(source.streams, perRound / segments);
      const rawFile = join(dir, `raw-${round}.db`);
      await measure('raw', async () =>
        rawGroupedAppends(
          rawFile,
          forThread.flatMap((s) => s.events),
        ),
      );
      for (const [row, batch] of [
        ['thread', forThread],
        ['inline', forInline],
      ] as const)
        await measure(row, () => appendAll(stores[row], batch, WRITERS, 'one-event-per-append'));
    }
    const largest = {
      thread: stores.thread.stats().largestGroup,
      inline: stores.inline.stats().largestGroup,
    };
    for (const store of Object.values(stores)) await store.close();
    const rate = (row: Row) => Math.round(sum[row].events / (Number(sum[row].ns) / 1e9));
    const raw = rate('raw');
    for (const row of ROWS) means[row] += rate(row) / (row === 'raw' ? 1 : raw) / rounds;
    const written = (row: Row) => `${Math.round(sum[row].bytes / sum[row].events)} B written/event`;
    const describe = (row: 'thread' | 'inline') =>
      `${rate(row)} events/s = ${(rate(row) / raw).toFixed(2)} of raw (${written(row)}, largest group ${largest[row]}, request thread busy ${Math.round(sum[row].busy * 100)}%)`;
    console.log(
      `round ${round}: raw ${raw} events/s (${written('raw')}) | commit thread ${describe('thread')} | inline ${describe('inline')}`,
    );
  }
  console.log(
    `mean of ${rounds} rounds: raw ${Math.round(means.raw)} events/s | commit thread ${means.thread.toFixed(2)} of raw | inline ${means.inline.toFixed(2)} of raw`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
