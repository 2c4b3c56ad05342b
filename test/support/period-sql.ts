import type Database from 'better-sqlite3';
import { and, milestoneConditions } from '../../projections/figures/conditions.js';
import type { CurveInterval } from '../../projections/figures/curve.js';
import type {
  CurveAnswer,
  FigureFilter,
  FigureScope,
  Ranked,
  RankedBy,
  TimeToStageAnswer,
  TimeToStageStart,
} from '../../projections/figures/readers.js';
import {
  countOf,
  curveOfReached,
  RANKED_COLUMN,
  rankedOf,
  timingsOfStarts,
} from '../../projections/figures/sql-figures.js';
import type { Params } from '../../projections/sql.js';
import { AdoptionStage, stageRank } from '../../src/domain/adoption/stages.js';

/**
 * The figures over a `period` as SQL adds them up from the `figure_milestones` rows (what the
 * readers did before the period index): the oracle a PeriodIndex's answers are held to.
 */
export function periodFiguresBySql(db: Database.Database) {
  return {
    ranking(by: RankedBy, minStage: AdoptionStage, filter: FigureFilter, first: number): Ranked[] {
      const params: Params = { rank: stageRank(minStage), first };
      const key = RANKED_COLUMN[by];
      const counted = `SELECT key, ${countOf(by)} AS count, count(*) AS adoptions FROM (
          SELECT DISTINCT m.${key} AS key, m.adopter_code, m.innovation_id FROM figure_milestones m
          WHERE ${and(['m.stage_rank >= @rank', ...milestoneConditions(filter, {}, params)])})
        GROUP BY key`;
      return rankedOf(db, counted, params);
    },

    curve(
      scope: FigureScope,
      stage: AdoptionStage,
      interval: CurveInterval,
      clock: 'OCCURRED' | 'KNOWN',
      filter: FigureFilter,
    ): CurveAnswer {
      const params: Params = { rank: stageRank(stage) };
      const date = clock === 'OCCURRED' ? 'm.occurred_on' : 'substr(m.recorded_at, 1, 10)';
      const reached = `SELECT m.adopter_code AS adopter, min(${date}) AS d FROM figure_milestones m
        WHERE ${and(['m.stage_rank >= @rank', ...milestoneConditions(filter, scope, params)])}
        GROUP BY m.adopter_code, m.innovation_id`;
      return curveOfReached(db, reached, params, interval);
    },

    timeToStage(
      scope: FigureScope,
      from: TimeToStageStart,
      filter: FigureFilter,
    ): TimeToStageAnswer {
      const params: Params = {};
      const stages = AdoptionStage.options.filter(
        (s) => stageRank(s) > stageRank(from === 'STUDY_VISIT' ? 'STUDIED' : 'INTERESTED'),
      );
      const ranks = stages.map(stageRank);
      const startKind = from === 'STUDY_VISIT' ? 'STUDY_VISIT' : 'INTEREST_DECLARED';
      const reached = ranks
        .map((k) => `min(CASE WHEN m.stage_rank >= ${k} THEN m.occurred_on END) AS r${k}`)
        .join(', ');
      const sql = `SELECT min(CASE WHEN m.kind = '${startKind}' THEN m.occurred_on END) AS start, ${reached}
        FROM figure_milestones m WHERE ${and(milestoneConditions(filter, scope, params))}
        GROUP BY m.adopter_code, m.innovation_id HAVING start IS NOT NULL`;
      return timingsOfStarts(db, sql, params, stages, ranks);
    },
  };
}
