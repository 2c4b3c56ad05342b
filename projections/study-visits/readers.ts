import type Database from 'better-sqlite3';
import type { Evidence } from '../../src/domain/shared/values.js';
import type { VisitedSite } from '../../src/domain/study-visit/events.js';
import { groupBy, type Raw } from '../sql.js';

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

export const COLUMNS = `id, host_code AS hostCode, visitor_code AS visitorCode,
  start_date AS startDate, end_date AS endDate, delegation_size AS delegationSize, leader, sites,
  innovation_ids AS innovationIds, note, evidence, recorded_at AS recordedAt, retracted`;

export const toRow = (r: Raw) =>
  ({
    ...r,
    retracted: r.retracted === 1,
    sites: JSON.parse(r.sites as string),
    innovationIds: JSON.parse(r.innovationIds as string),
    evidence: JSON.parse(r.evidence as string),
  }) as StudyVisitRow;

/** Reads of the `study_visits` table: by id, by host or visitor. */
export class StudyVisitReaders {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      byId: db.prepare(`SELECT ${COLUMNS} FROM study_visits WHERE id = ?`),
      byIds: db.prepare(
        `SELECT ${COLUMNS} FROM study_visits WHERE id IN (SELECT value FROM json_each(?))`,
      ),
      list: db.prepare(
        `SELECT ${COLUMNS} FROM study_visits
         WHERE (@host IS NULL OR host_code = @host) AND (@visitor IS NULL OR visitor_code = @visitor)
         ORDER BY start_date, id`,
      ),
      ofHosts: db.prepare(
        `SELECT ${COLUMNS} FROM study_visits
         WHERE host_code IN (SELECT value FROM json_each(?)) ORDER BY start_date, id`,
      ),
      ofVisitors: db.prepare(
        `SELECT ${COLUMNS} FROM study_visits
         WHERE visitor_code IN (SELECT value FROM json_each(?)) ORDER BY start_date, id`,
      ),
    };
  }

  studyVisit(id: string): StudyVisitRow | undefined {
    const row = this.stmt.byId.get(id) as Raw | undefined;
    return row && toRow(row);
  }

  list(filter: { hostCode?: string | null; visitorCode?: string | null }): StudyVisitRow[] {
    const params = { host: filter.hostCode ?? null, visitor: filter.visitorCode ?? null };
    return (this.stmt.list.all(params) as Raw[]).map(toRow);
  }

  byIds(ids: readonly string[]): Map<string, StudyVisitRow> {
    const rows = (this.stmt.byIds.all(JSON.stringify(ids)) as Raw[]).map(toRow);
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Visits hosted by (or made by) each of the regencies. */
  of(role: 'host' | 'visitor', codes: readonly string[]): Map<string, StudyVisitRow[]> {
    const stmt = role === 'host' ? this.stmt.ofHosts : this.stmt.ofVisitors;
    const rows = (stmt.all(JSON.stringify(codes)) as Raw[]).map(toRow);
    return groupBy(codes, rows, (r) => (role === 'host' ? r.hostCode : r.visitorCode));
  }
}
