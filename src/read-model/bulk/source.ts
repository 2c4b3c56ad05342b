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

/**
 * Events per batch: small enough that a batch dies young (batches of 5,000 were promoted to the
 * old generation and took the rebuild's peak memory past 400 MB at 200,000 events).
 */
const BATCH = 500;
/**
 * Decode threads. On two cores, one decodes while this one writes; more share the validation
 * (the costliest step) on a larger machine but cost ~70 MB each.
 */
const DECODERS = 1;

/**
 * The log from `after` up to `head`, decoded and validated. On the embedded SQLite store the
 * reading, JSON parsing and validation run on a worker thread, ahead of the caller, so both cores
 * work during a rebuild; on another store (KurrentDB) they run here, page by page.
 */
export function decodedBatches(
  store: EventStore,
  after: bigint,
  head: bigint,
  options: { batch?: number; threads?: boolean } = {},
): AsyncIterable<DecodedBatch> {
  const batch = options.batch ?? BATCH;
  if (store instanceof SqliteEventStore && store.file && options.threads !== false)
    return fromWorkers({ file: store.file, after, head, batch, ahead: 2 }, DECODERS);
  return fromStore(store, after, head, batch);
}

async function* fromStore(store: EventStore, after: bigint, head: bigint, batch: number) {
  let position = after;
  while (position < head) {
    const page = await store.readAll({ after: position, maxCount: batch });
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

/** One decode worker and what it has posted that was not taken yet. */
function decoder(job: DecodeJob) {
  // A small young generation: a decoder's garbage is short-lived, and two of them run at once.
  const worker = startWorker(import.meta.url, 'decode-worker', job, {
    maxYoungGenerationSizeMb: 8,
  });
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
  return {
    worker,
    async next(): Promise<Message> {
      for (;;) {
        const message = queue.shift();
        if (message) {
          if ('events' in message) worker.postMessage('took');
          return message;
        }
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
  };
}

/** The log's ranges, decoded by `count` workers in turn and taken back in log order. */
async function* fromWorkers(
  job: Omit<DecodeJob, 'stride' | 'index'>,
  count: number,
): AsyncIterable<DecodedBatch> {
  const decoders = Array.from({ length: count }, (_, index) =>
    decoder({ ...job, stride: count, index }),
  );
  try {
    for (let turn = 0; ; turn = (turn + 1) % count) {
      const next = await (decoders[turn] as ReturnType<typeof decoder>).next();
      // The worker whose turn it is has no range left: no later range is below the head either.
      if ('done' in next) return;
      if ('damaged' in next) {
        const d = next.damaged;
        throw new DamagedEventError(d.position, d.streamName, d.revision, d.type, d.problem);
      }
      yield { events: next.events.map(received), position: next.position };
    }
  } finally {
    await Promise.all(decoders.map((d) => d.worker.terminate()));
  }
}
