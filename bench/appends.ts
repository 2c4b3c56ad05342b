/** The benchmark's append loads: `writers` concurrent writers, each awaiting its append before the next. */
import type { EventStore } from '../src/eventstore/port.js';
import type { StreamBatch } from './dataset.js';

/** Appends streams with `writers` concurrent writers; each append is `perAppend` events at most. */
export async function appendAll(
  store: EventStore,
  streams: StreamBatch[],
  writers: number,
  mode: 'one-event-per-append' | 'whole-stream',
): Promise<{ events: number; ns: bigint }> {
  let next = 0;
  let events = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let i = next++; i < streams.length; i = next++) {
        const { stream, events: batch } = streams[i] as StreamBatch;
        if (mode === 'whole-stream') {
          await store.append(stream, batch, { expectedRevision: 'no_stream' });
        } else {
          for (const [revision, event] of batch.entries())
            await store.append(stream, [event], {
              expectedRevision: revision === 0 ? 'no_stream' : BigInt(revision - 1),
            });
        }
        events += batch.length;
      }
    }),
  );
  return { events, ns: process.hrtime.bigint() - started };
}

export function take(source: Iterator<StreamBatch>, minEvents: number): StreamBatch[] {
  const out: StreamBatch[] = [];
  let n = 0;
  while (n < minEvents) {
    const next = source.next();
    if (next.done) break;
    out.push(next.value);
    n += next.value.events.length;
  }
  return out;
}
