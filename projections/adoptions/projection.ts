import {
  type AdoptionMilestone,
  needsFullSummary,
  withMilestone,
} from '../../src/domain/adoption/summary.js';
import type { ProjectedEvent, Projection } from '../projection.js';
import { adoptionsInBulk } from './bulk.js';
import { adoptionWrites, type Key, milestonesByAdoption } from './writes.js';

/**
 * Adoptions: one row per adopter × innovation with the stage reached, and every milestone behind
 * it. A study visit counts as the STUDY_VISIT milestone of each adoption it covers.
 */
export const adoptionsProjection: Projection = {
  name: 'adoptions',
  // v3: milestones.known_at (an import's known-on date, else recorded_at).
  version: 3,
  tables: ['adoptions', 'milestones'],
  handles: [
    'MilestoneReported',
    'MilestoneRetracted',
    'MilestoneVerified',
    'MilestoneRejected',
    'MilestoneEvidenceAdded',
    'StudyVisitReported',
    'StudyVisitRetracted',
  ],
  migrate(db, t) {
    db.exec(`
      CREATE TABLE ${t('milestones')} (
        id                TEXT PRIMARY KEY,
        adopter_code      TEXT NOT NULL,
        innovation_id     TEXT NOT NULL,
        origin_code       TEXT NOT NULL,
        kind              TEXT NOT NULL,
        stage_rank        INTEGER NOT NULL,
        occurred_on       TEXT NOT NULL,
        recorded_at       TEXT NOT NULL,
        known_at          TEXT NOT NULL,
        reported_by       TEXT,
        note              TEXT,
        evidence          TEXT NOT NULL,
        mode              TEXT,
        visit_id          TEXT,
        retracted         INTEGER NOT NULL DEFAULT 0,
        retracted_at      TEXT,
        retraction_reason TEXT,
        details           TEXT,
        verification      TEXT NOT NULL DEFAULT 'UNVERIFIED'
                          CHECK (verification IN ('UNVERIFIED', 'VERIFIED', 'REJECTED')),
        verified_at       TEXT,
        verified_by       TEXT,
        verification_note TEXT,
        position          INTEGER NOT NULL
      );
      CREATE INDEX ${t('milestones_visit')} ON ${t('milestones')} (visit_id) WHERE visit_id IS NOT NULL;

      CREATE TABLE ${t('adoptions')} (
        adopter_code          TEXT NOT NULL,
        innovation_id         TEXT NOT NULL,
        origin_code           TEXT NOT NULL,
        adopter_province_code TEXT NOT NULL,
        stage_rank            INTEGER NOT NULL,
        stage                 TEXT,
        suspended             INTEGER NOT NULL,
        milestone_count       INTEGER NOT NULL,
        first_occurred_on     TEXT,
        last_occurred_on      TEXT,
        updated_at            TEXT NOT NULL,
        position              INTEGER NOT NULL,
        PRIMARY KEY (adopter_code, innovation_id)
      ) WITHOUT ROWID;
    `);
    milestonesByAdoption(db, t);
  },
  readIndexes(db, t) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS ${t('adoptions_innovation')} ON ${t('adoptions')} (innovation_id, stage_rank);
      CREATE INDEX IF NOT EXISTS ${t('adoptions_origin')} ON ${t('adoptions')} (origin_code, stage_rank);
      CREATE INDEX IF NOT EXISTS ${t('adoptions_province')} ON ${t('adoptions')} (adopter_province_code, stage_rank);
    `);
    // The lists' sorts (list.ts, SORT_COLUMN): an index of a WITHOUT ROWID table ends with the
    // primary key, so each is in the page's order (key, adopter, innovation) and a page stops at
    // its limit. The adopter's order is the primary key itself.
    const a = t('adoptions');
    db.exec(`
      CREATE INDEX IF NOT EXISTS ${t('adoptions_by_innovation')} ON ${a} (innovation_id);
      CREATE INDEX IF NOT EXISTS ${t('adoptions_by_stage')} ON ${a} (stage_rank);
      CREATE INDEX IF NOT EXISTS ${t('adoptions_by_first')} ON ${a} (first_occurred_on);
      CREATE INDEX IF NOT EXISTS ${t('adoptions_by_last')} ON ${a} (last_occurred_on);
      CREATE INDEX IF NOT EXISTS ${t('adoptions_by_updated')} ON ${a} (updated_at);
    `);
  },
  prepare(db, t) {
    const w = adoptionWrites(db, t);
    /** After a retraction or a suspension switch: the adoption added up again. */
    const refresh = (key: Key, event: ProjectedEvent) => {
      const { summary, origin } = w.addedUp(key);
      w.write(key, origin, summary, event.recordedAt.toISOString(), event.position);
    };
    /** A new milestone that counts only raises the stage, adds one and widens the dates. */
    const added = (m: AdoptionMilestone, event: ProjectedEvent) => {
      if (needsFullSummary(m.kind)) return refresh(m, event);
      const summary = withMilestone(w.current(m), m);
      w.write(m, m.originCode, summary, event.recordedAt.toISOString(), event.position);
    };
    return (event) => {
      switch (event.type) {
        case 'MilestoneReported':
        case 'StudyVisitReported':
          for (const m of w.report(event)) added(m, event);
          return;
        case 'MilestoneRetracted':
        case 'StudyVisitRetracted':
          for (const key of w.retract(event)) refresh(key, event);
          return;
        case 'MilestoneVerified':
        case 'MilestoneRejected':
          w.judge(event);
          return;
        case 'MilestoneEvidenceAdded':
          w.addEvidence(event);
          return;
      }
    };
  },
  bulk: adoptionsInBulk,
};
