import { type MilestoneKind, rankOfKind, stageOfRank } from '../src/domain/adoption/stages.js';
import type { Projection } from './projection.js';

/**
 * Adoptions: one row per adopter × innovation with the stage reached, and every milestone behind
 * it. A study visit counts as the STUDY_VISIT milestone of each adoption it covers.
 */
export const adoptionsProjection: Projection = {
  name: 'adoptions',
  version: 2,
  tables: ['adoptions', 'milestones'],
  handles: [
    'MilestoneReported',
    'MilestoneRetracted',
    'MilestoneVerified',
    'MilestoneRejected',
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
      CREATE INDEX ${t('milestones_adoption')}
        ON ${t('milestones')} (adopter_code, innovation_id, occurred_on, position);
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
  },
  readIndexes(db, t) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS ${t('adoptions_innovation')} ON ${t('adoptions')} (innovation_id, stage_rank);
      CREATE INDEX IF NOT EXISTS ${t('adoptions_origin')} ON ${t('adoptions')} (origin_code, stage_rank);
      CREATE INDEX IF NOT EXISTS ${t('adoptions_province')} ON ${t('adoptions')} (adopter_province_code, stage_rank);
    `);
  },
  prepare(db, t) {
    const insertMilestone = db.prepare(
      `INSERT INTO ${t('milestones')} (id, adopter_code, innovation_id, origin_code, kind, stage_rank,
         occurred_on, recorded_at, reported_by, note, evidence, mode, visit_id, position, details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const judge = db.prepare(
      `UPDATE ${t('milestones')} SET verification = ?, verified_at = ?, verified_by = ?,
         verification_note = ? WHERE id = ?`,
    );
    const retractMilestone = db.prepare(
      `UPDATE ${t('milestones')} SET retracted = 1, retracted_at = ?, retraction_reason = ?
       WHERE id = ? RETURNING adopter_code, innovation_id`,
    );
    const retractVisit = db.prepare(
      `UPDATE ${t('milestones')} SET retracted = 1, retracted_at = ?, retraction_reason = ?
       WHERE visit_id = ? RETURNING adopter_code, innovation_id`,
    );
    const summary = db.prepare(
      `SELECT max(stage_rank) AS rank, count(*) AS n, min(occurred_on) AS first, max(occurred_on) AS last,
         (SELECT kind FROM ${t('milestones')} s
           WHERE s.adopter_code = m.adopter_code AND s.innovation_id = m.innovation_id
             AND s.retracted = 0 AND s.kind IN ('SUSPENDED', 'RESUMED')
           ORDER BY s.occurred_on DESC, s.position DESC LIMIT 1) AS switch
       FROM ${t('milestones')} m
       WHERE adopter_code = ? AND innovation_id = ? AND retracted = 0`,
    );
    const upsertAdoption = db.prepare(
      `INSERT INTO ${t('adoptions')} (adopter_code, innovation_id, origin_code, adopter_province_code,
         stage_rank, stage, suspended, milestone_count, first_occurred_on, last_occurred_on, updated_at, position)
       VALUES (@adopter, @innovation, @origin, @province, @rank, @stage, @suspended, @n, @first, @last, @at, @position)
       ON CONFLICT (adopter_code, innovation_id) DO UPDATE SET
         stage_rank = @rank, stage = @stage, suspended = @suspended, milestone_count = @n,
         first_occurred_on = @first, last_occurred_on = @last, updated_at = @at, position = @position`,
    );
    const originOf = db.prepare(
      `SELECT origin_code FROM ${t('milestones')} WHERE adopter_code = ? AND innovation_id = ? LIMIT 1`,
    );
    // A new milestone that counts can only raise the stage, add one to the count and widen the
    // dates: no need to add the adoption up again (that is only for retractions and switches).
    const addMilestone = db.prepare(
      `INSERT INTO ${t('adoptions')} (adopter_code, innovation_id, origin_code, adopter_province_code,
         stage_rank, stage, suspended, milestone_count, first_occurred_on, last_occurred_on, updated_at, position)
       VALUES (@adopter, @innovation, @origin, @province, @rank, @stage, 0, 1, @on, @on, @at, @position)
       ON CONFLICT (adopter_code, innovation_id) DO UPDATE SET
         stage = CASE WHEN @rank > stage_rank THEN @stage ELSE stage END,
         stage_rank = max(stage_rank, @rank),
         milestone_count = milestone_count + 1,
         first_occurred_on = min(coalesce(first_occurred_on, @on), @on),
         last_occurred_on = max(coalesce(last_occurred_on, @on), @on),
         updated_at = @at, position = @position`,
    );
    /** The columns every write of an adoption row sets. */
    const row = (
      adopter: string,
      innovation: string,
      origin: string,
      rank: number,
      at: Date,
      position: bigint,
    ) => ({
      adopter,
      innovation,
      origin,
      province: adopter.slice(0, 2),
      rank,
      stage: stageOfRank(rank),
      at: at.toISOString(),
      position,
    });
    const added = (
      adopter: string,
      innovation: string,
      origin: string,
      kind: MilestoneKind,
      on: string,
      at: Date,
      position: bigint,
    ) => {
      if (kind === 'SUSPENDED' || kind === 'RESUMED')
        return refresh(adopter, innovation, at, position);
      addMilestone.run({ ...row(adopter, innovation, origin, rankOfKind(kind), at, position), on });
    };

    const refresh = (adopter: string, innovation: string, at: Date, position: bigint) => {
      const s = summary.get(adopter, innovation) as {
        rank: number | null;
        n: number;
        first: string | null;
        last: string | null;
        switch: string | null;
      };
      const origin = (originOf.get(adopter, innovation) as { origin_code: string }).origin_code;
      upsertAdoption.run({
        ...row(adopter, innovation, origin, s.rank ?? 0, at, position),
        suspended: s.switch === 'SUSPENDED' ? 1 : 0,
        n: s.n,
        first: s.first,
        last: s.last,
      });
    };

    return (event) => {
      const recordedAt = event.recordedAt.toISOString();
      const actor = event.metadata.actor ?? null;
      switch (event.type) {
        case 'MilestoneReported': {
          const m = event.data;
          insertMilestone.run(
            m.milestoneId,
            m.adopterCode,
            m.innovationId,
            m.originCode,
            m.kind,
            rankOfKind(m.kind),
            m.occurredOn,
            recordedAt,
            actor,
            m.note ?? null,
            JSON.stringify(m.evidence),
            m.mode ?? null,
            null,
            event.position,
            m.details ? JSON.stringify(m.details) : null,
          );
          added(
            m.adopterCode,
            m.innovationId,
            m.originCode,
            m.kind,
            m.occurredOn,
            event.recordedAt,
            event.position,
          );
          return;
        }
        case 'MilestoneRetracted': {
          const row = retractMilestone.get(recordedAt, event.data.reason, event.data.milestoneId) as
            | { adopter_code: string; innovation_id: string }
            | undefined;
          if (row) refresh(row.adopter_code, row.innovation_id, event.recordedAt, event.position);
          return;
        }
        case 'MilestoneVerified':
        case 'MilestoneRejected':
          judge.run(
            event.type === 'MilestoneVerified' ? 'VERIFIED' : 'REJECTED',
            recordedAt,
            actor,
            event.type === 'MilestoneVerified' ? (event.data.note ?? null) : event.data.reason,
            event.data.milestoneId,
          );
          return;
        case 'StudyVisitReported': {
          const v = event.data;
          const note = `Studi tiru ${v.startDate}–${v.endDate}: ${v.delegationSize} orang dipimpin ${v.leader}`;
          for (const innovationId of v.innovationIds) {
            insertMilestone.run(
              `${v.visitId}:${innovationId}`,
              v.visitorCode,
              innovationId,
              v.hostCode,
              'STUDY_VISIT',
              rankOfKind('STUDY_VISIT'),
              v.startDate,
              recordedAt,
              actor,
              v.note ? `${note}. ${v.note}` : note,
              JSON.stringify(v.evidence),
              null,
              v.visitId,
              event.position,
              null,
            );
            added(
              v.visitorCode,
              innovationId,
              v.hostCode,
              'STUDY_VISIT',
              v.startDate,
              event.recordedAt,
              event.position,
            );
          }
          return;
        }
        case 'StudyVisitRetracted': {
          const rows = retractVisit.all(
            recordedAt,
            event.data.reason,
            event.data.visitId,
          ) as Array<{
            adopter_code: string;
            innovation_id: string;
          }>;
          for (const row of rows)
            refresh(row.adopter_code, row.innovation_id, event.recordedAt, event.position);
          return;
        }
      }
    };
  },
};
