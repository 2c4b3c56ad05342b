import type { Params } from '../sql.js';
import { rangeConditions } from '../timeline/time-point.js';
import { classCondition, type VerificationClass } from './reach.js';
import type { FigureFilter, FigureScope } from './readers.js';

/** The WHERE conditions of a figure's scope and FigureFilter, over either figures table. */

/** Scope and adoption-level filters, on alias `alias` of either figures table. */
export function adoptionConditions(
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

export const classOf = (filter: FigureFilter | null | undefined): VerificationClass =>
  filter?.verification ?? 'EXCLUDE_REJECTED';

/**
 * The WHERE clause over `figure_milestones` (alias `m`), for a `period` filter: the milestones
 * of the class that occurred in the period, of adoptions whose mode in that class is the one asked.
 */
export function milestoneConditions(
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
export function reachConditions(
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

export const hasPeriod = (filter: FigureFilter | null | undefined) =>
  !!(filter?.period?.from || filter?.period?.to);

export const and = (where: string[]) => (where.length ? where.join(' AND ') : '1');
