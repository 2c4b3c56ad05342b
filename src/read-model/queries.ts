import type Database from 'better-sqlite3';
import type { AdoptionStage } from '../domain/adoption/stages.js';
import type { Evidence } from '../domain/shared/values.js';
import type { VisitedSite } from '../domain/study-visit/events.js';

export interface InnovationRow {
  id: string;
  originCode: string;
  name: string;
  description: string | null;
  category: string;
  digital: boolean;
  launchedOn: string | null;
  evidence: Evidence[];
  registeredAt: string;
}

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
  reportedBy: string | null;
  note: string | null;
  evidence: Evidence[];
  mode: string | null;
  visitId: string | null;
  retracted: boolean;
  retractedAt: string | null;
  retractionReason: string | null;
}

export interface StudyVisitRow {
  id: string;
  hostCode: string;
  visitorCode: string;
  startDate: string;
  endDate: string;
  delegationSize: number;
  leader: string;
  sites: VisitedSite[];
  innovationIds: string[];
  note: string | null;
  evidence: Evidence[];
  recordedAt: string;
  retracted: boolean;
}

/** Columns and row mappers shared by the read-model queries (here and analytics.ts). */
export const INNOVATION_COLUMNS = `id, origin_code AS originCode, name, description, category, digital,
  launched_on AS launchedOn, evidence, registered_at AS registeredAt`;
const ADOPTION_COLUMNS = `adopter_code AS adopterCode, innovation_id AS innovationId,
  origin_code AS originCode, stage, suspended, milestone_count AS milestoneCount,
  first_occurred_on AS firstOccurredOn, last_occurred_on AS lastOccurredOn, updated_at AS updatedAt`;
const MILESTONE_COLUMNS = `id, adopter_code AS adopterCode, innovation_id AS innovationId, kind,
  occurred_on AS occurredOn, recorded_at AS recordedAt, reported_by AS reportedBy, note, evidence,
  mode, visit_id AS visitId, retracted, retracted_at AS retractedAt,
  retraction_reason AS retractionReason`;
export const VISIT_COLUMNS = `id, host_code AS hostCode, visitor_code AS visitorCode,
  start_date AS startDate, end_date AS endDate, delegation_size AS delegationSize, leader, sites,
  innovation_ids AS innovationIds, note, evidence, recorded_at AS recordedAt, retracted`;

export type Raw = Record<string, unknown>;
export const innovation = (r: Raw) =>
  ({ ...r, digital: r.digital === 1, evidence: JSON.parse(r.evidence as string) }) as InnovationRow;
const adoption = (r: Raw) => ({ ...r, suspended: r.suspended === 1 }) as AdoptionRow;
export const milestone = (r: Raw) =>
  ({
    ...r,
    retracted: r.retracted === 1,
    evidence: JSON.parse(r.evidence as string),
  }) as MilestoneRow;
export const visit = (r: Raw) =>
  ({
    ...r,
    retracted: r.retracted === 1,
    sites: JSON.parse(r.sites as string),
    innovationIds: JSON.parse(r.innovationIds as string),
    evidence: JSON.parse(r.evidence as string),
  }) as StudyVisitRow;

/**
 * Read-only lookups by key over the read model's views (one innovation, adoption, milestone or
 * study visit). Lists, filters and time travel are in analytics.ts.
 */
export class ReadModelQueries {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      innovation: db.prepare(`SELECT ${INNOVATION_COLUMNS} FROM innovations WHERE id = ?`),
      adoption: db.prepare(
        `SELECT ${ADOPTION_COLUMNS} FROM adoptions
         WHERE adopter_code = ? AND innovation_id = ? AND stage_rank > 0`,
      ),
      milestones: db.prepare(
        `SELECT ${MILESTONE_COLUMNS} FROM milestones
         WHERE adopter_code = ? AND innovation_id = ? ORDER BY occurred_on, position`,
      ),
      locateMilestone: db.prepare(
        `SELECT adopter_code AS adopterCode, innovation_id AS innovationId, visit_id AS visitId
         FROM milestones WHERE id = ?`,
      ),
      visit: db.prepare(`SELECT ${VISIT_COLUMNS} FROM study_visits WHERE id = ?`),
      visits: db.prepare(
        `SELECT ${VISIT_COLUMNS} FROM study_visits
         WHERE (@host IS NULL OR host_code = @host) AND (@visitor IS NULL OR visitor_code = @visitor)
         ORDER BY start_date, id`,
      ),
    };
  }

  innovation(id: string): InnovationRow | undefined {
    const row = this.stmt.innovation.get(id) as Raw | undefined;
    return row && innovation(row);
  }

  adoption(adopterCode: string, innovationId: string): AdoptionRow | undefined {
    const row = this.stmt.adoption.get(adopterCode, innovationId) as Raw | undefined;
    return row && adoption(row);
  }

  milestones(adopterCode: string, innovationId: string): MilestoneRow[] {
    return (this.stmt.milestones.all(adopterCode, innovationId) as Raw[]).map(milestone);
  }

  locateMilestone(milestoneId: string) {
    return this.stmt.locateMilestone.get(milestoneId) as
      | { adopterCode: string; innovationId: string; visitId: string | null }
      | undefined;
  }

  studyVisit(id: string): StudyVisitRow | undefined {
    const row = this.stmt.visit.get(id) as Raw | undefined;
    return row && visit(row);
  }

  studyVisits(filter: { hostCode?: string | null; visitorCode?: string | null }): StudyVisitRow[] {
    return (
      this.stmt.visits.all({
        host: filter.hostCode ?? null,
        visitor: filter.visitorCode ?? null,
      }) as Raw[]
    ).map(visit);
  }
}
