import { rankOfKind } from '../../src/domain/adoption/stages.js';
import { milestonesOf } from '../../src/domain/adoption/summary.js';
import type { Projection } from '../projection.js';
import { knownAtOf } from './time-point.js';

/**
 * The milestone timeline: one narrow row per milestone with both clocks — when it occurred, when
 * it was reported, and when (if ever) it was retracted — indexed for the analysts' questions:
 * time travel (`asOf` / `knownAt`), reported-between and occurred-between filters, and the
 * diffusion figures. It is its own projection (not columns of `adoptions`) so it can evolve
 * without rebuilding the registry tables.
 */
export const timelineProjection: Projection = {
  name: 'timeline',
  // v2: known_at, when the ministry knew of it (an import's known-on date, else recorded_at).
  version: 2,
  tables: ['milestone_timeline'],
  handles: ['MilestoneReported', 'MilestoneRetracted', 'StudyVisitReported', 'StudyVisitRetracted'],
  migrate(db, t) {
    db.exec(`
      CREATE TABLE ${t('milestone_timeline')} (
        id            TEXT PRIMARY KEY,
        adopter_code  TEXT NOT NULL,
        innovation_id TEXT NOT NULL,
        origin_code   TEXT NOT NULL,
        province_code TEXT NOT NULL,
        kind          TEXT NOT NULL,
        stage_rank    INTEGER NOT NULL,
        occurred_on   TEXT NOT NULL,
        recorded_at   TEXT NOT NULL,
        known_at      TEXT NOT NULL,
        retracted_at  TEXT,
        visit_id      TEXT,
        position      INTEGER NOT NULL
      );
      CREATE INDEX ${t('timeline_visit')}
        ON ${t('milestone_timeline')} (visit_id) WHERE visit_id IS NOT NULL;
    `);
  },
  readIndexes(db, t) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS ${t('timeline_adoption_occurred')}
        ON ${t('milestone_timeline')} (adopter_code, innovation_id, occurred_on);
      CREATE INDEX IF NOT EXISTS ${t('timeline_adoption_recorded')}
        ON ${t('milestone_timeline')} (adopter_code, innovation_id, recorded_at);
      CREATE INDEX IF NOT EXISTS ${t('timeline_innovation')}
        ON ${t('milestone_timeline')} (innovation_id, occurred_on);
      CREATE INDEX IF NOT EXISTS ${t('timeline_origin')} ON ${t('milestone_timeline')} (origin_code, occurred_on);
      CREATE INDEX IF NOT EXISTS ${t('timeline_province')}
        ON ${t('milestone_timeline')} (province_code, occurred_on);
      CREATE INDEX IF NOT EXISTS ${t('timeline_occurred')} ON ${t('milestone_timeline')} (occurred_on);
      CREATE INDEX IF NOT EXISTS ${t('timeline_recorded')} ON ${t('milestone_timeline')} (recorded_at);
      CREATE INDEX IF NOT EXISTS ${t('timeline_known')} ON ${t('milestone_timeline')} (known_at);
    `);
  },
  prepare(db, t) {
    const insert = db.prepare(
      `INSERT INTO ${t('milestone_timeline')} (id, adopter_code, innovation_id, origin_code,
         province_code, kind, stage_rank, occurred_on, recorded_at, known_at, visit_id, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const retract = db.prepare(
      `UPDATE ${t('milestone_timeline')} SET retracted_at = ? WHERE id = ? AND retracted_at IS NULL`,
    );
    const retractVisit = db.prepare(
      `UPDATE ${t('milestone_timeline')} SET retracted_at = ?
       WHERE visit_id = ? AND retracted_at IS NULL`,
    );
    return (event) => {
      const recordedAt = event.recordedAt.toISOString();
      switch (event.type) {
        case 'MilestoneReported':
        case 'StudyVisitReported':
          for (const m of milestonesOf(event))
            insert.run(
              m.milestoneId,
              m.adopterCode,
              m.innovationId,
              m.originCode,
              m.adopterCode.slice(0, 2),
              m.kind,
              rankOfKind(m.kind),
              m.occurredOn,
              recordedAt,
              knownAtOf(m.knownOn, recordedAt),
              m.visitId,
              event.position,
            );
          return;
        case 'MilestoneRetracted':
          retract.run(recordedAt, event.data.milestoneId);
          return;
        case 'StudyVisitRetracted':
          retractVisit.run(recordedAt, event.data.visitId);
          return;
      }
    };
  },
};
