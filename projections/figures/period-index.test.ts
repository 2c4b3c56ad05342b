import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AdoptionStage, ReplicationMode } from '../../src/domain/adoption/stages.js';
import type { RecordedEvent } from '../../src/eventstore/port.js';
import { openReadModel } from '../../src/read-model/database.js';
import { decode } from '../../src/read-model/decode.js';
import { createVersion, physicalTable, pointViewsAt } from '../../src/read-model/versions.js';
import { ADOPTERS, eventsOf, INNOVATIONS, step } from '../../test/support/adoption-steps.js';
import { periodFiguresBySql } from '../../test/support/period-sql.js';
import { figuresProjection } from './projection.js';
import { type FigureFilter, FigureReaders, type FigureScope } from './readers.js';

/**
 * The figures over a period come from a PeriodIndex (typed arrays in memory) instead of SQL over
 * the milestone rows. On random histories and random filters, its answers must be the SQL's —
 * when first read, and after more events, when the index is brought up to date by reading only
 * the adoptions that changed.
 */

/** A read model with only the figures projection, live, fed event by event. */
function figuresReadModel() {
  const db = openReadModel(':memory:');
  const t = physicalTable(figuresProjection);
  createVersion(db, figuresProjection, 'live');
  pointViewsAt(db, figuresProjection);
  figuresProjection.readIndexes?.(db, t);
  const apply = figuresProjection.prepare(db, t);
  const handles = new Set<string>(figuresProjection.handles);
  const checkpoint = db.prepare(
    "UPDATE projection_checkpoints SET position = ? WHERE name = 'figures'",
  );
  return {
    db,
    project(events: RecordedEvent[]) {
      for (const event of events) {
        const decoded = decode(event);
        if (!decoded || !handles.has(decoded.type)) continue;
        db.transaction(() => {
          apply(decoded);
          checkpoint.run(event.position);
        })();
      }
    },
  };
}

const date = fc.integer({ min: 1, max: 28 }).map((d) => `2024-02-${String(d).padStart(2, '0')}`);
const filter: fc.Arbitrary<FigureFilter> = fc.record({
  period: fc
    .tuple(fc.option(date), fc.option(date))
    .filter(([from, to]) => from !== null || to !== null)
    .map(([from, to]) => ({ from, to })),
  verification: fc.option(fc.constantFrom('ANY', 'EXCLUDE_REJECTED', 'VERIFIED_ONLY' as const)),
  provinceCode: fc.option(fc.constantFrom(...ADOPTERS.map((a) => a.slice(0, 2)), '99')),
  mode: fc.option(fc.constantFrom(...ReplicationMode.options)),
  category: fc.option(fc.constantFrom('PUBLIC_SERVICE', 'GOVERNANCE', 'OTHER')),
});
const scope: fc.Arbitrary<FigureScope> = fc.record({
  innovationId: fc.option(fc.constantFrom(...INNOVATIONS, 'tidak-ada')),
  originCode: fc.option(fc.constantFrom('35.10', '32.73')),
  provinceCode: fc.option(fc.constantFrom(...ADOPTERS.map((a) => a.slice(0, 2)))),
});
const question = fc.record({
  filter,
  scope,
  stage: fc.constantFrom(...AdoptionStage.options),
  by: fc.constantFrom('innovation', 'adopter', 'origin', 'province' as const),
  interval: fc.constantFrom('YEAR', 'QUARTER', 'MONTH' as const),
  clock: fc.constantFrom('OCCURRED', 'KNOWN' as const),
  start: fc.constantFrom('STUDY_VISIT', 'FIRST_INTEREST' as const),
  first: fc.integer({ min: 1, max: 5 }),
});
type Question = typeof question extends fc.Arbitrary<infer Q> ? Q : never;

/** Every figure a question asks, from the readers and from SQL. */
function answers(readers: FigureReaders, sql: ReturnType<typeof periodFiguresBySql>, q: Question) {
  return {
    index: {
      ranking: readers.ranking(q.by, q.stage, q.filter, q.first),
      curve: readers.curve(q.scope, q.stage, q.interval, q.clock, q.filter),
      timeToStage: readers.timeToStage(q.scope, q.start, q.filter),
    },
    sql: {
      ranking: sql.ranking(q.by, q.stage, q.filter, q.first),
      curve: sql.curve(q.scope, q.stage, q.interval, q.clock, q.filter),
      timeToStage: sql.timeToStage(q.scope, q.start, q.filter),
    },
  };
}

describe('figures over a period (PeriodIndex)', () => {
  it('answer what SQL over the milestone rows answers, before and after more events', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 50 }),
        fc.array(step, { maxLength: 25 }),
        fc.array(question, { minLength: 1, maxLength: 4 }),
        (before, after, questions) => {
          const all = eventsOf([...before, ...after]);
          const { db, project } = figuresReadModel();
          const sql = periodFiguresBySql(db);
          const readers = new FigureReaders(db);
          const split = eventsOf(before).length;
          project(all.slice(0, split));
          for (const q of questions) {
            const a = answers(readers, sql, q);
            expect(a.index).toEqual(a.sql);
          }
          // More events: the same readers bring their index up to date.
          project(all.slice(split));
          for (const q of questions) {
            const a = answers(readers, sql, q);
            expect(a.index).toEqual(a.sql);
            expect(a.index).toEqual(answers(new FigureReaders(db), sql, q).index);
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('reads an empty read model, and one whose figures are not yet live, as no milestones', () => {
    const { db } = figuresReadModel();
    const readers = new FigureReaders(db);
    const period = { period: { from: '2024-01-01', to: '2024-12-31' } };
    expect(readers.ranking('adopter', 'AGREED', period, 10)).toEqual([]);
    db.exec('DELETE FROM projection_checkpoints');
    expect(readers.curve({}, 'AGREED', 'MONTH', 'OCCURRED', period)).toEqual({
      adoptions: 0,
      adopters: 0,
      periods: [],
    });
  });
});
