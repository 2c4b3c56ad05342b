import type Database from 'better-sqlite3';
import { AdoptionStage, stageOfRank, stageRank } from '../../src/domain/adoption/stages.js';
import type { Params } from '../sql.js';
import type { DateRange } from '../timeline/time-point.js';
import { and, hasPeriod, milestoneConditions, reachConditions } from './conditions.js';
import type { CurveInterval, CurvePeriod, StageTiming } from './curve.js';
import { periodCurve, periodRanking, periodTimeToStage } from './period-figures.js';
import { PeriodIndex } from './period-index.js';
import { loadPeriodIndex } from './period-load.js';
import { reachedColumn } from './reach.js';
import {
  countOf,
  curveOfReached,
  RANKED_COLUMN,
  rankedOf,
  timingsOfStarts,
} from './sql-figures.js';

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
  /** Adoptions reaching the stage; for provinces, their adopting regencies. */
  count: number;
  /** Adoptions reaching the stage. */
  adoptions: number;
}

export type RankedBy = 'innovation' | 'adopter' | 'origin' | 'province';

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

/**
 * Reads of the figures' tables: rankings, adoption curves, time to stage and the diffusion
 * network. Without a `period` they add up `figure_reach` (one row per adoption and verification
 * class); with one, the period's milestones in a PeriodIndex (the network: its milestone rows).
 */
export class FigureReaders {
  private periods: PeriodIndex | undefined;

  constructor(
    private readonly db: Database.Database,
    /** Told before the period index is read (the analytics worker tells its pool). */
    private readonly onIndexRead?: () => void,
  ) {}

  /** The figures' milestones by day, as of the figures' checkpoint now (read again once it moved). */
  private periodIndex(): PeriodIndex {
    const live = PeriodIndex.liveFigures(this.db);
    if (!this.periods?.isAt(live)) {
      this.onIndexRead?.();
      this.periods = loadPeriodIndex(this.db, this.periods);
    }
    return this.periods;
  }

  /** The top `first` by adoptions that reached `minStage`; equal counts share a rank. */
  ranking(
    by: RankedBy,
    minStage: AdoptionStage,
    filter: FigureFilter | null | undefined,
    first: number,
  ): Ranked[] {
    if (hasPeriod(filter))
      return periodRanking(this.periodIndex(), by, stageRank(minStage), filter, first);
    const params: Params = { rank: stageRank(minStage), first };
    const key = RANKED_COLUMN[by];
    const counted = `SELECT r.${key} AS key, ${countOf(by)} AS count, count(*) AS adoptions
      FROM figure_reach r WHERE ${and(['r.max_rank >= @rank', ...reachConditions(filter, {}, params)])}
      GROUP BY r.${key}`;
    return rankedOf(this.db, counted, params);
  }

  /** When each adoption in scope first reached `stage`, by either clock, and the periods. */
  curve(
    scope: FigureScope,
    stage: AdoptionStage,
    interval: CurveInterval,
    clock: 'OCCURRED' | 'KNOWN',
    filter: FigureFilter | null | undefined,
  ): CurveAnswer {
    if (hasPeriod(filter))
      return periodCurve(this.periodIndex(), scope, stageRank(stage), interval, clock, filter);
    const params: Params = { rank: stageRank(stage) };
    const column = reachedColumn(stageRank(stage), clock);
    const reached = `SELECT r.adopter_code AS adopter, r.${column} AS d FROM figure_reach r
      WHERE ${and(['r.max_rank >= @rank', ...reachConditions(filter, scope, params)])}`;
    return curveOfReached(this.db, reached, params, interval);
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
    if (hasPeriod(filter))
      return periodTimeToStage(this.periodIndex(), scope, from, filter, stages, ranks);
    const start = from === 'STUDY_VISIT' ? 'r.visit_on' : 'r.interest_on';
    const sql = `SELECT ${start} AS start, ${ranks.map((k) => `r.r${k}`).join(', ')} FROM figure_reach r
      WHERE ${and([`${start} IS NOT NULL`, ...reachConditions(filter, scope, params)])}`;
    return timingsOfStarts(this.db, sql, params, stages, ranks);
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
