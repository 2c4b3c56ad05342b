import type Database from 'better-sqlite3';
import { type AdoptionStage, stageRank } from '../domain/adoption/stages.js';
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

export interface AdoptionFilter {
  originCode?: string | null;
  adopterCode?: string | null;
  innovationId?: string | null;
  provinceCode?: string | null;
  minStage?: AdoptionStage | null;
}

export interface AdoptionPage {
  rows: AdoptionRow[];
  totalCount: number;
  hasNextPage: boolean;
}

const INNOVATION_COLUMNS = `id, origin_code AS originCode, name, description, category, digital,
  launched_on AS launchedOn, evidence, registered_at AS registeredAt`;
const ADOPTION_COLUMNS = `adopter_code AS adopterCode, innovation_id AS innovationId,
  origin_code AS originCode, stage, suspended, milestone_count AS milestoneCount,
  first_occurred_on AS firstOccurredOn, last_occurred_on AS lastOccurredOn, updated_at AS updatedAt`;
const MILESTONE_COLUMNS = `id, adopter_code AS adopterCode, innovation_id AS innovationId, kind,
  occurred_on AS occurredOn, recorded_at AS recordedAt, reported_by AS reportedBy, note, evidence,
  mode, visit_id AS visitId, retracted, retracted_at AS retractedAt,
  retraction_reason AS retractionReason`;
const VISIT_COLUMNS = `id, host_code AS hostCode, visitor_code AS visitorCode,
  start_date AS startDate, end_date AS endDate, delegation_size AS delegationSize, leader, sites,
  innovation_ids AS innovationIds, note, evidence, recorded_at AS recordedAt, retracted`;

type Raw = Record<string, unknown>;
const innovation = (r: Raw) =>
  ({ ...r, digital: r.digital === 1, evidence: JSON.parse(r.evidence as string) }) as InnovationRow;
const adoption = (r: Raw) => ({ ...r, suspended: r.suspended === 1 }) as AdoptionRow;
const milestone = (r: Raw) =>
  ({
    ...r,
    retracted: r.retracted === 1,
    evidence: JSON.parse(r.evidence as string),
  }) as MilestoneRow;
const visit = (r: Raw) =>
  ({
    ...r,
    retracted: r.retracted === 1,
    sites: JSON.parse(r.sites as string),
    innovationIds: JSON.parse(r.innovationIds as string),
    evidence: JSON.parse(r.evidence as string),
  }) as StudyVisitRow;

/** Cursor over the adoptions' key order (adopter, innovation); opaque to clients. */
export const encodeCursor = (row: Pick<AdoptionRow, 'adopterCode' | 'innovationId'>) =>
  Buffer.from(JSON.stringify([row.adopterCode, row.innovationId])).toString('base64url');

export function decodeCursor(cursor: string): [string, string] | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string'))
      return value as [string, string];
  } catch {}
  return undefined;
}

/**
 * Read-only queries over the read model's views. Resolvers use nothing else; every filter is
 * served by an index of the projection tables.
 */
export class ReadModelQueries {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      innovation: db.prepare(`SELECT ${INNOVATION_COLUMNS} FROM innovations WHERE id = ?`),
      innovations: db.prepare(
        `SELECT ${INNOVATION_COLUMNS} FROM innovations ORDER BY origin_code, name`,
      ),
      innovationsByOrigin: db.prepare(
        `SELECT ${INNOVATION_COLUMNS} FROM innovations WHERE origin_code = ? ORDER BY name`,
      ),
      adoption: db.prepare(
        `SELECT ${ADOPTION_COLUMNS} FROM adoptions
         WHERE adopter_code = ? AND innovation_id = ? AND stage_rank > 0`,
      ),
      adoptionsOfInnovation: db.prepare(
        `SELECT ${ADOPTION_COLUMNS} FROM adoptions
         WHERE innovation_id = ? AND stage_rank >= ? ORDER BY adopter_code`,
      ),
      adoptionsOfAdopter: db.prepare(
        `SELECT ${ADOPTION_COLUMNS} FROM adoptions
         WHERE adopter_code = ? AND stage_rank > 0 ORDER BY innovation_id`,
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

  innovations(originCode?: string | null): InnovationRow[] {
    const rows = (
      originCode ? this.stmt.innovationsByOrigin.all(originCode) : this.stmt.innovations.all()
    ) as Raw[];
    return rows.map(innovation);
  }

  adoption(adopterCode: string, innovationId: string): AdoptionRow | undefined {
    const row = this.stmt.adoption.get(adopterCode, innovationId) as Raw | undefined;
    return row && adoption(row);
  }

  adoptionsOfInnovation(innovationId: string, minStage?: AdoptionStage | null): AdoptionRow[] {
    const min = minStage ? stageRank(minStage) : 1;
    return (this.stmt.adoptionsOfInnovation.all(innovationId, min) as Raw[]).map(adoption);
  }

  adoptionsOfAdopter(adopterCode: string): AdoptionRow[] {
    return (this.stmt.adoptionsOfAdopter.all(adopterCode) as Raw[]).map(adoption);
  }

  /** A page of adoptions in (adopter, innovation) order, after the cursor's key. */
  adoptions(filter: AdoptionFilter, first: number, after?: [string, string]): AdoptionPage {
    const where = ['stage_rank >= @minRank'];
    const params: Record<string, unknown> = {
      minRank: filter.minStage ? stageRank(filter.minStage) : 1,
    };
    const equal = (column: string, value: string | null | undefined) => {
      if (value == null) return;
      where.push(`${column} = @${column}`);
      params[column] = value;
    };
    equal('origin_code', filter.originCode);
    equal('adopter_code', filter.adopterCode);
    equal('innovation_id', filter.innovationId);
    equal('adopter_province_code', filter.provinceCode);
    const condition = where.join(' AND ');
    const totalCount = (
      this.db.prepare(`SELECT count(*) AS n FROM adoptions WHERE ${condition}`).get(params) as {
        n: number;
      }
    ).n;
    const page = after
      ? `${condition} AND (adopter_code, innovation_id) > (@afterA, @afterI)`
      : condition;
    const rows = this.db
      .prepare(
        `SELECT ${ADOPTION_COLUMNS} FROM adoptions WHERE ${page}
         ORDER BY adopter_code, innovation_id LIMIT @limit`,
      )
      .all({ ...params, afterA: after?.[0], afterI: after?.[1], limit: first + 1 }) as Raw[];
    return {
      rows: rows.slice(0, first).map(adoption),
      totalCount,
      hasNextPage: rows.length > first,
    };
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
