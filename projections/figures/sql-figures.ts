import type Database from 'better-sqlite3';
import type { AdoptionStage } from '../../src/domain/adoption/stages.js';
import type { Params } from '../sql.js';
import { type CurveInterval, curvePeriods, periodLabelSql, timingOfDays } from './curve.js';
import type { CurveAnswer, Ranked, RankedBy, TimeToStageAnswer } from './readers.js';

/**
 * The figures' SQL frames that the readers and the period oracle of the tests share: a ranking
 * of counted keys, a curve of reached days, times to stage from start and reached days.
 */

/**
 * A curve from SQL that answers each adoption's `adopter` and the day `d` it reached the stage:
 * counted per period in SQL, so only one row per period (and per adopter) reaches JavaScript.
 */
export function curveOfReached(
  db: Database.Database,
  reached: string,
  params: Params,
  interval: CurveInterval,
): CurveAnswer {
  const perPeriod = db
    .prepare(
      `WITH reached AS MATERIALIZED (${reached})
       SELECT 'adoption' AS what, ${periodLabelSql('d', interval)} AS label, count(*) AS n,
         min(d) AS first, max(d) AS last FROM reached GROUP BY label
       UNION ALL
       SELECT 'adopter', ${periodLabelSql('d', interval)}, count(*), min(d), max(d)
       FROM (SELECT adopter, min(d) AS d FROM reached GROUP BY adopter) GROUP BY 2`,
    )
    .all(params) as Array<{ what: string; label: string; n: number; first: string; last: string }>;
  const adoptions = perPeriod.filter((p) => p.what === 'adoption');
  const tally = (rows: typeof perPeriod) => new Map(rows.map((p) => [p.label, p.n]));
  const counts = {
    adoptions: tally(adoptions),
    adopters: tally(perPeriod.filter((p) => p.what === 'adopter')),
    first: adoptions.reduce<string | null>(
      (a, p) => (a === null || p.first < a ? p.first : a),
      null,
    ),
    last: adoptions.reduce<string | null>((a, p) => (a === null || p.last > a ? p.last : a), null),
  };
  return {
    adoptions: adoptions.reduce((sum, p) => sum + p.n, 0),
    adopters: [...counts.adopters.values()].reduce((sum, n) => sum + n, 0),
    periods: curvePeriods(counts, interval),
  };
}

/**
 * Times to stage from SQL that answers each adoption's `start` and, per rank `k` of `ranks`, the
 * day `r<k>` it reached it: the days between counted in SQL (julianday), one array of them per
 * stage, so no object per adoption reaches JavaScript.
 */
export function timingsOfStarts(
  db: Database.Database,
  sql: string,
  params: Params,
  stages: readonly AdoptionStage[],
  ranks: readonly number[],
): TimeToStageAnswer {
  const days = ranks
    .map((k) => `CAST(round(julianday(s.r${k}) - julianday(s.start)) AS INTEGER)`)
    .join(', ');
  const rows = db.prepare(`SELECT ${days} FROM (${sql}) s`).raw().all(params) as Array<
    Array<number | null>
  >;
  return {
    adoptions: rows.length,
    stages: stages.map((stage, i) => {
      const reached: number[] = [];
      for (const row of rows) {
        const d = row[i];
        if (d != null && d >= 0) reached.push(d);
      }
      return { stage, ...timingOfDays(reached) };
    }),
  };
}

/** The column a ranking groups by. */
export const RANKED_COLUMN: Record<RankedBy, string> = {
  innovation: 'innovation_id',
  adopter: 'adopter_code',
  origin: 'origin_code',
  province: 'province_code',
};

/** What a ranking counts: adoptions, or for a province its distinct adopting regencies. */
export const countOf = (by: RankedBy) =>
  by === 'province' ? 'count(DISTINCT adopter_code)' : 'count(*)';

/** The top `@first` of SQL answering `key, count, adoptions`; equal counts share a rank. */
export function rankedOf(db: Database.Database, counted: string, params: Params): Ranked[] {
  return db
    .prepare(
      `WITH counted AS (${counted})
       SELECT rank() OVER (ORDER BY count DESC) AS rank, key, count, adoptions
       FROM counted ORDER BY count DESC, key LIMIT @first`,
    )
    .all(params) as Ranked[];
}
