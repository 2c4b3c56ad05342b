import { daysBetween, percentile } from '../timeline/diffusion.js';

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

/** When one adoption first reached the stage (a YYYY-MM-DD date). */
export interface Reached {
  adopterCode: string;
  reachedOn: string;
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
export function curvePeriods(reached: readonly Reached[], interval: CurveInterval): CurvePeriod[] {
  if (reached.length === 0) return [];
  const firstOfAdopter = new Map<string, string>();
  for (const r of reached) {
    const seen = firstOfAdopter.get(r.adopterCode);
    if (!seen || r.reachedOn < seen) firstOfAdopter.set(r.adopterCode, r.reachedOn);
  }
  const adoptionsIn = tally(reached.map((r) => periodOf(r.reachedOn, interval).label));
  const adoptersIn = tally([...firstOfAdopter.values()].map((d) => periodOf(d, interval).label));
  const dates = reached.map((r) => r.reachedOn).sort();
  const last = periodOf(dates.at(-1) as string, interval).label;
  const periods: CurvePeriod[] = [];
  let cumulativeAdoptions = 0;
  let cumulativeAdopters = 0;
  for (let p = periodOf(dates[0] as string, interval); ; p = periodOf(p.next, interval)) {
    const adoptions = adoptionsIn.get(p.label) ?? 0;
    const adopters = adoptersIn.get(p.label) ?? 0;
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

function tally(labels: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of labels) out.set(l, (out.get(l) ?? 0) + 1);
  return out;
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

/** Quartiles of the days from `start` to `reached`, over the pairs reached on or after start. */
export function timing(pairs: readonly { start: string; reached: string | null }[]): StageTiming {
  const days = pairs
    .flatMap((p) => (p.reached && p.reached >= p.start ? [daysBetween(p.start, p.reached)] : []))
    .sort((a, b) => a - b);
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
