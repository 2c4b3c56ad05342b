/**
 * The adoption summary in SQL: the same rule as `summarize()` in
 * `src/domain/adoption/summary.ts`, for the places that must add up many adoptions at once
 * (time travel over the timeline, an adoption added up again after a retraction). Its property
 * test (`summary-sql.test.ts`) checks it against the pure summary on random milestone sets.
 *
 * The columns, for rows of `from` (alias `alias`) grouped by (adopter_code, innovation_id); the
 * rows need the columns adopter_code, innovation_id, kind, stage_rank, occurred_on and position.
 * `counting` is the condition (on alias `s`) a row of `from` must meet to still count, when
 * `from` holds rows that do not.
 */
export function summaryColumns(from: string, alias: string, counting?: string): string {
  return `max(${alias}.stage_rank) AS stage_rank, count(*) AS milestone_count,
    min(${alias}.occurred_on) AS first_occurred_on, max(${alias}.occurred_on) AS last_occurred_on,
    coalesce((SELECT s.kind = 'SUSPENDED' FROM ${from} s
      WHERE s.adopter_code = ${alias}.adopter_code AND s.innovation_id = ${alias}.innovation_id
        AND s.kind IN ('SUSPENDED', 'RESUMED')${counting ? ` AND ${counting}` : ''}
      ORDER BY s.occurred_on DESC, s.position DESC LIMIT 1), 0) AS suspended`;
}
