import type Database from 'better-sqlite3';
import { maturityOf, rankOfKind, stageOfRank } from '../../src/domain/adoption/stages.js';
import {
  type AdoptionMilestone,
  type AdoptionSummary,
  milestonesOf,
} from '../../src/domain/adoption/summary.js';
import type { ProjectedEvent, TableNames } from '../projection.js';
import { knownAtOf } from '../timeline/time-point.js';
import { summaryColumns } from './summary-sql.js';

/**
 * The adoptions projection's writes, shared by its live form (projection.ts, row by row) and its
 * bulk form (bulk.ts, adoptions folded in memory): the milestone rows, verdicts and retractions,
 * and the adoption row an up-to-date summary gives.
 */
export type Key = { adopterCode: string; innovationId: string };

/** The index that adds an adoption up from its milestones (made by migrate, or after a bulk build). */
export function milestonesByAdoption(db: Database.Database, t: TableNames): void {
  db.exec(`CREATE INDEX IF NOT EXISTS ${t('milestones_adoption')}
        ON ${t('milestones')} (adopter_code, innovation_id, occurred_on, position)`);
}

export function adoptionWrites(db: Database.Database, t: TableNames) {
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
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (adopter_code, innovation_id) DO UPDATE SET
       stage_rank = excluded.stage_rank, stage = excluded.stage, suspended = excluded.suspended,
       milestone_count = excluded.milestone_count, first_occurred_on = excluded.first_occurred_on,
       last_occurred_on = excluded.last_occurred_on, updated_at = excluded.updated_at,
       position = excluded.position`,
  );

  return {
    /** Writes the milestone rows a report or a study visit stands for; answers its milestones. */
    report(event: ProjectedEvent): AdoptionMilestone[] {
      const recordedAt = event.recordedAt.toISOString();
      const actor = event.metadata.actor ?? null;
      const visit = event.type === 'StudyVisitReported' ? event.data : undefined;
      const report = event.type === 'MilestoneReported' ? event.data : undefined;
      const visitNote = visit
        ? `Studi tiru ${visit.startDate}–${visit.endDate}: ${visit.delegationSize} orang dipimpin ${visit.leader}`
        : undefined;
      const note = visit
        ? visit.note
          ? `${visitNote}. ${visit.note}`
          : visitNote
        : (report?.note ?? null);
      const evidence = JSON.stringify((visit ?? report)?.evidence ?? []);
      const details = report?.details ? JSON.stringify(report.details) : null;
      const milestones = milestonesOf(event);
      for (const m of milestones)
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
          note,
          evidence,
          report?.mode ?? null,
          m.visitId,
          event.position,
          details,
        );
      return milestones;
    },
    /** A verdict on a milestone. */
    judge(event: ProjectedEvent & { type: 'MilestoneVerified' | 'MilestoneRejected' }): void {
      judge.run(
        event.type === 'MilestoneVerified' ? 'VERIFIED' : 'REJECTED',
        event.recordedAt.toISOString(),
        event.metadata.actor ?? null,
        event.type === 'MilestoneVerified' ? (event.data.note ?? null) : event.data.reason,
        event.data.milestoneId,
      );
    },
    /** More evidence for a milestone, after what it has. */
    addEvidence(event: ProjectedEvent & { type: 'MilestoneEvidenceAdded' }): void {
      const row = evidenceOf.get(event.data.milestoneId) as { evidence: string } | undefined;
      if (!row) return;
      const evidence = [...JSON.parse(row.evidence), ...event.data.evidence];
      setEvidence.run(JSON.stringify(evidence), event.data.milestoneId);
    },
    /** Marks the retracted milestones; answers the adoptions they belong to. */
    retract(event: ProjectedEvent): Key[] {
      const at = event.recordedAt.toISOString();
      type Row = { adopter_code: string; innovation_id: string };
      const rows: Row[] =
        event.type === 'MilestoneRetracted'
          ? [retractMilestone.get(at, event.data.reason, event.data.milestoneId) as Row].filter(
              Boolean,
            )
          : event.type === 'StudyVisitRetracted'
            ? (retractVisit.all(at, event.data.reason, event.data.visitId) as Row[])
            : [];
      return rows.map((row) => ({
        adopterCode: row.adopter_code,
        innovationId: row.innovation_id,
      }));
    },
    /** The adoption's summary as its row holds it, if it has one. */
    current(key: Key): AdoptionSummary | undefined {
      const row = current.get(key.adopterCode, key.innovationId) as SummaryRow | undefined;
      return row && fromRow(row);
    },
    /** The adoption added up from its milestones that count, and its origin. */
    addedUp(key: Key): { summary: AdoptionSummary; origin: string } {
      const r = addedUp.get(key.adopterCode, key.innovationId) as SummaryRow & { origin: string };
      const origin =
        r.origin ??
        (originOf.get(key.adopterCode, key.innovationId) as { origin_code: string }).origin_code;
      return { summary: fromRow(r), origin };
    },
    /** Writes the adoption's row (its origin only counts when the row is new). */
    write(key: Key, origin: string, s: AdoptionSummary, at: string, position: bigint): void {
      upsert.run(
        key.adopterCode,
        key.innovationId,
        origin,
        key.adopterCode.slice(0, 2),
        s.rank,
        s.stage,
        s.suspended ? 1 : 0,
        s.milestoneCount,
        s.firstOccurredOn,
        s.lastOccurredOn,
        at,
        position,
      );
    },
  };
}

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
