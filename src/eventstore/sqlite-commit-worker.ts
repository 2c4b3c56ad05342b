/**
 * The embedded log's commit thread: takes the groups of appends the store sends in pieces
 * (sqlite-commit-thread.ts), checks and inserts each piece as it arrives inside the group's
 * transaction, and on the group's last piece commits it (fsync'd, LogWriter) and answers every
 * append's outcome. The store gathers the next group while this thread waits for the disk, so the
 * event loop never blocks on a sync.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type AppendOutcome, LogWriter, openLog } from './sqlite-log.js';
import { groupFromWire, outcomesToWire, type WireGroup } from './sqlite-wire.js';
import { asStorageError, StorageError } from './storage-error.js';

const { path, firstPosition } = workerData as { path: string; firstPosition?: bigint };
const port = parentPort;
if (!port) throw new Error('sqlite-commit-worker runs as a worker thread');
const db = openLog(path);
const writer = new LogWriter(db, firstPosition);

/** The open group: its outcomes so far, or what failed it (then it was rolled back). */
let open = false;
let outcomes: AppendOutcome[] = [];
let failure: unknown;

function answer(): void {
  if (failure === undefined) {
    const wire = outcomesToWire(outcomes);
    port?.postMessage(wire, 'ok' in wire ? [wire.ok.buffer as ArrayBuffer] : []);
    return;
  }
  const refused = asStorageError(failure, path);
  port?.postMessage({
    failed: {
      message: refused instanceof Error ? refused.message : String(refused),
      storage: refused instanceof StorageError ? refused.code : undefined,
    },
  });
}

port.on('message', (message: (WireGroup & { now: bigint; last: boolean }) | 'close') => {
  if (message === 'close') {
    db.close();
    port.close();
    return;
  }
  if (!open) {
    open = true;
    outcomes = [];
    failure = undefined;
    try {
      writer.begin();
    } catch (error) {
      failure = error;
      writer.rollback();
    }
  }
  if (failure === undefined)
    try {
      for (const request of groupFromWire(message))
        outcomes.push(writer.append(request, message.now));
      if (message.last) writer.end();
    } catch (error) {
      // The whole group rolls back: nothing of it is stored; its later pieces are only answered.
      failure = error;
      writer.rollback();
    }
  if (!message.last) return;
  open = false;
  answer();
});
port.postMessage({ ready: true });
