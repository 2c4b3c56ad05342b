import type Database from 'better-sqlite3';
import { summaryColumns } from '../../projections/adoptions/summary-sql.js';
import { type AdoptionStage as Stage, stageOfRank, stageRank } from '../domain/adoption/stages.js';
import {
  adoptionsOfRows,
  type DiffusionFigures,
  figures,
  type OriginFigures,
  type TimelineRow,
} from './diffusion.js';
import {
  type AdoptionRow,
  INNOVATION_COLUMNS,
  type InnovationRow,
  type MilestoneRow,
  type Raw,
  type StudyVisitRow,
  innovation as toInnovation,
  milestone as toMilestone,
  visit as toVisit,
  VISIT_COLUMNS,
} from './queries.js';

/**
 * A point in time on one or both clocks: `asOf` (a date) counts milestones that had occurred by
 * then and are not retracted now; `knownAt` (an instant) counts what had been reported by then
 * and not yet retracted at then. Both together: what was known at `knownAt` about `asOf`.
 */
export interface TimePoint {
  asOf?: string | null;
  knownAt?: string | null;
}

/** A read-model row answered at a time point; nested fields answer at the same point. */
export type AtTime<T> = T & { at?: TimePoint };

export interface DateRange {
  from?: string | null;
  to?: string | null;
}

export interface AnalystAdoptionFilter {
  originCode?: string | null;
  adopterCode?: string | null;
  innovationId?: string | null;
  provinceCode?: string | null;
  minStage?: Stage | null;
  stage?: Stage | null;
  reportedBetween?: DateRange | null;
  occurredBetween?: DateRange | null;
  /** Has a milestone that counts whose current verdict is this one. */
  verification?: 'UNVERIFIED' | 'VERIFIED' | 'REJECTED' | null;
}

export type SortField =
  | 'ADOPTER'
  | 'INNOVATION'
  | 'STAGE'
  | 'FIRST_OCCURRED'
  | 'LAST_OCCURRED'
  | 'UPDATED';
export interface AdoptionSort {
  field: SortField;
  direction: 'ASC' | 'DESC';
}

const SORT_COLUMN: Record<SortField, string> = {
  ADOPTER: 'adopter_code',
  INNOVATION: 'innovation_id',
  STAGE: 'stage_rank',
  FIRST_OCCURRED: 'first_occurred_on',
  LAST_OCCURRED: 'last_occurred_on',
  UPDATED: 'updated_at',
};

const ADOPTION_COLUMNS = `adopter_code AS adopterCode, innovation_id AS innovationId,
  origin_code AS originCode, stage_rank AS rank, suspended, milestone_count AS milestoneCount,
  first_occurred_on AS firstOccurredOn, last_occurred_on AS lastOccurredOn, updated_at AS updatedAt`;

const MILESTONE_COLUMNS = `m.id, m.adopter_code AS adopterCode, m.innovation_id AS innovationId,
  m.kind, m.occurred_on AS occurredOn, m.recorded_at AS recordedAt, m.reported_by AS reportedBy,
  m.note, m.evidence, m.mode, m.visit_id AS visitId, m.retracted, m.retracted_at AS retractedAt,
  m.retraction_reason AS retractionReason`;

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string) {
  const out = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) out.get(keyOf(row))?.push(row);
  return out;
}
type Params = Record<string, unknown>;

const isSet = (at: TimePoint | undefined): at is TimePoint => !!(at?.asOf || at?.knownAt);

/** The day after a YYYY-MM-DD date, as the instant that starts it (UTC). */
const dayAfter = (date: string) => {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
};

/** Conditions on the milestone timeline (alias `alias`) for "counts at this time point". */
function counts(alias: string, at: TimePoint | undefined, params: Params): string {
  const where: string[] = [];
  if (at?.asOf) {
    where.push(`${alias}.occurred_on <= @asOf`);
    params.asOf = at.asOf;
  }
  if (at?.knownAt) {
    where.push(
      `${alias}.recorded_at <= @knownAt`,
      `(${alias}.retracted_at IS NULL OR ${alias}.retracted_at > @knownAt)`,
    );
    params.knownAt = at.knownAt;
  } else where.push(`${alias}.retracted_at IS NULL`);
  return where.join(' AND ');
}

function rangeConditions(
  column: string,
  range: DateRange | null | undefined,
  name: string,
  params: Params,
  instants: boolean,
): string[] {
  const where: string[] = [];
  if (range?.from) {
    where.push(`${column} >= @${name}From`);
    params[`${name}From`] = instants ? `${range.from}T00:00:00.000Z` : range.from;
  }
  if (range?.to) {
    if (instants) {
      where.push(`${column} < @${name}To`);
      params[`${name}To`] = dayAfter(range.to);
    } else {
      where.push(`${column} <= @${name}To`);
      params[`${name}To`] = range.to;
    }
  }
  return where;
}

/**
 * A query source with the columns of the `adoptions` view: the view itself for the current
 * state (the fast path), or the adoptions folded on the fly from the milestone timeline at a
 * time point. `push` narrows the timeline before folding (served by its indexes).
 */
function adoptionSource(
  at: TimePoint | undefined,
  push: { column: string; value: string | null | undefined }[],
  params: Params,
  narrow: string[] = [],
): { with: string; from: string } {
  if (!isSet(at)) return { with: '', from: 'adoptions' };
  const where = [counts('t', at, params), ...narrow];
  for (const [i, p] of push.entries())
    if (p.value != null) {
      where.push(`t.${p.column} = @push${i}`);
      params[`push${i}`] = p.value;
    }
  return {
    with: `WITH tl AS (SELECT * FROM milestone_timeline t WHERE ${where.join(' AND ')}),
      at_time AS (
        SELECT adopter_code, innovation_id, origin_code, province_code AS adopter_province_code,
          ${summaryColumns('tl', 'tl')}, max(recorded_at) AS updated_at
        FROM tl GROUP BY adopter_code, innovation_id)`,
    from: 'at_time',
  };
}

const toAdoption = (r: Raw, at: TimePoint | undefined): AtTime<AdoptionRow> => {
  const { rank, ...rest } = r;
  return {
    ...(rest as Omit<AdoptionRow, 'stage' | 'suspended'>),
    stage: stageOfRank(rank as number) as Stage,
    suspended: r.suspended === 1,
    ...(isSet(at) ? { at } : {}),
  };
};

/** Opaque keyset cursor: the sort, the sort key and the (adopter, innovation) tie-breaker. */
export const encodeSortCursor = (sort: AdoptionSort, key: unknown, row: AdoptionRow) =>
  Buffer.from(
    JSON.stringify([sort.field, sort.direction, key, row.adopterCode, row.innovationId]),
  ).toString('base64url');

export function decodeSortCursor(
  cursor: string,
  sort: AdoptionSort,
): [unknown, string, string] | undefined {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 5 &&
      v[0] === sort.field &&
      v[1] === sort.direction &&
      typeof v[3] === 'string' &&
      typeof v[4] === 'string'
    )
      return [v[2], v[3], v[4]];
  } catch {}
  return undefined;
}

/**
 * The analysts' read queries: filtered, sorted and paged adoptions on either clock, batched
 * lookups for the GraphQL loaders, and the diffusion figures. Read-only SQL over the views.
 */
export class AnalyticsQueries {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      innovationsByIds: db.prepare(
        `SELECT ${INNOVATION_COLUMNS} FROM innovations WHERE id IN (SELECT value FROM json_each(?))`,
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
      visitsByIds: db.prepare(
        `SELECT ${VISIT_COLUMNS} FROM study_visits WHERE id IN (SELECT value FROM json_each(?))`,
      ),
      visitsByHosts: db.prepare(
        `SELECT ${VISIT_COLUMNS} FROM study_visits
         WHERE host_code IN (SELECT value FROM json_each(?)) ORDER BY start_date, id`,
      ),
      visitsByVisitors: db.prepare(
        `SELECT ${VISIT_COLUMNS} FROM study_visits
         WHERE visitor_code IN (SELECT value FROM json_each(?)) ORDER BY start_date, id`,
      ),
      innovationsByOrigins: db.prepare(
        `SELECT ${INNOVATION_COLUMNS} FROM innovations
         WHERE origin_code IN (SELECT value FROM json_each(?)) ORDER BY origin_code, name`,
      ),
      visitIdsOfAdoption: db.prepare(
        `SELECT DISTINCT visit_id AS visitId FROM milestones
         WHERE adopter_code = ? AND innovation_id = ? AND visit_id IS NOT NULL`,
      ),
    };
  }

  /** A page of adoptions: filtered, sorted, after a keyset cursor, with the total count. */
  adoptions(
    filter: AnalystAdoptionFilter,
    sort: AdoptionSort,
    first: number,
    after: [unknown, string, string] | undefined,
    at?: TimePoint,
  ): { rows: AtTime<AdoptionRow>[]; keys: unknown[]; totalCount: number; hasNextPage: boolean } {
    const params: Params = {};
    const source = adoptionSource(
      at,
      [
        { column: 'adopter_code', value: filter.adopterCode },
        { column: 'innovation_id', value: filter.innovationId },
        { column: 'origin_code', value: filter.originCode },
        { column: 'province_code', value: filter.provinceCode },
      ],
      params,
    );
    const where = ['a.stage_rank >= @minRank'];
    params.minRank = filter.minStage ? stageRank(filter.minStage) : 1;
    const equal = (column: string, value: unknown) => {
      if (value == null) return;
      where.push(`a.${column} = @${column}`);
      params[column] = value;
    };
    equal('origin_code', filter.originCode);
    equal('adopter_code', filter.adopterCode);
    equal('innovation_id', filter.innovationId);
    equal('adopter_province_code', filter.provinceCode);
    equal('stage_rank', filter.stage ? stageRank(filter.stage) : null);
    const between = (range: DateRange | null | undefined, column: string, name: string) => {
      const inRange = rangeConditions(`x.${column}`, range, name, params, column === 'recorded_at');
      if (inRange.length === 0) return;
      where.push(`EXISTS (SELECT 1 FROM milestone_timeline x
        WHERE x.adopter_code = a.adopter_code AND x.innovation_id = a.innovation_id
          AND ${counts('x', at, params)} AND ${inRange.join(' AND ')})`);
    };
    between(filter.reportedBetween, 'recorded_at', 'reported');
    between(filter.occurredBetween, 'occurred_on', 'occurred');
    if (filter.verification) {
      // Verdicts are current state: the milestones table holds the latest one.
      where.push(`EXISTS (SELECT 1 FROM milestones v
        WHERE v.adopter_code = a.adopter_code AND v.innovation_id = a.innovation_id
          AND v.retracted = 0 AND v.verification = @verification)`);
      params.verification = filter.verification;
    }
    const condition = where.join(' AND ');
    const totalCount = (
      this.db
        .prepare(`${source.with} SELECT count(*) AS n FROM ${source.from} a WHERE ${condition}`)
        .get(params) as { n: number }
    ).n;

    const key = `a.${SORT_COLUMN[sort.field]}`;
    const dir = sort.direction === 'DESC' ? 'DESC' : 'ASC';
    const page = [condition];
    if (after) {
      page.push(
        `(${key}, a.adopter_code, a.innovation_id) ${dir === 'DESC' ? '<' : '>'} (@afterKey, @afterA, @afterI)`,
      );
      Object.assign(params, { afterKey: after[0], afterA: after[1], afterI: after[2] });
    }
    const rows = this.db
      .prepare(
        `${source.with} SELECT ${ADOPTION_COLUMNS}, ${key} AS sortKey FROM ${source.from} a
         WHERE ${page.join(' AND ')}
         ORDER BY ${key} ${dir}, a.adopter_code ${dir}, a.innovation_id ${dir} LIMIT @limit`,
      )
      .all({ ...params, limit: first + 1 }) as Raw[];
    const taken = rows.slice(0, first);
    return {
      rows: taken.map(({ sortKey: _k, ...r }) => toAdoption(r, at)),
      keys: taken.map((r) => r.sortKey),
      totalCount,
      hasNextPage: rows.length > first,
    };
  }

  /** Adoptions of many innovations (or many adopters) at once, for the loaders. */
  adoptionsOf(
    by: 'innovation_id' | 'adopter_code',
    keys: readonly string[],
    minRank: number,
    at?: TimePoint,
  ): Map<string, AtTime<AdoptionRow>[]> {
    const params: Params = { keys: JSON.stringify(keys), minRank };
    // At a time point, the timeline is narrowed by the keys before folding.
    const source = adoptionSource(at, [], params, [
      `t.${by} IN (SELECT value FROM json_each(@keys))`,
    ]);
    const rows = this.db
      .prepare(
        `${source.with} SELECT ${ADOPTION_COLUMNS} FROM ${source.from} a
         WHERE a.${by} IN (SELECT value FROM json_each(@keys)) AND a.stage_rank >= @minRank
         ORDER BY a.${by === 'innovation_id' ? 'adopter_code' : 'innovation_id'}`,
      )
      .all(params) as Raw[];
    const out = new Map<string, AtTime<AdoptionRow>[]>(keys.map((k) => [k, []]));
    for (const r of rows) {
      const row = toAdoption(r, at);
      out.get(by === 'innovation_id' ? row.innovationId : row.adopterCode)?.push(row);
    }
    return out;
  }

  innovationsByIds(ids: readonly string[]): Map<string, InnovationRow> {
    const rows = this.stmt.innovationsByIds.all(JSON.stringify(ids)) as Raw[];
    return new Map(rows.map((r) => [r.id as string, toInnovation(r)]));
  }

  innovations(filter: {
    originCode?: string | null;
    category?: string | null;
    digital?: boolean | null;
    knownAt?: string | null;
  }): AtTime<InnovationRow>[] {
    const where = ['1 = 1'];
    const params: Params = {};
    if (filter.originCode) {
      where.push('origin_code = @origin');
      params.origin = filter.originCode;
    }
    if (filter.category) {
      where.push('category = @category');
      params.category = filter.category;
    }
    if (filter.digital != null) {
      where.push('digital = @digital');
      params.digital = filter.digital ? 1 : 0;
    }
    if (filter.knownAt) {
      where.push('registered_at <= @knownAt');
      params.knownAt = filter.knownAt;
    }
    const rows = this.db
      .prepare(
        `SELECT ${INNOVATION_COLUMNS} FROM innovations WHERE ${where.join(' AND ')}
         ORDER BY origin_code, name`,
      )
      .all(params) as Raw[];
    return rows.map((r) => ({
      ...toInnovation(r),
      ...(filter.knownAt ? { at: { knownAt: filter.knownAt } } : {}),
    }));
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

  studyVisitsByIds(ids: readonly string[]): Map<string, StudyVisitRow> {
    const rows = (this.stmt.visitsByIds.all(JSON.stringify(ids)) as Raw[]).map(toVisit);
    return new Map(rows.map((r) => [r.id, r]));
  }

  studyVisitsOf(role: 'host' | 'visitor', codes: readonly string[]) {
    const stmt = role === 'host' ? this.stmt.visitsByHosts : this.stmt.visitsByVisitors;
    const rows = (stmt.all(JSON.stringify(codes)) as Raw[]).map(toVisit);
    return groupBy(codes, rows, (r) => (role === 'host' ? r.hostCode : r.visitorCode));
  }

  innovationsOfOrigins(codes: readonly string[]): Map<string, InnovationRow[]> {
    const rows = (this.stmt.innovationsByOrigins.all(JSON.stringify(codes)) as Raw[]).map(
      toInnovation,
    );
    return groupBy(codes, rows, (r) => r.originCode);
  }

  visitIdsOfAdoption(adopterCode: string, innovationId: string): string[] {
    return (
      this.stmt.visitIdsOfAdoption.all(adopterCode, innovationId) as Array<{ visitId: string }>
    ).map((r) => r.visitId);
  }

  /** Diffusion figures of one innovation. */
  diffusion(innovationId: string, window?: DateRange | null, at?: TimePoint): DiffusionFigures {
    const rows = this.timeline('innovation_id', innovationId, window, at);
    return { innovationId, ...figures(rows) };
  }

  /** Diffusion figures over every innovation of an origin regency, and per innovation. */
  originDiffusion(originCode: string, window?: DateRange | null, at?: TimePoint): OriginFigures {
    const rows = this.timeline('origin_code', originCode, window, at);
    const innovationIds = (
      this.db
        .prepare(
          `SELECT id FROM innovations WHERE origin_code = ? ${at?.knownAt ? 'AND registered_at <= ?' : ''}
           ORDER BY name`,
        )
        .all(...[originCode, ...(at?.knownAt ? [at.knownAt] : [])]) as Array<{ id: string }>
    ).map((r) => r.id);
    const byInnovation = new Map<string, TimelineRow[]>(innovationIds.map((id) => [id, []]));
    for (const row of rows) byInnovation.get(row.innovation_id)?.push(row);
    const all = figures(rows);
    const adopters = new Set(
      [...adoptionsOfRows(rows).values()].filter((a) => a.rank > 0).map((a) => a.adopter),
    ).size;
    return {
      originCode,
      innovations: innovationIds.length,
      adopters,
      ...all,
      perInnovation: [...byInnovation].map(([innovationId, list]) => ({
        innovationId,
        ...figures(list),
      })),
    };
  }

  private timeline(
    column: 'innovation_id' | 'origin_code',
    value: string,
    window: DateRange | null | undefined,
    at: TimePoint | undefined,
  ): TimelineRow[] {
    const params: Params = { value };
    const where = [`t.${column} = @value`, counts('t', at, params)];
    where.push(...rangeConditions('t.occurred_on', window, 'window', params, false));
    return this.db
      .prepare(
        `SELECT adopter_code, innovation_id, kind, stage_rank, occurred_on
         FROM milestone_timeline t WHERE ${where.join(' AND ')}`,
      )
      .all(params) as TimelineRow[];
  }
}
