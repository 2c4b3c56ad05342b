import type { Projection } from '../projection.js';
import { figuresInBulk } from './bulk.js';
import { addMilestoneSql, CLASSES, classesOf, reachTableSql, recomputeSql } from './reach.js';
import { statisticsStale } from './statistics.js';
import {
  type Adoption,
  adoptionNumbers,
  adoptionsTableSql,
  figureWrites,
  milestonesByAdoption,
} from './writes.js';

/**
 * The figures' tables. `figure_milestones`: one narrow row per milestone that still counts
 * (retracted ones are deleted) with the ministry's current verdict, the adopter's province and
 * the innovation's origin and category. `figure_reach`: per adoption and verification class, what
 * the figures add up (see reach.ts), kept current as milestones arrive (an upsert) and added up
 * again from the adoption's milestone rows after a verdict or retraction. Rankings, curves and
 * time to stage read `figure_reach`; a `period` filter and the diffusion network read the
 * milestone rows.
 */
export const figuresProjection: Projection = {
  name: 'figures',
  // v2: the KNOWN clock reads when the ministry knew (an import's known-on date, else recordedAt).
  // v3: adoptions numbered in `figure_adoptions`, milestone days as numbers (the period index).
  version: 3,
  tables: ['figure_milestones', 'figure_reach', 'figure_innovations', 'figure_adoptions'],
  handles: [
    'InnovationRegistered',
    'MilestoneReported',
    'MilestoneRetracted',
    'MilestoneVerified',
    'MilestoneRejected',
    'StudyVisitReported',
    'StudyVisitRetracted',
  ],
  migrate(db, t) {
    db.exec(`
      CREATE TABLE ${t('figure_innovations')} (
        innovation_id TEXT PRIMARY KEY,
        origin_code   TEXT NOT NULL,
        category      TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE ${t('figure_milestones')} (
        id            TEXT PRIMARY KEY,
        adopter_code  TEXT NOT NULL,
        innovation_id TEXT NOT NULL,
        origin_code   TEXT NOT NULL,
        province_code TEXT NOT NULL,
        category      TEXT NOT NULL,
        kind          TEXT NOT NULL,
        stage_rank    INTEGER NOT NULL,
        occurred_on   TEXT NOT NULL,
        recorded_at   TEXT NOT NULL,
        verification  TEXT NOT NULL DEFAULT 'UNVERIFIED',
        mode          TEXT,
        visit_id      TEXT,
        position      INTEGER NOT NULL,
        adoption_no   INTEGER NOT NULL,
        occurred_day  INTEGER NOT NULL,
        known_day     INTEGER NOT NULL
      );
      CREATE INDEX ${t('figure_visit')}
        ON ${t('figure_milestones')} (visit_id) WHERE visit_id IS NOT NULL;
      ${reachTableSql(t('figure_reach'))};
      ${adoptionsTableSql(t('figure_adoptions'))};
    `);
    milestonesByAdoption(db, t);
  },
  readIndexes(db, t) {
    // The figures over a period read the milestones from a PeriodIndex (period-load.ts), which
    // reads the table in rowid order and `figure_changed`; the milestone rows' indexes serve the
    // network of an innovation or an origin. Curves and time to stage read one class of
    // reach_dates, a covering index (bench/figures.ts, EXPLAIN there).
    const m = t('figure_milestones');
    const r = t('figure_reach');
    db.exec(`
      CREATE INDEX IF NOT EXISTS ${t('figure_innovation')} ON ${m} (innovation_id, occurred_on);
      CREATE INDEX IF NOT EXISTS ${t('figure_origin')} ON ${m} (origin_code, occurred_on);
      CREATE INDEX IF NOT EXISTS ${t('figure_province')} ON ${m} (province_code, occurred_on);
      CREATE INDEX IF NOT EXISTS ${t('figure_changed')} ON ${t('figure_adoptions')} (changed_at);
      CREATE INDEX IF NOT EXISTS ${t('reach_innovation')} ON ${r} (class, innovation_id, max_rank);
      CREATE INDEX IF NOT EXISTS ${t('reach_origin')} ON ${r} (class, origin_code, max_rank);
      CREATE INDEX IF NOT EXISTS ${t('reach_province')} ON ${r} (class, province_code, max_rank);
      CREATE INDEX IF NOT EXISTS ${t('reach_rank')} ON ${r} (class, max_rank);
      CREATE INDEX IF NOT EXISTS ${t('reach_dates')} ON ${r} (class, max_rank, visit_on,
        interest_on, r1, r2, r3, r4, r5, r6, r7, k1, k2, k3, k4, k5, k6, k7);
      CREATE INDEX IF NOT EXISTS ${t('reach_visit')} ON ${r} (class, visit_on) WHERE visit_on IS NOT NULL;
      CREATE INDEX IF NOT EXISTS ${t('reach_interest')}
        ON ${r} (class, interest_on) WHERE interest_on IS NOT NULL;
    `);
    // Without statistics the planner takes a covering index over a selective one (a national
    // scan for one innovation's curve); a sample of each index is enough. Taken again only when
    // the milestones have doubled or halved since (statistics.ts): not at every start.
    if (statisticsStale(db, m)) {
      db.pragma('analysis_limit = 1000');
      db.exec(`ANALYZE ${m}; ANALYZE ${r};`);
      db.pragma('analysis_limit = 0');
    }
  },
  prepare(db, t) {
    const r = t('figure_reach');
    const w = figureWrites(db, t, adoptionNumbers(db, t));
    const addToReach = db.prepare(addMilestoneSql(r));
    const clearReach = db.prepare(
      `DELETE FROM ${r} WHERE adopter_code = @adopter AND innovation_id = @innovation`,
    );
    const recompute = CLASSES.map((c) => db.prepare(recomputeSql(r, t('figure_milestones'), c)));
    /** After a verdict or a retraction: the adoption's rows added up again. */
    const addUpAgain = (rows: Adoption[]) => {
      const seen = new Set<string>();
      for (const row of rows) {
        const key = `${row.adopter_code}|${row.innovation_id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const at = { adopter: row.adopter_code, innovation: row.innovation_id };
        clearReach.run(at);
        for (const statement of recompute) statement.run(at);
      }
    };

    return (event) => {
      switch (event.type) {
        case 'InnovationRegistered':
          w.register(event);
          return;
        case 'MilestoneReported':
        case 'StudyVisitReported':
          for (const reach of w.report(event))
            for (const c of classesOf('UNVERIFIED')) addToReach.run({ ...reach, class: c });
          return;
        case 'MilestoneVerified':
        case 'MilestoneRejected':
          addUpAgain(w.judge(event));
          return;
        case 'MilestoneRetracted':
        case 'StudyVisitRetracted':
          addUpAgain(w.retract(event));
          return;
      }
    };
  },
  bulk: figuresInBulk,
};
