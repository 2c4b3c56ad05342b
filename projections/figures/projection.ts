import { rankOfKind } from '../../src/domain/adoption/stages.js';
import { milestonesOf } from '../../src/domain/adoption/summary.js';
import type { Projection } from '../projection.js';

/**
 * The figures' table: one narrow row per milestone that still counts (retracted ones are
 * deleted), carrying everything a FigureFilter or a scope asks about — the ministry's current
 * verdict, the adopter's province, the innovation's origin and category, and the adoption's
 * replication mode (the mode of its latest milestone that names one, kept on every row of the
 * adoption). Rankings, curves, time to stage and the diffusion network are aggregations over
 * index ranges of this table; it is its own projection so it can evolve without rebuilding the
 * registry tables.
 */
export const figuresProjection: Projection = {
  name: 'figures',
  version: 1,
  tables: ['figure_milestones', 'figure_innovations'],
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
        adoption_mode TEXT,
        visit_id      TEXT,
        position      INTEGER NOT NULL
      );
      CREATE INDEX ${t('figure_adoption')}
        ON ${t('figure_milestones')} (adopter_code, innovation_id, occurred_on);
      CREATE INDEX ${t('figure_visit')}
        ON ${t('figure_milestones')} (visit_id) WHERE visit_id IS NOT NULL;
    `);
  },
  readIndexes(db, t) {
    const m = t('figure_milestones');
    db.exec(`
      CREATE INDEX IF NOT EXISTS ${t('figure_rank')} ON ${m} (stage_rank, innovation_id, adopter_code);
      CREATE INDEX IF NOT EXISTS ${t('figure_innovation')} ON ${m} (innovation_id, stage_rank);
      CREATE INDEX IF NOT EXISTS ${t('figure_origin')} ON ${m} (origin_code, stage_rank);
      CREATE INDEX IF NOT EXISTS ${t('figure_province')} ON ${m} (province_code, stage_rank);
      CREATE INDEX IF NOT EXISTS ${t('figure_kind')} ON ${m} (kind, innovation_id);
    `);
  },
  prepare(db, t) {
    const m = t('figure_milestones');
    const registerInnovation = db.prepare(
      `INSERT OR REPLACE INTO ${t('figure_innovations')} (innovation_id, origin_code, category)
       VALUES (?, ?, ?)`,
    );
    const categoryOf = db.prepare(
      `SELECT category FROM ${t('figure_innovations')} WHERE innovation_id = ?`,
    );
    const insert = db.prepare(
      `INSERT OR IGNORE INTO ${m} (id, adopter_code, innovation_id, origin_code, province_code,
         category, kind, stage_rank, occurred_on, recorded_at, mode, visit_id, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const remove = db.prepare(
      `DELETE FROM ${m} WHERE id = ? RETURNING adopter_code, innovation_id`,
    );
    const removeVisit = db.prepare(
      `DELETE FROM ${m} WHERE visit_id = ? RETURNING adopter_code, innovation_id`,
    );
    const judge = db.prepare(`UPDATE ${m} SET verification = ? WHERE id = ?`);
    const setMode = db.prepare(
      `UPDATE ${m} SET adoption_mode = (
         SELECT s.mode FROM ${m} s
         WHERE s.adopter_code = @adopter AND s.innovation_id = @innovation AND s.mode IS NOT NULL
         ORDER BY s.occurred_on DESC, s.position DESC LIMIT 1)
       WHERE adopter_code = @adopter AND innovation_id = @innovation`,
    );
    const refreshMode = (adopter: string, innovation: string) =>
      setMode.run({ adopter, innovation });

    return (event) => {
      switch (event.type) {
        case 'InnovationRegistered':
          registerInnovation.run(
            event.data.innovationId,
            event.data.originCode,
            event.data.category,
          );
          return;
        case 'MilestoneReported':
        case 'StudyVisitReported': {
          const mode = event.type === 'MilestoneReported' ? (event.data.mode ?? null) : null;
          for (const milestone of milestonesOf(event)) {
            const known = categoryOf.get(milestone.innovationId) as
              | { category: string }
              | undefined;
            insert.run(
              milestone.milestoneId,
              milestone.adopterCode,
              milestone.innovationId,
              milestone.originCode,
              milestone.adopterCode.slice(0, 2),
              known?.category ?? 'OTHER',
              milestone.kind,
              rankOfKind(milestone.kind),
              milestone.occurredOn,
              event.recordedAt.toISOString(),
              mode,
              milestone.visitId,
              event.position,
            );
            refreshMode(milestone.adopterCode, milestone.innovationId);
          }
          return;
        }
        case 'MilestoneVerified':
        case 'MilestoneRejected':
          judge.run(
            event.type === 'MilestoneVerified' ? 'VERIFIED' : 'REJECTED',
            event.data.milestoneId,
          );
          return;
        case 'MilestoneRetracted':
          for (const row of remove.all(event.data.milestoneId) as Adoption[])
            refreshMode(row.adopter_code, row.innovation_id);
          return;
        case 'StudyVisitRetracted':
          for (const row of removeVisit.all(event.data.visitId) as Adoption[])
            refreshMode(row.adopter_code, row.innovation_id);
          return;
      }
    };
  },
};

interface Adoption {
  adopter_code: string;
  innovation_id: string;
}
