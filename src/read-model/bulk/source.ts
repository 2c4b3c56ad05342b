import type { ProjectedEvent } from '../../../projections/projection.js';
import { DamagedEventError } from '../../eventstore/damaged.js';
import type { EventStore } from '../../eventstore/port.js';
import { type EventRow, SqliteEventStore, toRecorded } from '../../eventstore/sqlite.js';
import { startWorker } from '../../threads.js';
import { decode } from '../decode.js';
import type { DecodeJob } from './decode-worker.js';

/** A run of decoded events and the log position it reaches (events no projection knows are left out). */
export interface DecodedBatch {
  events: ProjectedEvent[];
  position: bigint;
}

const BATCH = 5000;

/**
 * The log from `after` up to `head`, decoded and validated. On the embedded SQLite store the
 * reading, JSON parsing and validation run on a worker thread, ahead of the caller, so both cores
 * work during a rebuild; on another store (KurrentDB) they run here, page by page.
 */
export function decodedBatches(
  store: EventStore,
  after: bigint,
  head: bigint,
): AsyncIterable<DecodedBatch> {
  if (store instanceof SqliteEventStore && store.file)
    return fromWorker({ file: store.file, after, head, batch: BATCH, ahead: 2 });
  return fromStore(store, after, head);
}

async function* fromStore(store: EventStore, after: bigint, head: bigint) {
  let position = after;
  while (position < head) {
    const page = await store.readAll({ after: position, maxCount: BATCH });
    const last = page.at(-1);
    if (!last) return;
    const events: ProjectedEvent[] = [];
    for (const event of page) {
      if (event.position > head) break;
      const decoded = decode(event);
      if (decoded) events.push(decoded);
      position = event.position;
    }
    yield { events, position };
  }
}

/** A validated event: as its row when its payload is exactly what validation answers. */
type Posted = EventRow | ProjectedEvent;
type Message = { events: Posted[]; position: bigint } | { done: true } | { damaged: Damaged };
interface Damaged {
  position: bigint;
  streamName: string;
  revision: bigint;
  type: string;
  problem: string;
}

const received = (e: Posted): ProjectedEvent =>
  'streamName' in e ? e : (toRecorded(e) as ProjectedEvent);

async function* fromWorker(job: DecodeJob): AsyncIterable<DecodedBatch> {
  const worker = startWorker(import.meta.url, 'decode-worker', job);
  const queue: Message[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const nudge = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (m: Message) => {
    queue.push(m);
    nudge();
  });
  worker.on('error', (error) => {
    failure = error;
    nudge();
  });
  worker.on('exit', (code) => {
    if (code !== 0) failure ??= new Error(`decode worker exited with ${code}`);
    nudge();
  });
  try {
    for (;;) {
      const next = queue.shift();
      if (!next) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      if ('done' in next) return;
      if ('damaged' in next) {
        const d = next.damaged;
        throw new DamagedEventError(d.position, d.streamName, d.revision, d.type, d.problem);
      }
      worker.postMessage('took');
      yield { events: next.events.map(received), position: next.position };
    }
  } finally {
    await worker.terminate();
  }
}
