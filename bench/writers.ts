/**
 * `npx tsx bench/writers.ts [--rounds 3] [--events 40000] [--dir D]`
 *
 * Only the 64-writer rows of `npm run bench`, for working on the group commit without running the
 * whole benchmark: per round, on the same disk and in this order, the raw grouped-insert baseline
 * (bench/baselines/raw-appends.ts), the store with its commit thread, and the store with
 * `inlineCommits`, each on a fresh log. Prints each rate and its ratio to the same round's
 * baseline — machines here are noisy, so only same-round ratios compare.
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
const perRun = Number(option('events') ?? 40_000);
const WRITERS = 64;
const rate = (r: { events: number; ns: bigint }) => Math.round(r.events / (Number(r.ns) / 1e9));

const benchRoot = option('dir') ?? tmpdir();
mkdirSync(benchRoot, { recursive: true });
const dir = mkdtempSync(join(benchRoot, 'replika-writers-'));
const codes = (await Regions.load()).regencies().map((r) => r.code);
const source = generateDataset(shapeFor(1, codes.length), codes, 7);
const innovations = [...source.innovations];

/** The store's row: a log that already holds the innovations, then 64 one-event writers. */
async function storeRun(file: string, batch: StreamBatch[], inlineCommits: boolean) {
  const store = new SqliteEventStore(file, { inlineCommits });
  await appendAll(store, innovations, WRITERS, 'whole-stream');
  const run = await appendAll(store, batch, WRITERS, 'one-event-per-append');
  const stats = store.stats();
  await store.close();
  return { ...run, groups: stats.transactions };
}

const figures: Array<{ raw: number; thread: number; inline: number }> = [];
try {
  for (let round = 1; round <= rounds; round++) {
    const forThread = take(source.streams, perRun);
    const forInline = take(source.streams, perRun);
    const raw = rawGroupedAppends(
      join(dir, `raw-${round}.db`),
      forThread.flatMap((s) => s.events),
    );
    const thread = await storeRun(join(dir, `thread-${round}.db`), forThread, false);
    const inline = await storeRun(join(dir, `inline-${round}.db`), forInline, true);
    const f = { raw: rate(raw), thread: rate(thread), inline: rate(inline) };
    figures.push(f);
    console.log(
      `round ${round}: raw ${f.raw} events/s | commit thread ${f.thread} (${(f.thread / f.raw).toFixed(2)}, ${thread.groups} groups) | inline ${f.inline} (${(f.inline / f.raw).toFixed(2)}, ${inline.groups} groups)`,
    );
  }
  const mean = (pick: (f: (typeof figures)[number]) => number) =>
    figures.reduce((sum, f) => sum + pick(f), 0) / figures.length;
  console.log(
    `mean of ${rounds}: raw ${Math.round(mean((f) => f.raw))} | commit thread ${Math.round(mean((f) => f.thread))} (ratio ${mean((f) => f.thread / f.raw).toFixed(2)}) | inline ${Math.round(mean((f) => f.inline))} (ratio ${mean((f) => f.inline / f.raw).toFixed(2)})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
