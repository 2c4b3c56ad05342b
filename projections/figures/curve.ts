import { percentile } from '../timeline/diffusion.js';

/**
 * The pure parts of the analysts' figures: periods of an adoption curve, and quartiles of days
 * to a stage. No I/O.
 */

export type CurveInterval = 'YEAR' | 'QUARTER' | 'MONTH';

export interface CurvePeriod {
  period: string;
  from: string;
  to: string;
  adoptions: number;
  cumulativeAdoptions: number;
  adopters: number;
  cumulativeAdopters: number;
}

/** Adoptions and adopters that first reached the stage, per period label, as SQL counted them. */
export interface PeriodCounts {
  adoptions: ReadonlyMap<string, number>;
  adopters: ReadonlyMap<string, number>;
  /** The first and last day an adoption reached the stage; null when none did. */
  first: string | null;
  last: string | null;
}

/** The SQL expression of a YYYY-MM-DD column's period label (as `periodOf` writes it). */
export function periodLabelSql(column: string, interval: CurveInterval): string {
  if (interval === 'YEAR') return `substr(${column}, 1, 4)`;
  if (interval === 'MONTH') return `substr(${column}, 1, 7)`;
  return `substr(${column}, 1, 4) || '-Q' || ((CAST(substr(${column}, 6, 2) AS INTEGER) + 2) / 3)`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period a date falls in: its label, first and last day, and the next period's first day. */
export function periodOf(date: string, interval: CurveInterval) {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const [startMonth, months, label] =
    interval === 'YEAR'
      ? [1, 12, `${year}`]
      : interval === 'QUARTER'
        ? [month - ((month - 1) % 3), 3, `${year}-Q${Math.floor((month - 1) / 3) + 1}`]
        : [month, 1, `${year}-${pad(month)}`];
  const from = `${year}-${pad(startMonth)}-01`;
  const next = new Date(Date.UTC(year, startMonth - 1 + months, 1));
  const last = new Date(next.getTime() - 86_400_000);
  return {
    label,
    from,
    to: last.toISOString().slice(0, 10),
    next: next.toISOString().slice(0, 10),
  };
}

/**
 * Every period from the first reached date to the last, empty ones included, with the adoptions
 * and (distinct) adopters that first reached the stage in each, and both cumulatively.
 */
export function curvePeriods(counts: PeriodCounts, interval: CurveInterval): CurvePeriod[] {
  if (counts.first === null || counts.last === null) return [];
  const last = periodOf(counts.last, interval).label;
  const periods: CurvePeriod[] = [];
  let cumulativeAdoptions = 0;
  let cumulativeAdopters = 0;
  for (let p = periodOf(counts.first, interval); ; p = periodOf(p.next, interval)) {
    const adoptions = counts.adoptions.get(p.label) ?? 0;
    const adopters = counts.adopters.get(p.label) ?? 0;
    cumulativeAdoptions += adoptions;
    cumulativeAdopters += adopters;
    periods.push({
      period: p.label,
      from: p.from,
      to: p.to,
      adoptions,
      cumulativeAdoptions,
      adopters,
      cumulativeAdopters,
    });
    if (p.label === last) return periods;
  }
}

/** Days in the average month (a year of 365.25 days is 12 of them). */
export const DAYS_PER_MONTH = 365.25 / 12;

export interface StageTiming {
  adoptions: number;
  minDays: number | null;
  q1Days: number | null;
  medianDays: number | null;
  q3Days: number | null;
  maxDays: number | null;
  medianMonths: number | null;
}

/** Quartiles of the days (each 0 or more) it took adoptions to reach a stage; sorts `days`. */
export function timingOfDays(days: number[] | Int32Array): StageTiming {
  days.sort((a, b) => a - b);
  const median = percentile(days, 0.5);
  return {
    adoptions: days.length,
    minDays: days[0] ?? null,
    q1Days: percentile(days, 0.25),
    medianDays: median,
    q3Days: percentile(days, 0.75),
    maxDays: days.at(-1) ?? null,
    medianMonths: median === null ? null : Math.round((median / DAYS_PER_MONTH) * 10) / 10,
  };
}
