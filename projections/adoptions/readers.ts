import type Database from 'better-sqlite3';
import type { MilestoneDetails } from '../../src/domain/adoption/details.js';
import type { Verification } from '../../src/domain/adoption/events.js';
import { type AdoptionStage, stageOfRank } from '../../src/domain/adoption/stages.js';
import type { Evidence } from '../../src/domain/shared/values.js';
import type { Raw } from '../sql.js';
import type { TimePoint } from '../timeline/time-point.js';

export interface AdoptionRow {
  adopterCode: string;
  innovationId: string;
  originCode: string;
  stage: AdoptionStage;
  suspended: boolean;
  milestoneCount: number;
  firstOccurredOn: string | null;
  lastOccurredOn: string | null;
  updatedAt: string;
}

export interface MilestoneRow {
  id: string;
  adopterCode: string;
  innovationId: string;
  kind: string;
  occurredOn: string;
  recordedAt: string;
  /** When the ministry knew of it: an import's known-on date, else recordedAt. */
  knownAt: string;
  reportedBy: string | null;
  note: string | null;
  evidence: Evidence[];
  mode: string | null;
  visitId: string | null;
  retracted: boolean;
  retractedAt: string | null;
  retractionReason: string | null;
}

export interface MilestoneReviewRow {
  details: MilestoneDetails | null;
  verification: Verification;
  verifiedAt: string | null;
  verifiedBy: string | null;
  verificationNote: string | null;
}

export const ADOPTION_COLUMNS = `adopter_code AS adopterCode, innovation_id AS innovationId,
  origin_code AS originCode, stage_rank AS rank, suspended, milestone_count AS milestoneCount,
  first_occurred_on AS firstOccurredOn, last_occurred_on AS lastOccurredOn, updated_at AS updatedAt`;
const MILESTONE_COLUMNS = `m.id, m.adopter_code AS adopterCode, m.innovation_id AS innovationId,
  m.kind, m.occurred_on AS occurredOn, m.recorded_at AS recordedAt, m.known_at AS knownAt,
  m.reported_by AS reportedBy,
  m.note, m.evidence, m.mode, m.visit_id AS visitId, m.retracted, m.retracted_at AS retractedAt,
  m.retraction_reason AS retractionReason`;

const toMilestone = (r: Raw) =>
  ({
    ...r,
    retracted: r.retracted === 1,
    evidence: JSON.parse(r.evidence as string),
  }) as MilestoneRow;

/**
 * Reads of the `adoptions` and `milestones` tables by key: one adoption, its milestones (of many
 * adoptions at once, at a time point), where a milestone lives, its review. Filtered and paged
 * lists are in list.ts.
 */
export class AdoptionReaders {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      adoption: db.prepare(
        `SELECT ${ADOPTION_COLUMNS} FROM adoptions
         WHERE adopter_code = ? AND innovation_id = ? AND stage_rank > 0`,
      ),
      milestones: db.prepare(
        `SELECT ${MILESTONE_COLUMNS} FROM milestones m
         WHERE adopter_code = ? AND innovation_id = ? ORDER BY occurred_on, position`,
      ),
      milestonesOf: db.prepare(
        `SELECT ${MILESTONE_COLUMNS} FROM json_each(?) k
         JOIN milestones m ON m.adopter_code = json_extract(k.value, '$[0]')
           AND m.innovation_id = json_extract(k.value, '$[1]')
         ORDER BY m.adopter_code, m.innovation_id, m.occurred_on, m.position`,
      ),
      milestonesByIds: db.prepare(
        `SELECT ${MILESTONE_COLUMNS} FROM milestones m WHERE m.id IN (SELECT value FROM json_each(?))`,
      ),
      locate: db.prepare(
        `SELECT adopter_code AS adopterCode, innovation_id AS innovationId, visit_id AS visitId
         FROM milestones WHERE id = ?`,
      ),
      visitIds: db.prepare(
        `SELECT DISTINCT visit_id AS visitId FROM milestones
         WHERE adopter_code = ? AND innovation_id = ? AND visit_id IS NOT NULL`,
      ),
      review: db.prepare(
        `SELECT details, verification, verified_at AS verifiedAt, verified_by AS verifiedBy,
           verification_note AS verificationNote FROM milestones WHERE id = ?`,
      ),
    };
  }

  /** The adoption, while a milestone that reaches a stage still counts. */
  adoption(adopterCode: string, innovationId: string): AdoptionRow | undefined {
    const row = this.stmt.adoption.get(adopterCode, innovationId) as Raw | undefined;
    return row && toAdoption(row);
  }

  milestones(adopterCode: string, innovationId: string): MilestoneRow[] {
    return (this.stmt.milestones.all(adopterCode, innovationId) as Raw[]).map(toMilestone);
  }

  /**
   * Milestones of many adoptions at once. At `knownAt` only those reported by then, retracted
   * only if retracted by then; at `asOf` only those that had occurred by then.
   */
  milestonesOf(
    keys: readonly (readonly [string, string])[],
    at?: TimePoint,
  ): Map<string, MilestoneRow[]> {
    const rows = this.stmt.milestonesOf.all(JSON.stringify(keys)) as Raw[];
    const out = new Map<string, MilestoneRow[]>(keys.map(([a, i]) => [`${a}|${i}`, []]));
    for (const r of rows) {
      if (at?.asOf && (r.occurredOn as string) > at.asOf) continue;
      if (at?.knownAt && (r.recordedAt as string) > at.knownAt) continue;
      let row = toMilestone(r);
      if (at?.knownAt && row.retracted && (row.retractedAt ?? '') > at.knownAt)
        row = { ...row, retracted: false, retractedAt: null, retractionReason: null };
      out.get(`${row.adopterCode}|${row.innovationId}`)?.push(row);
    }
    return out;
  }

  milestonesByIds(ids: readonly string[]): Map<string, MilestoneRow> {
    const rows = this.stmt.milestonesByIds.all(JSON.stringify(ids)) as Raw[];
    return new Map(rows.map((r) => [r.id as string, toMilestone(r)]));
  }

  /** Where a milestone lives, so a retraction or a verdict can be routed to its stream. */
  locateMilestone(milestoneId: string) {
    return this.stmt.locate.get(milestoneId) as
      | { adopterCode: string; innovationId: string; visitId: string | null }
      | undefined;
  }

  /** The study visits whose STUDY_VISIT milestones count for this adoption. */
  visitIdsOfAdoption(adopterCode: string, innovationId: string): string[] {
    const rows = this.stmt.visitIds.all(adopterCode, innovationId) as Array<{ visitId: string }>;
    return rows.map((r) => r.visitId);
  }

  /** A milestone's details and the ministry's current verdict. */
  milestoneReview(milestoneId: string): MilestoneReviewRow | undefined {
    const row = this.stmt.review.get(milestoneId) as
      | (Omit<MilestoneReviewRow, 'details'> & { details: string | null })
      | undefined;
    return row && { ...row, details: row.details ? JSON.parse(row.details) : null };
  }
}

/** An adoption row as `ADOPTION_COLUMNS` selects it (the stage from its rank). */
export function toAdoption(r: Raw): AdoptionRow {
  const { rank, ...rest } = r;
  return {
    ...(rest as Omit<AdoptionRow, 'stage' | 'suspended'>),
    stage: stageOfRank(rank as number) as AdoptionStage,
    suspended: r.suspended === 1,
  };
}
