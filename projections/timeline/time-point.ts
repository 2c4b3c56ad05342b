import { summaryColumns } from '../adoptions/summary-sql.js';
import type { Params } from '../sql.js';

/**
 * Time travel over the milestone timeline. A point in time on one or both clocks: `asOf` (a
 * date) counts milestones that had occurred by then and are not retracted now; `knownAt` (an
 * instant) counts what the ministry knew of by then (reported, or known from an import's
 * known-on date) and not yet retracted at then. Both together:
 * what was known at `knownAt` about `asOf`.
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

export const isSet = (at: TimePoint | undefined): at is TimePoint => !!(at?.asOf || at?.knownAt);

/**
 * When the ministry knew of a milestone: the start (UTC) of the day an import says it originally
 * learned of it, otherwise the instant it was recorded in replika.
 */
export const knownAtOf = (knownOn: string | null | undefined, recordedAt: string): string =>
  knownOn ? `${knownOn}T00:00:00.000Z` : recordedAt;

/** The day after a YYYY-MM-DD date, as the instant that starts it (UTC). */
const dayAfter = (date: string) => {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
};

/** Conditions on the milestone timeline (alias `alias`) for "counts at this time point". */
export function counts(alias: string, at: TimePoint | undefined, params: Params): string {
  const where: string[] = [];
  if (at?.asOf) {
    where.push(`${alias}.occurred_on <= @asOf`);
    params.asOf = at.asOf;
  }
  if (at?.knownAt) {
    where.push(
      `${alias}.known_at <= @knownAt`,
      `(${alias}.retracted_at IS NULL OR ${alias}.retracted_at > @knownAt)`,
    );
    params.knownAt = at.knownAt;
  } else where.push(`${alias}.retracted_at IS NULL`);
  return where.join(' AND ');
}

/** Conditions for `column` within a date range; `instants` when the column holds instants. */
export function rangeConditions(
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
 * state (the fast path), or the adoptions added up on the fly from the milestone timeline at a
 * time point (with the SQL adoption summary). `push` narrows the timeline before adding up
 * (served by its indexes).
 */
export function adoptionSource(
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
