/**
 * The embedded log's commit thread: takes groups of appends from the store, commits each in one
 * fsync'd transaction (LogWriter) and answers their outcomes. The store gathers the next group
 * while this thread waits for the disk, so the disk is kept busy and the event loop never blocks
 * on a sync.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LogWriter, openLog } from './sqlite-log.js';
import { groupFromWire, outcomesToWire, type WireGroup } from './sqlite-wire.js';
import { asStorageError, StorageError } from './storage-error.js';

const { path, firstPosition } = workerData as { path: string; firstPosition?: bigint };
const port = parentPort;
if (!port) throw new Error('sqlite-commit-worker runs as a worker thread');
const db = openLog(path);
const writer = new LogWriter(db, firstPosition);

port.on('message', (message: (WireGroup & { now: bigint }) | 'close') => {
  if (message === 'close') {
    db.close();
    port.close();
    return;
  }
  try {
    const answer = outcomesToWire(writer.commit(groupFromWire(message), message.now));
    port.postMessage(answer, 'ok' in answer ? [answer.ok.buffer as ArrayBuffer] : []);
  } catch (error) {
    const refused = asStorageError(error, path);
    port.postMessage({
      failed: {
        message: refused instanceof Error ? refused.message : String(refused),
        storage: refused instanceof StorageError ? refused.code : undefined,
      },
    });
  }
});
port.postMessage({ ready: true });
