import { describe, expect, it } from 'vitest';
import { openReadModel } from '../../src/read-model/database.js';
import { createVersion, physicalTable, pointViewsAt } from '../../src/read-model/versions.js';
import { figuresProjection } from './projection.js';
import { ANALYZED_FROM_ROWS, statisticsStale } from './statistics.js';

/** The figures' read model with `rows` milestone rows (their values do not matter here). */
function withMilestones(rows: number) {
  const db = openReadModel(':memory:');
  const t = physicalTable(figuresProjection);
  createVersion(db, figuresProjection, 'live');
  pointViewsAt(db, figuresProjection);
  const m = t('figure_milestones');
  const add = (n: number) =>
    db
      .prepare(
        `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
         INSERT INTO ${m} (id, adopter_code, innovation_id, origin_code, province_code, category,
           kind, stage_rank, occurred_on, recorded_at, position, adoption_no, occurred_day, known_day)
         SELECT 'm' || (i + ?), '35.' || (i % 500), 'inn-' || (i % 40), '35.10', '35', 'HEALTH',
           'MILESTONE', i % 7, '2024-01-01', '2024-01-01T00:00:00Z', i, i, 738000, 738000 FROM k`,
      )
      .run(n, db.prepare(`SELECT count(*) FROM ${m}`).pluck().get() as number);
  add(rows);
  const statOf = () =>
    db
      .prepare(`SELECT stat FROM sqlite_stat1 WHERE tbl = ? AND idx = ?`)
      .pluck()
      .get(m, t('figure_innovation')) as string | undefined;
  const readIndexes = () => figuresProjection.readIndexes?.(db, t);
  return { db, m, add, statOf, readIndexes };
}

describe('the figures take the planner statistics only when they are missing or stale', () => {
  it('leaves a small table to the planner defaults', () => {
    const { db, m, readIndexes } = withMilestones(ANALYZED_FROM_ROWS - 1);
    readIndexes();
    expect(statisticsStale(db, m)).toBe(false);
    const stat1 = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").get();
    expect(stat1).toBeUndefined();
  });

  it('analyses once, not again at the next start, and again once the table has doubled', () => {
    const rows = ANALYZED_FROM_ROWS + 2_000;
    const { db, m, add, statOf, readIndexes } = withMilestones(rows);
    expect(statisticsStale(db, m)).toBe(true);
    readIndexes();
    expect(statOf()?.split(' ')[0]).toBe(String(rows));
    expect(statisticsStale(db, m)).toBe(false);

    // Marked, so that a second ANALYZE would show: the next start leaves the statistics alone.
    db.prepare('UPDATE sqlite_stat1 SET stat = ? WHERE tbl = ? AND idx = ?').run(
      `${rows} 999 1`,
      m,
      physicalTable(figuresProjection)('figure_innovation'),
    );
    add(rows / 2);
    readIndexes();
    expect(statOf()).toBe(`${rows} 999 1`);

    add(rows);
    expect(statisticsStale(db, m)).toBe(true);
    readIndexes();
    expect(statOf()?.split(' ')[0]).toBe(String(rows * 2 + rows / 2));
  });

  it('analyses again when the statistics are gone', () => {
    const { db, m, statOf, readIndexes } = withMilestones(ANALYZED_FROM_ROWS);
    readIndexes();
    db.prepare('DELETE FROM sqlite_stat1 WHERE tbl = ?').run(m);
    expect(statisticsStale(db, m)).toBe(true);
    readIndexes();
    expect(statOf()).toBeDefined();
  });
});
