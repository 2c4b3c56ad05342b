/** Step 2: the bulk load of the dataset: 64 writers, one append per stream (all of its events). */
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/eventstore/sqlite.js';
import { appendAll, take } from '../appends.js';
import { generateDataset, type shapeFor } from '../dataset.js';
import { log, round, seconds } from '../report.js';
import { type BenchContext, WRITERS } from './context.js';

/** Loads the run's log; answers how many events it holds and when the load ended. */
export async function loadDataset(
  { dataDir, codes, recorder }: BenchContext,
  shape: ReturnType<typeof shapeFor>,
): Promise<{ loaded: number; loadedAt: number }> {
  const store = new SqliteEventStore(join(dataDir, 'events.db'));
  const dataset = generateDataset(shape, codes);
  let loaded = 0;
  let appendNs = 0n;
  const innovations = [...dataset.innovations];
  const first = await appendAll(store, innovations, WRITERS, 'whole-stream');
  loaded += first.events;
  appendNs += first.ns;
  for (;;) {
    const chunk = take(dataset.streams, 50_000);
    if (chunk.length === 0) break;
    const done = await appendAll(store, chunk, WRITERS, 'whole-stream');
    loaded += done.events;
    appendNs += done.ns;
    log(`loaded ${loaded} events`);
  }
  recorder.record({
    name: 'bulk load, 64 writers, whole-stream appends',
    value: round(loaded / seconds(appendNs)),
    unit: 'events/s',
    goal: '>= 50000',
    note: `${loaded} events in ${dataset.pairs} adoptions + innovations + visits; generation time excluded`,
  });
  recorder.record({ name: 'events in the log', value: loaded, unit: 'events' });
  const loadedAt = Date.now();
  await store.close();
  return { loaded, loadedAt };
}
