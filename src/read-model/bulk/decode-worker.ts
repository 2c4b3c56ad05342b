/**
 * Worker thread of the bulk rebuild: reads the SQLite event log from a position up to a head,
 * decodes and validates every payload (JSON.parse, zod) and posts the events in batches, so the
 * main thread only parses valid JSON and writes rows. `stride` workers share the log: worker
 * `index` takes every stride-th range of `batch` positions. At most `ahead` batches wait
 * unconsumed (the main thread sends a message for each one it takes).
 */
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ProjectedEvent } from '../../../projections/projection.js';
import { DamagedEventError } from '../../eventstore/damaged.js';
import { type EventRow, toRecorded } from '../../eventstore/sqlite.js';
import { decode } from '../decode.js';

export interface DecodeJob {
  file: string;
  after: bigint;
  head: bigint;
  batch: number;
  ahead: number;
  stride: number;
  index: number;
}

const job = workerData as DecodeJob;
const port = parentPort;
if (!port) throw new Error('decode-worker runs as a worker thread');

const db = new Database(job.file, { readonly: true, fileMustExist: true });
const page = db
  .prepare('SELECT * FROM events WHERE position > ? AND position <= ? ORDER BY position')
  .safeIntegers(true);
const first = db
  .prepare('SELECT min(position) AS p FROM events WHERE position > ?')
  .safeIntegers(true);
let taken = 0;
let sent = 0;
port.on('message', () => {
  taken += 1;
});
db.exec('BEGIN'); // one read snapshot for the whole scan
try {
  // Ranges count from the first position after `after` (positions may start far above 1).
  const start = ((first.get(job.after) as { p: bigint | null }).p ?? job.head + 1n) - 1n;
  const span = BigInt(job.batch);
  for (let lo = start + BigInt(job.index) * span; lo < job.head; lo += span * BigInt(job.stride)) {
    const hi = lo + span < job.head ? lo + span : job.head;
    const rows = page.all(lo, hi) as EventRow[];
    const events: Array<EventRow | ProjectedEvent> = [];
    for (const row of rows) {
      const event = decode(toRecorded(row));
      // A payload that is exactly what validation answers (the usual case: no unknown keys)
      // travels as its row, cheaper to copy between threads than the decoded object.
      if (event) events.push(JSON.stringify(event.data) === row.data ? row : event);
    }
    while (sent - taken >= job.ahead) await once(port, 'message');
    port.postMessage({ events, position: hi });
    sent += 1;
  }
  port.postMessage({ done: true });
} catch (error) {
  // A damaged event stops the build, named as the live path names it.
  if (!(error instanceof DamagedEventError)) throw error;
  const { position, streamName, revision, type, problem } = error;
  port.postMessage({ damaged: { position, streamName, revision, type, problem } });
} finally {
  db.exec('COMMIT');
  db.close();
}
