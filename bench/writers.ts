/**
 * `npx tsx bench/writers.ts [--rounds 3] [--events 40000] [--segments 8] [--dir D]`
 *
 * Only the 64-writer rows of `npm run bench`, for working on the group commit without running the
 * whole benchmark. Each round appends `--events` one-event appends with 64 concurrent writers
 * to a log with its commit thread and to one with `inlineCommits` (each on a fresh file that
 * first gets the dataset's innovations, as in the bench), and writes the thread's events with the
 * raw grouped-insert baseline (bench/baselines/raw-appends.ts) to a file of its own, on the same
 * disk. The three take turns in `--segments` slices, so a neighbour's load that comes and goes
 * falls on all three alike; each round prints the rates and their ratios to the baseline, and how
 * busy the request thread was during each store's appends (its event-loop utilization: what is
 * left of it for serving reads while the writers write).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Regions } from '../src/application/regions.js';
import { SqliteEventStore } from '../src/eventstore/sqlite.js';
import { appendAll, take } from './appends.js';
import { rawGroupedAppends } from './baselines/raw-appends.js';
import { generateDataset, type StreamBatch, shapeFor } from './dataset.js';

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
const totals = { raw: 0, thread: 0, inline: 0 };
try {
  for (let round = 1; round <= rounds; round++) {
    const thread = new SqliteEventStore(join(dir, `thread-${round}.db`));
    const inline = new SqliteEventStore(join(dir, `inline-${round}.db`), { inlineCommits: true });
    for (const store of [thread, inline])
      await appendAll(store, innovations, WRITERS, 'whole-stream');
    const busy = { thread: 0, inline: 0 };
    const timed = async (
      row: 'thread' | 'inline',
      store: SqliteEventStore,
      batch: StreamBatch[],
    ) => {
      const run = await appendAll(store, batch, WRITERS, 'one-event-per-append');
      busy[row] += run.busy / segments;
      return run;
    };
    const time = {
      raw: { events: 0, ns: 0n },
      thread: { events: 0, ns: 0n },
      inline: { events: 0, ns: 0n },
    };
    const add = (row: Row, run: { events: number; ns: bigint }) => {
      time[row].events += run.events;
      time[row].ns += run.ns;
    };
    for (let segment = 0; segment < segments; segment++) {
      const forThread = take(source.streams, perRound / segments);
      const forInline = take(source.streams, perRound / segments);
      add(
        'raw',
        rawGroupedAppends(
          join(dir, `raw-${round}.db`),
          forThread.flatMap((s) => s.events),
        ),
      );
      add('thread', await timed('thread', thread, forThread));
      add('inline', await timed('inline', inline, forInline));
    }
    const groups = { thread: thread.stats(), inline: inline.stats() };
    await thread.close();
    await inline.close();
    const rate = (row: Row) => Math.round(time[row].events / (Number(time[row].ns) / 1e9));
    const raw = rate('raw');
    const describe = (row: 'thread' | 'inline') =>
      `${rate(row)} events/s = ${(rate(row) / raw).toFixed(2)} of raw (largest group ${groups[row].largestGroup}, request thread busy ${Math.round(busy[row] * 100)}%)`;
    for (const row of ['raw', 'thread', 'inline'] as const)
      totals[row] += rate(row) / (row === 'raw' ? 1 : raw);
    console.log(
      `round ${round}: raw ${raw} events/s | commit thread ${describe('thread')} | inline ${describe('inline')}`,
    );
  }
  console.log(
    `mean of ${rounds} rounds: raw ${Math.round(totals.raw / rounds)} events/s | commit thread ${(totals.thread / rounds).toFixed(2)} of raw | inline ${(totals.inline / rounds).toFixed(2)} of raw`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
