import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '../../eventstore/sqlite.js';
import { type DecodedBatch, decodedBatches } from './source.js';

/** The bulk build's reader: the decode threads answer the log exactly as reading it here does. */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function all(source: AsyncIterable<DecodedBatch>) {
  const events = [];
  let position = 0n;
  for await (const batch of source) {
    events.push(...batch.events);
    position = batch.position;
  }
  return { events, position };
}

describe('decoded batches', () => {
  it('reads the same events in log order on the decode threads, positions above 2^53 too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replika-source-'));
    dirs.push(dir);
    const store = new SqliteEventStore(join(dir, 'events.db'), { firstPosition: 2n ** 53n + 1n });
    try {
      for (let n = 0; n < 47; n++)
        await store.append(
          `innovation-i-${n}`,
          [
            {
              id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
              type: n % 5 === 4 ? 'SomethingElse' : 'InnovationRegistered',
              data: {
                innovationId: `i-${n}`,
                originCode: '35.10',
                name: `Inovasi ${n}`,
                category: 'PUBLIC_SERVICE',
                digital: n % 2 === 0,
                evidence: [],
              },
              metadata: { actor: 'test' },
            },
          ],
          { expectedRevision: 'no_stream' },
        );
      const head = await store.headPosition();
      const here = await all(decodedBatches(store, 0n, head, { batch: 7, threads: false }));
      const threads = await all(decodedBatches(store, 0n, head, { batch: 7 }));
      expect(here.events).toHaveLength(38);
      expect(threads).toEqual(here);
      expect(threads.position).toBe(head);
      const later = await all(decodedBatches(store, head - 10n, head, { batch: 3 }));
      expect(later.events.map((e) => e.position)).toEqual(
        here.events.filter((e) => e.position > head - 10n).map((e) => e.position),
      );
    } finally {
      await store.close();
    }
  });
});
