import type { Params } from '../sql.js';
import {
  adoptionSource,
  counts,
  type DateRange,
  isSet,
  rangeConditions,
  type TimePoint,
} from '../timeline/time-point.js';
import type { AdoptionSort } from './cursor.js';
import { type AnalystAdoptionFilter, conditions, SORT_COLUMN, scopeColumns } from './list.js';

/**
 * Which milestones count, as a `FigureFilter` says (verification class, period): the adoptions
 * are then added up from those milestones only, as the figures count them.
 */
export interface Counting {
  verification?: 'ANY' | 'EXCLUDE_REJECTED' | 'VERIFIED_ONLY' | null;
  period?: DateRange | null;
}

/** A statement to iterate: its SQL and named parameters. */
export interface ExportQuery {
  sql: string;
  params: Params;
}

/**
 * Every adoption the `adoptions` query answers for this filter, sort and time point, in the same
 * order, without paging (the same source and conditions as `AdoptionLists.page`), with the
 * innovation's name.
 */
export function adoptionExport(
  filter: AnalystAdoptionFilter,
  sort: AdoptionSort,
  at?: TimePoint,
  counting?: Counting,
): ExportQuery {
  const params: Params = {};
  const source = selected(filter, at, params, counting);
  const key = `a.${SORT_COLUMN[sort.field]}`;
  const dir = sort.direction === 'DESC' ? 'DESC' : 'ASC';
  return {
    sql: `${source.with} SELECT a.adopter_code, a.innovation_id, a.origin_code, a.stage_rank,
        a.suspended, a.milestone_count, a.first_occurred_on, a.last_occurred_on, a.updated_at,
        i.name AS innovation_name
      FROM ${source.from} a LEFT JOIN innovations i ON i.id = a.innovation_id
      WHERE ${source.where}
      ORDER BY ${key} ${dir}, a.adopter_code ${dir}, a.innovation_id ${dir}`,
    params,
  };
}

/**
 * The milestones of those adoptions, by adopter, innovation and date; at a time point only the
 * milestones that count then, otherwise every one (retracted ones flagged).
 */
export function milestoneExport(
  filter: AnalystAdoptionFilter,
  at?: TimePoint,
  counting?: Counting,
): ExportQuery {
  const params: Params = {};
  const source = selected(filter, at, params, counting);
  const narrowed = isCounting(counting);
  const atTime =
    isSet(at) || narrowed
      ? `AND EXISTS (SELECT 1 FROM milestone_timeline c WHERE c.id = m.id AND ${counts('c', at, params)}
          ${narrowed ? `AND ${countingConditions('c', counting, params).join(' AND ')}` : ''})`
      : '';
  return {
    sql: `${source.with} SELECT m.id, m.adopter_code, m.innovation_id, m.origin_code, m.kind,
        m.occurred_on, m.recorded_at, m.mode, m.verification, m.retracted, m.retracted_at,
        m.visit_id, m.reported_by, m.details, m.note, m.evidence, i.name AS innovation_name
      FROM ${source.from} a
      JOIN milestones m ON m.adopter_code = a.adopter_code AND m.innovation_id = a.innovation_id
      LEFT JOIN innovations i ON i.id = m.innovation_id
      WHERE ${source.where} ${atTime}
      ORDER BY m.adopter_code, m.innovation_id, m.occurred_on, m.position`,
    params,
  };
}

const isCounting = (c: Counting | undefined): c is Counting =>
  !!(c?.verification || c?.period?.from || c?.period?.to);

/** The conditions on the timeline (alias `alias`) for a milestone to count as `counting` says. */
function countingConditions(alias: string, counting: Counting, params: Params): string[] {
  const where = rangeConditions(`${alias}.occurred_on`, counting.period, 'counted', params, false);
  const verdict = { EXCLUDE_REJECTED: "<> 'REJECTED'", VERIFIED_ONLY: "= 'VERIFIED'", ANY: '' }[
    counting.verification ?? 'ANY'
  ];
  if (verdict)
    where.push(`EXISTS (SELECT 1 FROM milestones j WHERE j.id = ${alias}.id
      AND j.verification ${verdict})`);
  return where;
}

/** Added up from the timeline when only some milestones count (the end of time: every one). */
const FOREVER: TimePoint = { asOf: '9999-12-31' };

function selected(
  filter: AnalystAdoptionFilter,
  at: TimePoint | undefined,
  params: Params,
  counting?: Counting,
) {
  const narrowed = isCounting(counting);
  if (narrowed && !isSet(at)) at = FOREVER;
  const source = adoptionSource(
    at,
    scopeColumns(filter),
    params,
    narrowed ? countingConditions('t', counting, params) : [],
  );
  return { ...source, where: conditions(filter, at, params) };
}
