import { maturityOf, rankOfKind, stageOfRank } from '../../src/domain/adoption/stages.js';
import {
  type AdoptionMilestone,
  type AdoptionSummary,
  milestonesOf,
  needsFullSummary,
  withMilestone,
} from '../../src/domain/adoption/summary.js';
import type { ProjectedEvent, Projection } from '../projection.js';
import { knownAtOf } from '../timeline/time-point.js';
import { summaryColumns } from './summary-sql.js';

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
         occurred_on, recorded_at, known_at, reported_by, note, evidence, mode, visit_id, position, details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const judge = db.prepare(
      `UPDATE ${t('milestones')} SET verification = ?, verified_at = ?, verified_by = ?,
         verification_note = ? WHERE id = ?`,
    );
    const evidenceOf = db.prepare(`SELECT evidence FROM ${t('milestones')} WHERE id = ?`);
    const setEvidence = db.prepare(`UPDATE ${t('milestones')} SET evidence = ? WHERE id = ?`);
    const retractMilestone = db.prepare(
      `UPDATE ${t('milestones')} SET retracted = 1, retracted_at = ?, retraction_reason = ?
       WHERE id = ? RETURNING adopter_code, innovation_id`,
    );
    const retractVisit = db.prepare(
      `UPDATE ${t('milestones')} SET retracted = 1, retracted_at = ?, retraction_reason = ?
       WHERE visit_id = ? RETURNING adopter_code, innovation_id`,
    );
    const addedUp = db.prepare(
      `SELECT ${summaryColumns(t('milestones'), 'm', 's.retracted = 0')}, min(origin_code) AS origin
       FROM ${t('milestones')} m WHERE adopter_code = ? AND innovation_id = ? AND retracted = 0`,
    );
    const current = db.prepare(
      `SELECT stage_rank, suspended, milestone_count, first_occurred_on, last_occurred_on
       FROM ${t('adoptions')} WHERE adopter_code = ? AND innovation_id = ?`,
    );
    const originOf = db.prepare(
      `SELECT origin_code FROM ${t('milestones')} WHERE adopter_code = ? AND innovation_id = ? LIMIT 1`,
    );
    const upsert = db.prepare(
      `INSERT INTO ${t('adoptions')} (adopter_code, innovation_id, origin_code, adopter_province_code,
         stage_rank, stage, suspended, milestone_count, first_occurred_on, last_occurred_on, updated_at, position)
       VALUES (@adopter, @innovation, @origin, @province, @rank, @stage, @suspended, @n, @first, @last, @at, @position)
       ON CONFLICT (adopter_code, innovation_id) DO UPDATE SET
         stage_rank = @rank, stage = @stage, suspended = @suspended, milestone_count = @n,
         first_occurred_on = @first, last_occurred_on = @last, updated_at = @at, position = @position`,
    );
    const write = (key: Key, origin: string, s: AdoptionSummary, event: ProjectedEvent) =>
      upsert.run({
        adopter: key.adopterCode,
        innovation: key.innovationId,
        origin,
        province: key.adopterCode.slice(0, 2),
        rank: s.rank,
        stage: s.stage,
        suspended: s.suspended ? 1 : 0,
        n: s.milestoneCount,
        first: s.firstOccurredOn,
        last: s.lastOccurredOn,
        at: event.recordedAt.toISOString(),
        position: event.position,
      });
    /** After a retraction or a suspension switch: the adoption added up again. */
    const refresh = (key: Key, event: ProjectedEvent) => {
      const r = addedUp.get(key.adopterCode, key.innovationId) as SummaryRow & { origin: string };
      const origin =
        r.origin ??
        (originOf.get(key.adopterCode, key.innovationId) as { origin_code: string }).origin_code;
      write(key, origin, fromRow(r), event);
    };
    /** A new milestone that counts only raises the stage, adds one and widens the dates. */
    const added = (m: AdoptionMilestone, event: ProjectedEvent) => {
      if (needsFullSummary(m.kind)) return refresh(m, event);
      const row = current.get(m.adopterCode, m.innovationId) as SummaryRow | undefined;
      write(m, m.originCode, withMilestone(row && fromRow(row), m), event);
    };

    return (event) => {
      const recordedAt = event.recordedAt.toISOString();
      const actor = event.metadata.actor ?? null;
      switch (event.type) {
        case 'MilestoneReported':
        case 'StudyVisitReported': {
          const visit = event.type === 'StudyVisitReported' ? event.data : undefined;
          const report = event.type === 'MilestoneReported' ? event.data : undefined;
          const visitNote = visit
            ? `Studi tiru ${visit.startDate}–${visit.endDate}: ${visit.delegationSize} orang dipimpin ${visit.leader}`
            : undefined;
          for (const m of milestonesOf(event)) {
            insertMilestone.run(
              m.milestoneId,
              m.adopterCode,
              m.innovationId,
              m.originCode,
              m.kind,
              rankOfKind(m.kind),
              m.occurredOn,
              recordedAt,
              knownAtOf(m.knownOn, recordedAt),
              actor,
              visit
                ? visit.note
                  ? `${visitNote}. ${visit.note}`
                  : visitNote
                : (report?.note ?? null),
              JSON.stringify((visit ?? report)?.evidence ?? []),
              report?.mode ?? null,
              m.visitId,
              event.position,
              report?.details ? JSON.stringify(report.details) : null,
            );
            added(m, event);
          }
          return;
        }
        case 'MilestoneRetracted': {
          const row = retractMilestone.get(recordedAt, event.data.reason, event.data.milestoneId) as
            | { adopter_code: string; innovation_id: string }
            | undefined;
          if (row) refresh(keyOf(row), event);
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
        case 'MilestoneEvidenceAdded': {
          const row = evidenceOf.get(event.data.milestoneId) as { evidence: string } | undefined;
          if (!row) return;
          const evidence = [...JSON.parse(row.evidence), ...event.data.evidence];
          setEvidence.run(JSON.stringify(evidence), event.data.milestoneId);
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
          for (const row of rows) refresh(keyOf(row), event);
          return;
        }
      }
    };
  },
};

type Key = { adopterCode: string; innovationId: string };
const keyOf = (row: { adopter_code: string; innovation_id: string }): Key => ({
  adopterCode: row.adopter_code,
  innovationId: row.innovation_id,
});

interface SummaryRow {
  stage_rank: number | null;
  suspended: number;
  milestone_count: number;
  first_occurred_on: string | null;
  last_occurred_on: string | null;
}

/** A summary as the adoptions table (or `summaryColumns`) holds it. */
function fromRow(r: SummaryRow): AdoptionSummary {
  const stage = stageOfRank(r.stage_rank ?? 0);
  return {
    rank: r.stage_rank ?? 0,
    stage,
    maturity: stage && maturityOf(stage),
    suspended: r.suspended === 1,
    firstOccurredOn: r.first_occurred_on,
    lastOccurredOn: r.last_occurred_on,
    milestoneCount: r.milestone_count,
  };
}
