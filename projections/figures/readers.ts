import type Database from 'better-sqlite3';
import { AdoptionStage, stageOfRank, stageRank } from '../../src/domain/adoption/stages.js';
import type { Params } from '../sql.js';
import { type DateRange, rangeConditions } from '../timeline/time-point.js';
import {
  type CurveInterval,
  type CurvePeriod,
  curvePeriods,
  type StageTiming,
  timing,
} from './curve.js';
import { classCondition, reachedColumn, type VerificationClass } from './reach.js';

export type VerificationFilter = 'ANY' | 'EXCLUDE_REJECTED' | 'VERIFIED_ONLY';

/** Which milestones and adoptions a figure counts (see `FigureFilter` in schema.graphql). */
export interface FigureFilter {
  verification?: VerificationFilter | null;
  provinceCode?: string | null;
  period?: DateRange | null;
  mode?: string | null;
  category?: string | null;
}

/** Whose adoptions a figure covers; the whole country when nothing is set. */
export interface FigureScope {
  innovationId?: string | null;
  originCode?: string | null;
  provinceCode?: string | null;
}

export interface Ranked {
  rank: number;
  key: string;
  count: number;
}

export type RankedBy = 'innovation' | 'adopter' | 'origin';

export interface CurveAnswer {
  adoptions: number;
  adopters: number;
  periods: CurvePeriod[];
}

export type TimeToStageStart = 'STUDY_VISIT' | 'FIRST_INTEREST';

export interface TimeToStageAnswer {
  adoptions: number;
  stages: Array<StageTiming & { stage: AdoptionStage }>;
}

/** One edge of the diffusion network (see `NetworkEdge` in schema.graphql). */
export interface NetworkEdgeRow {
  kind: 'STUDY_VISIT' | 'ADOPTION';
  from: string;
  to: string;
  date: string;
  innovationIds: string[];
  stage: AdoptionStage | null;
  visitId: string | null;
}

export interface NetworkNodeRow {
  code: string;
}

/** Scope and adoption-level filters, on alias `alias` of either figures table. */
function adoptionConditions(
  filter: FigureFilter | null | undefined,
  scope: FigureScope,
  alias: string,
  params: Params,
) {
  const where: string[] = [];
  const equal = (column: string, name: string, value: string | null | undefined) => {
    if (value == null) return;
    where.push(`${alias}.${column} = @${name}`);
    params[name] = value;
  };
  equal('innovation_id', 'innovation', scope.innovationId);
  equal('origin_code', 'origin', scope.originCode);
  equal('province_code', 'scopeProvince', scope.provinceCode);
  equal('province_code', 'province', filter?.provinceCode);
  equal('category', 'category', filter?.category);
  return where;
}

const classOf = (filter: FigureFilter | null | undefined): VerificationClass =>
  filter?.verification ?? 'EXCLUDE_REJECTED';

/**
 * The WHERE clause over `figure_milestones` (alias `m`), for a `period` filter: the milestones
 * of the class that occurred in the period, of adoptions whose mode in that class is the one asked.
 */
function milestoneConditions(
  filter: FigureFilter | null | undefined,
  scope: FigureScope,
  params: Params,
) {
  const c = classOf(filter);
  const where = [classCondition(c, 'm'), ...adoptionConditions(filter, scope, 'm', params)];
  if (filter?.mode != null) {
    where.push(`EXISTS (SELECT 1 FROM figure_reach r WHERE r.adopter_code = m.adopter_code
      AND r.innovation_id = m.innovation_id AND r.class = @class AND r.mode = @mode)`);
    params.class = c;
    params.mode = filter.mode;
  }
  where.push(...rangeConditions('m.occurred_on', filter?.period, 'period', params, false));
  return where;
}

/** The WHERE clause over `figure_reach` (alias `r`) without a period: one row per adoption. */
function reachConditions(
  filter: FigureFilter | null | undefined,
  scope: FigureScope,
  params: Params,
) {
  params.class = classOf(filter);
  const where = ['r.class = @class', ...adoptionConditions(filter, scope, 'r', params)];
  if (filter?.mode != null) {
    where.push('r.mode = @mode');
    params.mode = filter.mode;
  }
  return where;
}

const hasPeriod = (filter: FigureFilter | null | undefined) =>
  !!(filter?.period?.from || filter?.period?.to);

const and = (where: string[]) => (where.length ? where.join(' AND ') : '1');

/**
 * Reads of the figures' tables: rankings, adoption curves, time to stage and the diffusion
 * network. Without a `period` they add up `figure_reach` (one row per adoption and verification
 * class); with one, the milestone rows of the period.
 */
export class FigureReaders {
  constructor(private readonly db: Database.Database) {}

  /** The top `first` by adoptions that reached `minStage`; equal counts share a rank. */
  ranking(
    by: RankedBy,
    minStage: AdoptionStage,
    filter: FigureFilter | null | undefined,
    first: number,
  ): Ranked[] {
    const params: Params = { rank: stageRank(minStage), first };
    const key = { innovation: 'innovation_id', adopter: 'adopter_code', origin: 'origin_code' }[by];
    const counted = hasPeriod(filter)
      ? `SELECT key, count(*) AS count FROM (
           SELECT DISTINCT m.${key} AS key, m.adopter_code, m.innovation_id FROM figure_milestones m
           WHERE ${and(['m.stage_rank >= @rank', ...milestoneConditions(filter, {}, params)])})
         GROUP BY key`
      : `SELECT r.${key} AS key, count(*) AS count FROM figure_reach r
         WHERE ${and(['r.max_rank >= @rank', ...reachConditions(filter, {}, params)])}
         GROUP BY r.${key}`;
    return this.db
      .prepare(
        `WITH counted AS (${counted})
         SELECT rank() OVER (ORDER BY count DESC) AS rank, key, count
         FROM counted ORDER BY count DESC, key LIMIT @first`,
      )
      .all(params) as Ranked[];
  }

  /** When each adoption in scope first reached `stage`, by either clock, and the periods. */
  curve(
    scope: FigureScope,
    stage: AdoptionStage,
    interval: CurveInterval,
    clock: 'OCCURRED' | 'KNOWN',
    filter: FigureFilter | null | undefined,
  ): CurveAnswer {
    const params: Params = { rank: stageRank(stage) };
    const column = reachedColumn(stageRank(stage), clock);
    const date = clock === 'OCCURRED' ? 'm.occurred_on' : 'substr(m.recorded_at, 1, 10)';
    const sql = hasPeriod(filter)
      ? `SELECT m.adopter_code AS adopterCode, min(${date}) AS reachedOn
         FROM figure_milestones m
         WHERE ${and(['m.stage_rank >= @rank', ...milestoneConditions(filter, scope, params)])}
         GROUP BY m.adopter_code, m.innovation_id`
      : `SELECT r.adopter_code AS adopterCode, r.${column} AS reachedOn FROM figure_reach r
         WHERE ${and(['r.max_rank >= @rank', ...reachConditions(filter, scope, params)])}`;
    const rows = this.db.prepare(sql).all(params) as Array<{
      adopterCode: string;
      reachedOn: string;
    }>;
    return {
      adoptions: rows.length,
      adopters: new Set(rows.map((r) => r.adopterCode)).size,
      periods: curvePeriods(rows, interval),
    };
  }

  /** Days from the adoption's first study visit (or first interest) to each later stage. */
  timeToStage(
    scope: FigureScope,
    from: TimeToStageStart,
    filter: FigureFilter | null | undefined,
  ): TimeToStageAnswer {
    const params: Params = {};
    const stages = AdoptionStage.options.filter(
      (s) => stageRank(s) > stageRank(from === 'STUDY_VISIT' ? 'STUDIED' : 'INTERESTED'),
    );
    const ranks = stages.map(stageRank);
    let sql: string;
    if (hasPeriod(filter)) {
      const startKind = from === 'STUDY_VISIT' ? 'STUDY_VISIT' : 'INTEREST_DECLARED';
      const reached = ranks
        .map((k) => `min(CASE WHEN m.stage_rank >= ${k} THEN m.occurred_on END) AS r${k}`)
        .join(', ');
      sql = `SELECT min(CASE WHEN m.kind = '${startKind}' THEN m.occurred_on END) AS start, ${reached}
        FROM figure_milestones m WHERE ${and(milestoneConditions(filter, scope, params))}
        GROUP BY m.adopter_code, m.innovation_id HAVING start IS NOT NULL`;
    } else {
      const start = from === 'STUDY_VISIT' ? 'r.visit_on' : 'r.interest_on';
      sql = `SELECT ${start} AS start, ${ranks.map((k) => `r.r${k}`).join(', ')} FROM figure_reach r
        WHERE ${and([`${start} IS NOT NULL`, ...reachConditions(filter, scope, params)])}`;
    }
    const rows = this.db.prepare(sql).all(params) as Array<
      Record<string, string | null> & { start: string }
    >;
    return {
      adoptions: rows.length,
      stages: stages.map((stage) => ({
        stage,
        ...timing(
          rows.map((r) => ({ start: r.start, reached: r[`r${stageRank(stage)}`] ?? null })),
        ),
      })),
    };
  }

  /** Study visits host → visitor and adoptions origin → adopter, as the filter counts them. */
  network(scope: FigureScope, filter: FigureFilter | null | undefined) {
    const params: Params = {};
    const where = milestoneConditions(filter, scope, params);
    const visitRows = this.db
      .prepare(
        `SELECT m.visit_id AS visitId, m.origin_code AS hostCode, m.adopter_code AS visitorCode,
           m.occurred_on AS startDate, m.innovation_id AS innovationId
         FROM figure_milestones m WHERE ${and(["m.kind = 'STUDY_VISIT'", ...where])}
         ORDER BY m.occurred_on, m.visit_id, m.innovation_id`,
      )
      .all(params) as Array<
      Record<'visitId' | 'hostCode' | 'visitorCode' | 'startDate' | 'innovationId', string>
    >;
    const visits = new Map<string, NetworkEdgeRow>();
    for (const v of visitRows) {
      const seen = visits.get(v.visitId);
      if (seen) seen.innovationIds.push(v.innovationId);
      else
        visits.set(v.visitId, {
          kind: 'STUDY_VISIT',
          from: v.hostCode,
          to: v.visitorCode,
          date: v.startDate,
          innovationIds: [v.innovationId],
          stage: null,
          visitId: v.visitId,
        });
    }
    const adoptions = (
      this.db
        .prepare(
          `SELECT m.origin_code AS originCode, m.adopter_code AS adopterCode,
             m.innovation_id AS innovationId, max(m.stage_rank) AS rank,
             min(m.occurred_on) AS firstOccurredOn
           FROM figure_milestones m WHERE ${and(where)}
           GROUP BY m.adopter_code, m.innovation_id HAVING rank > 0
           ORDER BY firstOccurredOn, adopterCode, innovationId`,
        )
        .all(params) as Array<{
        originCode: string;
        adopterCode: string;
        innovationId: string;
        rank: number;
        firstOccurredOn: string;
      }>
    ).map(
      (a): NetworkEdgeRow => ({
        kind: 'ADOPTION',
        from: a.originCode,
        to: a.adopterCode,
        date: a.firstOccurredOn,
        innovationIds: [a.innovationId],
        stage: stageOfRank(a.rank),
        visitId: null,
      }),
    );
    const edges = [...visits.values(), ...adoptions];
    const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))]
      .sort()
      .map((code) => ({ code }));
    return { nodes, edges };
  }
}
