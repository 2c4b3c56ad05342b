/** The benchmark's append loads: `writers` concurrent writers, each awaiting its append before the next. */
import { performance } from 'node:perf_hooks';
import type { EventStore } from '../src/eventstore/port.js';
import type { StreamBatch } from './dataset.js';

/**
 * Appends streams with `writers` concurrent writers, one stream after another each: all of a
 * stream's events in one append, or one event per append. Answers how long it took and how busy
 * the request thread was meanwhile (its event-loop utilization, 0–1: what was not left for other
 * work, such as serving reads).
 */
export async function appendAll(
  store: EventStore,
  streams: StreamBatch[],
  writers: number,
  mode: 'one-event-per-append' | 'whole-stream',
): Promise<{ events: number; ns: bigint; busy: number }> {
  let next = 0;
  let events = 0;
  const loop = performance.eventLoopUtilization();
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
  const ns = process.hrtime.bigint() - started;
  return { events, ns, busy: performance.eventLoopUtilization(loop).utilization };
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
