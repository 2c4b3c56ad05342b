import { stageRank } from '../../src/domain/adoption/stages.js';

/**
 * The `figure_reach` table's SQL: one row per adoption and verification class, holding what the
 * analysts' figures add up — the furthest stage, the first study visit and first interest, and
 * for every stage the first day it was reached (`r1` … `r7`, by occurredOn) and first known
 * (`k1` … `k7`, the UTC day of recordedAt), over the adoption's milestones that count in that
 * class — plus the adoption's replication mode there (its latest counting milestone naming one).
 */

export const CLASSES = ['ANY', 'EXCLUDE_REJECTED', 'VERIFIED_ONLY'] as const;
export type VerificationClass = (typeof CLASSES)[number];

/** The condition (on alias `alias`) for a milestone row to count in a class. */
export function classCondition(verificationClass: VerificationClass, alias: string): string {
  if (verificationClass === 'EXCLUDE_REJECTED') return `${alias}.verification <> 'REJECTED'`;
  if (verificationClass === 'VERIFIED_ONLY') return `${alias}.verification = 'VERIFIED'`;
  return '1';
}

/** The classes a milestone with this verdict counts in. */
export const classesOf = (verification: string): VerificationClass[] =>
  CLASSES.filter(
    (c) =>
      c === 'ANY' ||
      (c === 'EXCLUDE_REJECTED' && verification !== 'REJECTED') ||
      (c === 'VERIFIED_ONLY' && verification === 'VERIFIED'),
  );

const RANKS = [1, 2, 3, 4, 5, 6, 7] as const;
export const reachedColumn = (rank: number, clock: 'OCCURRED' | 'KNOWN') =>
  `${clock === 'OCCURRED' ? 'r' : 'k'}${rank}`;

export function reachTableSql(table: string): string {
  const dates = RANKS.flatMap((r) => [`r${r} TEXT`, `k${r} TEXT`]).join(', ');
  return `CREATE TABLE ${table} (
    adopter_code TEXT NOT NULL, innovation_id TEXT NOT NULL, class TEXT NOT NULL,
    origin_code TEXT NOT NULL, province_code TEXT NOT NULL, category TEXT NOT NULL,
    mode TEXT, mode_on TEXT, mode_position INTEGER,
    max_rank INTEGER NOT NULL, visit_on TEXT, interest_on TEXT, ${dates},
    PRIMARY KEY (adopter_code, innovation_id, class)
  ) WITHOUT ROWID`;
}

/** The earlier of a column and its new value, NULL meaning "not reached". */
const earlier = (column: string) =>
  `${column} = CASE WHEN excluded.${column} IS NULL THEN ${column}
     WHEN ${column} IS NULL OR excluded.${column} < ${column} THEN excluded.${column} ELSE ${column} END`;

/**
 * A milestone that now counts in a class, added to the adoption's row: named parameters @adopter,
 * @innovation, @class, @origin, @province, @category, @mode, @occurredOn, @position, @rank, @kind,
 * @knownOn. Every column only moves towards "reached earlier", so the upsert is exact for a new
 * milestone; a verdict or retraction adds the adoption up again instead (`recomputeSql`).
 */
export function addMilestoneSql(table: string): string {
  const dates = RANKS.flatMap((r) => [`r${r}`, `k${r}`]);
  const values = RANKS.flatMap((r) => [
    `CASE WHEN @rank >= ${r} THEN @occurredOn END`,
    `CASE WHEN @rank >= ${r} THEN @knownOn END`,
  ]);
  const newer = `excluded.mode IS NOT NULL AND (mode_on IS NULL OR
    (excluded.mode_on, excluded.mode_position) > (mode_on, mode_position))`;
  return `INSERT INTO ${table} (adopter_code, innovation_id, class, origin_code, province_code,
      category, mode, mode_on, mode_position, max_rank, visit_on, interest_on, ${dates.join(', ')})
    VALUES (@adopter, @innovation, @class, @origin, @province, @category, @mode,
      CASE WHEN @mode IS NOT NULL THEN @occurredOn END, CASE WHEN @mode IS NOT NULL THEN @position END,
      @rank, CASE WHEN @kind = 'STUDY_VISIT' THEN @occurredOn END,
      CASE WHEN @kind = 'INTEREST_DECLARED' THEN @occurredOn END, ${values.join(', ')})
    ON CONFLICT (adopter_code, innovation_id, class) DO UPDATE SET
      mode = CASE WHEN ${newer} THEN excluded.mode ELSE mode END,
      mode_position = CASE WHEN ${newer} THEN excluded.mode_position ELSE mode_position END,
      mode_on = CASE WHEN ${newer} THEN excluded.mode_on ELSE mode_on END,
      max_rank = max(max_rank, excluded.max_rank),
      ${['visit_on', 'interest_on', ...dates].map(earlier).join(',\n      ')}`;
}

/** The adoption's row of one class, added up from its milestone rows (@adopter, @innovation). */
export function recomputeSql(reach: string, milestones: string, c: VerificationClass): string {
  const counts = classCondition(c, 'm');
  const dates = RANKS.flatMap((r) => [
    `min(CASE WHEN m.stage_rank >= ${r} THEN m.occurred_on END)`,
    `min(CASE WHEN m.stage_rank >= ${r} THEN substr(m.recorded_at, 1, 10) END)`,
  ]);
  const latestMode = (column: string) =>
    `(SELECT s.${column} FROM ${milestones} s WHERE s.adopter_code = @adopter
       AND s.innovation_id = @innovation AND s.mode IS NOT NULL AND ${classCondition(c, 's')}
       ORDER BY s.occurred_on DESC, s.position DESC LIMIT 1)`;
  return `INSERT INTO ${reach} (adopter_code, innovation_id, class, origin_code, province_code,
      category, mode, mode_on, mode_position, max_rank, visit_on, interest_on,
      ${RANKS.flatMap((r) => [`r${r}`, `k${r}`]).join(', ')})
    SELECT @adopter, @innovation, '${c}', min(m.origin_code), min(m.province_code), min(m.category),
      ${latestMode('mode')}, ${latestMode('occurred_on')}, ${latestMode('position')},
      max(m.stage_rank), min(CASE WHEN m.kind = 'STUDY_VISIT' THEN m.occurred_on END),
      min(CASE WHEN m.kind = 'INTEREST_DECLARED' THEN m.occurred_on END), ${dates.join(', ')}
    FROM ${milestones} m WHERE m.adopter_code = @adopter AND m.innovation_id = @innovation
      AND ${counts}
    HAVING count(*) > 0`;
}

/** The stage's rank, for readers that name stages. */
export { stageRank };
