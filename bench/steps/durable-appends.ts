/**
 * Step 1: durable appends on a scratch log (same disk), events from a second copy of the
 * generator: one writer, 64 concurrent writers (commit thread, then inline commits), and the raw
 * grouped-insert baseline on the same events.
 */
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/eventstore/sqlite.js';
import { appendAll, take } from '../appends.js';
import { rawGroupedAppends } from '../baselines/raw-appends.js';
import { generateDataset, shapeFor } from '../dataset.js';
import { round, seconds } from '../report.js';
import { type BenchContext, WRITERS } from './context.js';

export async function measureDurableAppends({
  dataDir,
  scale,
  quick,
  codes,
  recorder,
}: BenchContext) {
  const { record } = recorder;
  const scratch = new SqliteEventStore(join(dataDir, 'scratch', 'events.db'));
  const source = generateDataset(shapeFor(Math.max(scale, 0.05), codes.length), codes, 7);
  const innovations = [...source.innovations];
  await appendAll(scratch, innovations, WRITERS, 'whole-stream');
  const sequentialEvents = quick ? 300 : 2000;
  const concurrentEvents = quick ? 6000 : 40_000;
  const seq = await appendAll(
    scratch,
    take(source.streams, sequentialEvents),
    1,
    'one-event-per-append',
  );
  record({
    name: 'durable appends, 1 sequential writer',
    value: round(seq.events / seconds(seq.ns)),
    unit: 'events/s',
    note: `${seq.events} appends of 1 event, each awaited (fsync per commit)`,
  });
  const concurrentBatch = take(source.streams, concurrentEvents);
  const conc = await appendAll(scratch, concurrentBatch, WRITERS, 'one-event-per-append');
  const concurrentRate = round(conc.events / seconds(conc.ns));
  record({
    name: 'durable appends, 64 concurrent writers',
    value: concurrentRate,
    unit: 'events/s',
    goal: '>= 50000',
    note: `${conc.events} appends of 1 event (one command each), group-committed; request thread busy ${round(conc.busy * 100)}%`,
  });
  record({
    name: 'concurrent / sequential append speed-up',
    value: round(concurrentRate / (seq.events / seconds(seq.ns)), 1),
    unit: 'x',
    goal: '>= 10',
  });
  await scratch.close();
  // The same load with commits on the request thread (the design before the commit thread).
  const inline = new SqliteEventStore(join(dataDir, 'scratch', 'inline.db'), {
    inlineCommits: true,
  });
  const inlineRun = await appendAll(
    inline,
    take(source.streams, concurrentEvents),
    WRITERS,
    'one-event-per-append',
  );
  await inline.close();
  record({
    name: 'durable appends, 64 writers, commits on the request thread (before issue 14)',
    value: round(inlineRun.events / seconds(inlineRun.ns)),
    unit: 'events/s',
    note: `same load, same run: what the commit thread is compared with; request thread busy ${round(inlineRun.busy * 100)}%`,
  });
  // The same events the 64 writers appended (into a file of its own): at a tiny scale the
  // dataset has no further events to take.
  const raw = rawGroupedAppends(
    join(dataDir, 'scratch', 'raw-appends.db'),
    concurrentBatch.flatMap((s) => s.events),
  );
  const rawRate = round(raw.events / seconds(raw.ns));
  record({
    name: 'baseline: 64 one-event inserts per transaction + fsync, in a loop (same disk)',
    value: rawRate,
    unit: 'events/s',
    note: `${raw.events} events, one thread, no checks`,
  });
  record({
    name: '64 concurrent writers / raw grouped-insert baseline',
    value: round(concurrentRate / rawRate, 2),
    unit: 'ratio',
    goal: '>= 0.6',
  });
}
