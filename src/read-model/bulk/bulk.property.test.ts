import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projections } from '../../../projections/index.js';
import { eventsOf, step } from '../../../test/support/adoption-steps.js';
import type { RecordedEvent } from '../../eventstore/port.js';
import { openReadModel } from '../database.js';
import { decode } from '../decode.js';
import { physicalTable } from '../versions.js';
import { buildInBulk } from './build.js';
import type { DecodedBatch } from './source.js';

/**
 * The bulk build (src/read-model/bulk) and the live path (every projection's `prepare`, one
 * event at a time) must leave identical tables — every row, every column, and the same indexes —
 * whatever the sequence of reports, study visits, suspensions, retractions and verdicts. Reports
 * carry a replication mode or none and sometimes an import's known-on date, so the folds of the
 * adoptions and the figures (`figure_reach`: modes, first days reached and known) are held to it.
 */
/** Every table and index of every projection, as rows in a stable order. */
function dump(db: ReturnType<typeof openReadModel>) {
  const tables: Record<string, unknown[]> = {};
  for (const p of projections)
    for (const table of p.tables) {
      const name = physicalTable(p)(table);
      tables[name] = db
        .prepare(`SELECT * FROM ${name}`)
        .all()
        .map((r) => JSON.stringify(r))
        .sort();
    }
  const indexes = db
    .prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
    .all();
  return { tables, indexes };
}

function live(events: RecordedEvent[]) {
  const db = openReadModel(':memory:');
  for (const p of projections) {
    const t = physicalTable(p);
    p.migrate(db, t);
    const apply = p.prepare(db, t);
    const handles = new Set<string>(p.handles);
    for (const event of events) {
      const decoded = decode(event);
      if (decoded && handles.has(decoded.type)) db.transaction(() => apply(decoded))();
    }
    p.readIndexes?.(db, t);
  }
  return dump(db);
}

async function bulk(events: RecordedEvent[], batchSize: number) {
  const db = openReadModel(':memory:');
  async function* source(): AsyncIterable<DecodedBatch> {
    for (let i = 0; i < events.length; i += batchSize) {
      const slice = events.slice(i, i + batchSize);
      yield {
        events: slice.map(decode).filter((e) => e !== undefined),
        position: slice.at(-1)?.position ?? 0n,
      };
    }
  }
  await buildInBulk(db, source(), projections, { alone: batchSize % 2 === 0 });
  return dump(db);
}

describe('the bulk build', () => {
  it('leaves the same tables as the live path, on random event sequences', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 60 }),
        fc.integer({ min: 1, max: 25 }),
        async (steps, batchSize) => {
          const events = eventsOf(steps);
          expect(await bulk(events, batchSize)).toEqual(live(events));
        },
      ),
      { numRuns: 150 },
    );
  });
});
