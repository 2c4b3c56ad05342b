import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MilestoneKind, rankOfKind } from '../../src/domain/adoption/stages.js';
import { summarize } from '../../src/domain/adoption/summary.js';
import { summaryColumns } from './summary-sql.js';

/**
 * The SQL form of the adoption summary answers what the pure `summarize()` answers, for random
 * milestone sets of a few adoptions: same-day milestones, retracted ones, suspensions and
 * resumptions in any order.
 */
const milestone = fc.record({
  adoption: fc.nat(2),
  kind: fc.constantFrom(...MilestoneKind.options),
  day: fc.integer({ min: 1, max: 6 }),
  retracted: fc.boolean(),
});

describe('summaryColumns (the SQL adoption summary)', () => {
  it('equals summarize() on the milestones that still count', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE ms (adopter_code TEXT, innovation_id TEXT, kind TEXT, stage_rank INTEGER,
      occurred_on TEXT, position INTEGER, retracted INTEGER)`);
    const insert = db.prepare('INSERT INTO ms VALUES (?, ?, ?, ?, ?, ?, ?)');
    const query = db.prepare(
      `SELECT adopter_code, innovation_id, ${summaryColumns('ms', 'm', 's.retracted = 0')}
       FROM ms m WHERE retracted = 0 GROUP BY adopter_code, innovation_id`,
    );
    fc.assert(
      fc.property(fc.array(milestone, { maxLength: 30 }), (list) => {
        db.exec('DELETE FROM ms');
        const rows = list.map((m, position) => ({
          ...m,
          adopter: `16.0${m.adoption}`,
          occurredOn: `2024-03-0${m.day}`,
          order: position,
        }));
        for (const r of rows)
          insert.run(
            r.adopter,
            'mpp',
            r.kind,
            rankOfKind(r.kind),
            r.occurredOn,
            r.order,
            r.retracted ? 1 : 0,
          );
        const fromSql = new Map(
          (query.all() as Array<Record<string, unknown>>).map((r) => [
            r.adopter_code,
            {
              rank: r.stage_rank,
              suspended: r.suspended === 1,
              firstOccurredOn: r.first_occurred_on,
              lastOccurredOn: r.last_occurred_on,
              milestoneCount: r.milestone_count,
            },
          ]),
        );
        const adopters = new Set(rows.filter((r) => !r.retracted).map((r) => r.adopter));
        expect([...fromSql.keys()].sort()).toEqual([...adopters].sort());
        for (const adopter of adopters) {
          const pure = summarize(rows.filter((r) => r.adopter === adopter && !r.retracted));
          expect(fromSql.get(adopter)).toEqual({
            rank: pure.rank,
            suspended: pure.suspended,
            firstOccurredOn: pure.firstOccurredOn,
            lastOccurredOn: pure.lastOccurredOn,
            milestoneCount: pure.milestoneCount,
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
