import type Database from 'better-sqlite3';
import { type AdoptionStage, stageRank } from '../../src/domain/adoption/stages.js';
import type { Params, Raw } from '../sql.js';
import {
  type AtTime,
  adoptionSource,
  counts,
  type DateRange,
  isSet,
  rangeConditions,
  type TimePoint,
} from '../timeline/time-point.js';
import type { AdoptionSort } from './cursor.js';
import { ADOPTION_COLUMNS, type AdoptionRow, toAdoption } from './readers.js';

export interface AnalystAdoptionFilter {
  originCode?: string | null;
  adopterCode?: string | null;
  innovationId?: string | null;
  provinceCode?: string | null;
  minStage?: AdoptionStage | null;
  stage?: AdoptionStage | null;
  reportedBetween?: DateRange | null;
  occurredBetween?: DateRange | null;
  /** Has a milestone that counts whose current verdict is this one. */
  verification?: 'UNVERIFIED' | 'VERIFIED' | 'REJECTED' | null;
  /** Suspended (vakum) or not, at the time point asked. */
  suspended?: boolean | null;
  /** The replication mode of the adoption's latest milestone that counts and names one. */
  mode?: 'ADOPTION' | 'ADAPTATION' | 'MODIFICATION' | null;
  /** The innovation's category. */
  category?: 'GOVERNANCE' | 'PUBLIC_SERVICE' | 'OTHER' | null;
}

export const SORT_COLUMN: Record<AdoptionSort['field'], string> = {
  ADOPTER: 'adopter_code',
  INNOVATION: 'innovation_id',
  STAGE: 'stage_rank',
  FIRST_OCCURRED: 'first_occurred_on',
  LAST_OCCURRED: 'last_occurred_on',
  UPDATED: 'updated_at',
};

const atTime = (r: Raw, at: TimePoint | undefined): AtTime<AdoptionRow> => ({
  ...toAdoption(r),
  ...(isSet(at) ? { at } : {}),
});

/**
 * The analysts' adoption lists: filtered, sorted and paged on either clock, and the adoptions of
 * many innovations (or adopters) at once for the loaders. At a time point the adoptions are added
 * up from the milestone timeline (see timeline/time-point.ts).
 */
export class AdoptionLists {
  constructor(private readonly db: Database.Database) {}

  /** A page of adoptions: filtered, sorted, after a keyset cursor, with the total count. */
  page(
    filter: AnalystAdoptionFilter,
    sort: AdoptionSort,
    first: number,
    after: [unknown, string, string] | undefined,
    at?: TimePoint,
  ): { rows: AtTime<AdoptionRow>[]; keys: unknown[]; totalCount: number; hasNextPage: boolean } {
    const q = pageQuery(filter, sort, first, after, at);
    const totalCount = (this.db.prepare(q.count).get(q.params) as { n: number }).n;
    const rows = this.db.prepare(q.rows).all(q.params) as Raw[];
    const taken = rows.slice(0, first);
    return {
      rows: taken.map(({ sortKey: _k, ...r }) => atTime(r, at)),
      keys: taken.map((r) => r.sortKey),
      totalCount,
      hasNextPage: rows.length > first,
    };
  }

  /** Adoptions of many innovations (or many adopters) at once, for the loaders. */
  of(
    by: 'innovation_id' | 'adopter_code',
    keys: readonly string[],
    minRank: number,
    at?: TimePoint,
  ): Map<string, AtTime<AdoptionRow>[]> {
    const params: Params = { keys: JSON.stringify(keys), minRank };
    // At a time point, the timeline is narrowed by the keys before adding up.
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
      const row = atTime(r, at);
      out.get(by === 'innovation_id' ? row.innovationId : row.adopterCode)?.push(row);
    }
    return out;
  }
}

/**
 * The SQL of a page: its total count, and its rows (one more than `first`, to tell whether a next
 * page follows) in the sort's order, after the keyset cursor. Each sort key has an index whose
 * order is the key then the primary key (projection.ts), so a page is read in order and stops at
 * its limit instead of sorting every adoption (50 ms of the request thread at 4M events).
 */
export function pageQuery(
  filter: AnalystAdoptionFilter,
  sort: AdoptionSort,
  first: number,
  after: [unknown, string, string] | undefined,
  at?: TimePoint,
): { count: string; rows: string; params: Params } {
  const params: Params = {};
  const source = adoptionSource(at, scopeColumns(filter), params);
  const condition = conditions(filter, at, params);
  const key = `a.${SORT_COLUMN[sort.field]}`;
  const dir = sort.direction === 'DESC' ? 'DESC' : 'ASC';
  const page = [condition];
  if (after) {
    page.push(
      `(${key}, a.adopter_code, a.innovation_id) ${dir === 'DESC' ? '<' : '>'} (@afterKey, @afterA, @afterI)`,
    );
    Object.assign(params, { afterKey: after[0], afterA: after[1], afterI: after[2] });
  }
  params.limit = first + 1;
  return {
    count: `${source.with} SELECT count(*) AS n FROM ${source.from} a WHERE ${condition}`,
    rows: `${source.with} SELECT ${ADOPTION_COLUMNS}, ${key} AS sortKey FROM ${source.from} a
      WHERE ${page.join(' AND ')}
      ORDER BY ${key} ${dir}, a.adopter_code ${dir}, a.innovation_id ${dir} LIMIT @limit`,
    params,
  };
}

/** The filter's scope, pushed into the milestone timeline before adoptions are added up. */
export function scopeColumns(filter: AnalystAdoptionFilter) {
  return [
    { column: 'adopter_code', value: filter.adopterCode },
    { column: 'innovation_id', value: filter.innovationId },
    { column: 'origin_code', value: filter.originCode },
    { column: 'province_code', value: filter.provinceCode },
  ];
}

/** The filter as SQL conditions on the adoption source (alias `a`). */
export function conditions(
  filter: AnalystAdoptionFilter,
  at: TimePoint | undefined,
  params: Params,
) {
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
  if (filter.suspended != null) {
    where.push('a.suspended = @suspended');
    params.suspended = filter.suspended ? 1 : 0;
  }
  if (filter.category) {
    where.push(`EXISTS (SELECT 1 FROM innovations c
      WHERE c.id = a.innovation_id AND c.category = @category)`);
    params.category = filter.category;
  }
  if (filter.mode) {
    // Served by the milestones' (adopter, innovation, occurred_on, position) index.
    where.push(`(SELECT w.mode FROM milestones w
      WHERE w.adopter_code = a.adopter_code AND w.innovation_id = a.innovation_id
        AND w.retracted = 0 AND w.mode IS NOT NULL
      ORDER BY w.occurred_on DESC, w.position DESC LIMIT 1) = @mode`);
    params.mode = filter.mode;
  }
  return where.join(' AND ');
}
