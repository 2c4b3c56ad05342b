/**
 * A second OS process appending to the same SQLite event log, for the cross-process test:
 * `node --import tsx appender.ts <events.db> <stream> <count> <tag>`. Prints one JSON line:
 * the acknowledged event ids, the number of real conflicts it retried, and any other error.
 */
import { SqliteEventStore } from '../../../src/eventstore/sqlite.js';
import { appendWithRetry } from './helpers.js';

const [path, stream, count, tag] = process.argv.slice(2);
const store = new SqliteEventStore(path ?? '');
const conflicts = { count: 0, other: [] as unknown[] };
let acked: string[] = [];
try {
  acked = (await appendWithRetry(store, stream ?? '', Number(count), tag ?? '', conflicts)).map(
    (e) => e.id,
  );
} catch {
  // recorded in conflicts.other
}
await store.close();
console.log(
  JSON.stringify({
    acked,
    conflicts: conflicts.count,
    other: conflicts.other.map((e) => String(e)),
  }),
);
