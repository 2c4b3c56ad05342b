import type { AdoptionStage } from '../../src/domain/adoption/stages.js';
import { classOf } from './conditions.js';
import { type CurveInterval, curvePeriods, periodOf, timingOfDays } from './curve.js';
import {
  countsIn,
  dateOfDay,
  KIND,
  kindOf,
  memo,
  type PeriodIndex,
  rankOf,
  verdictOf,
} from './period-index.js';
import { CLASSES } from './reach.js';
import type {
  CurveAnswer,
  FigureFilter,
  FigureScope,
  Ranked,
  RankedBy,
  TimeToStageAnswer,
  TimeToStageStart,
} from './readers.js';

/**
 * The figures over a `period`, from a PeriodIndex: the same answers as adding up the period's
 * milestone rows in SQL (a milestone counts when it occurred in the period and counts in the
 * filter's verification class; an adoption when it is in scope and passes the filter), computed
 * in one pass over the period's range of the arrays. Pure: no I/O.
 */

const NONE = 0x7fffffff;

/**
 * Which adoptions are in scope and pass the filter's adoption-level conditions (province,
 * category, mode in the class); null when every adoption does.
 */
function eligible(ix: PeriodIndex, filter: FigureFilter | null | undefined, scope: FigureScope) {
  const c = classOf(filter);
  const tests: Array<[Int32Array, string]> = [];
  if (scope.innovationId != null) tests.push([ix.innovation, scope.innovationId]);
  if (scope.originCode != null) tests.push([ix.origin, scope.originCode]);
  if (scope.provinceCode != null) tests.push([ix.province, scope.provinceCode]);
  if (filter?.provinceCode != null) tests.push([ix.province, filter.provinceCode]);
  if (filter?.category != null) tests.push([ix.category, filter.category]);
  if (filter?.mode != null) tests.push([ix.mode[CLASSES.indexOf(c)] as Int32Array, filter.mode]);
  if (tests.length === 0) return null;
  const ok = new Uint8Array(ix.adoptions);
  const wanted = tests.map(([column, value]) => [column, ix.nameOf(value)] as const);
  // A value no adoption names: nothing passes.
  if (wanted.some(([, n]) => n < 0)) return ok;
  for (let a = 0; a < ix.adoptions; a++)
    if (wanted.every(([column, n]) => column[a] === n)) ok[a] = 1;
  return ok;
}

/**
 * Calls `visit(i, a)` for each milestone `i` of the period that counts in the filter's class,
 * of an eligible adoption `a`, with a stage rank of at least `minRank`.
 */
function eachCounted(
  ix: PeriodIndex,
  filter: FigureFilter | null | undefined,
  scope: FigureScope,
  minRank: number,
  visit: (i: number, a: number) => void,
) {
  const c = classOf(filter);
  const ok = eligible(ix, filter, scope);
  const [lo, hi] = ix.range(filter?.period);
  for (let i = lo; i < hi; i++) {
    const a = ix.adoption[i] as number;
    const flags = ix.flags[i] as number;
    if (rankOf(flags) < minRank || (ok && !ok[a]) || !countsIn(c, verdictOf(flags))) continue;
    visit(i, a);
  }
}

const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** The ranking of `by` over the adoptions with a milestone of rank >= minRank in the period. */
export function periodRanking(
  ix: PeriodIndex,
  by: RankedBy,
  minRank: number,
  filter: FigureFilter | null | undefined,
  first: number,
): Ranked[] {
  const seen = new Uint8Array(ix.adoptions);
  const counted: number[] = [];
  eachCounted(ix, filter, {}, minRank, (_, a) => {
    if (seen[a]) return;
    seen[a] = 1;
    counted.push(a);
  });
  const keyOf = {
    innovation: ix.innovation,
    adopter: ix.adopter,
    origin: ix.origin,
    province: ix.province,
  }[by];
  const totals = new Map<number, { adoptions: number; adopters: Set<number> }>();
  for (const a of counted) {
    const key = keyOf[a] as number;
    const total = memo(totals, key, () => ({ adoptions: 0, adopters: new Set<number>() }));
    total.adoptions++;
    if (by === 'province') total.adopters.add(ix.adopter[a] as number);
  }
  const rows = [...totals].map(([key, t]) => ({
    key: ix.names[key] as string,
    count: by === 'province' ? t.adopters.size : t.adoptions,
    adoptions: t.adoptions,
  }));
  rows.sort((x, y) => y.count - x.count || byText(x.key, y.key));
  const ranked: Ranked[] = [];
  for (const [i, row] of rows.entries()) {
    if (i >= first) break;
    const previous = ranked[i - 1];
    ranked.push({ rank: previous && previous.count === row.count ? previous.rank : i + 1, ...row });
  }
  return ranked;
}

/**
 * When each adoption in scope first reached the stage within the period (the day it occurred,
 * or the day it was recorded), counted per period of the curve; and its adopters.
 */
export function periodCurve(
  ix: PeriodIndex,
  scope: FigureScope,
  minRank: number,
  interval: CurveInterval,
  clock: 'OCCURRED' | 'KNOWN',
  filter: FigureFilter | null | undefined,
): CurveAnswer {
  const dates = clock === 'OCCURRED' ? ix.day : ix.knownDay;
  const reached = new Int32Array(ix.adoptions).fill(NONE);
  const touched: number[] = [];
  eachCounted(ix, filter, scope, minRank, (i, a) => {
    const d = dates[i] as number;
    if (reached[a] === NONE) touched.push(a);
    if (d < (reached[a] as number)) reached[a] = d;
  });
  const labels = new Map<number, string>();
  const labelOf = (day: number) =>
    memo(labels, day, () => periodOf(dateOfDay(day + ix.dayBase), interval).label);
  const adoptions = new Map<string, number>();
  const byAdopter = new Map<number, number>();
  let firstDay = NONE;
  let lastDay = -NONE;
  for (const a of touched) {
    const d = reached[a] as number;
    const label = labelOf(d);
    adoptions.set(label, (adoptions.get(label) ?? 0) + 1);
    if (d < firstDay) firstDay = d;
    if (d > lastDay) lastDay = d;
    const adopter = ix.adopter[a] as number;
    const earliest = byAdopter.get(adopter);
    if (earliest === undefined || d < earliest) byAdopter.set(adopter, d);
  }
  const adopters = new Map<string, number>();
  for (const d of byAdopter.values()) {
    const label = labelOf(d);
    adopters.set(label, (adopters.get(label) ?? 0) + 1);
  }
  const counts = {
    adoptions,
    adopters,
    first: touched.length ? dateOfDay(firstDay + ix.dayBase) : null,
    last: touched.length ? dateOfDay(lastDay + ix.dayBase) : null,
  };
  return {
    adoptions: touched.length,
    adopters: byAdopter.size,
    periods: curvePeriods(counts, interval),
  };
}

/**
 * Days from each adoption's first study visit (or first interest) in the period to the first day
 * in the period it reached each of `stages` (of `ranks`); adoptions without that start are left out.
 */
export function periodTimeToStage(
  ix: PeriodIndex,
  scope: FigureScope,
  from: TimeToStageStart,
  filter: FigureFilter | null | undefined,
  stages: readonly AdoptionStage[],
  ranks: readonly number[],
): TimeToStageAnswer {
  const startKind = from === 'STUDY_VISIT' ? KIND.STUDY_VISIT : KIND.INTEREST_DECLARED;
  const width = ranks.length;
  const start = new Int32Array(ix.adoptions).fill(NONE);
  const reached = new Int32Array(ix.adoptions * width).fill(NONE);
  const seen = new Uint8Array(ix.adoptions);
  const touched: number[] = [];
  eachCounted(ix, filter, scope, 0, (i, a) => {
    if (!seen[a]) {
      seen[a] = 1;
      touched.push(a);
    }
    const d = ix.day[i] as number;
    const flags = ix.flags[i] as number;
    if (kindOf(flags) === startKind && d < (start[a] as number)) start[a] = d;
    const rank = rankOf(flags);
    for (let j = 0; j < width; j++)
      if (rank >= (ranks[j] as number) && d < (reached[a * width + j] as number))
        reached[a * width + j] = d;
  });
  const days = ranks.map((): number[] => []);
  let adoptions = 0;
  for (const a of touched) {
    const s = start[a] as number;
    if (s === NONE) continue;
    adoptions++;
    for (let j = 0; j < width; j++) {
      const r = reached[a * width + j] as number;
      if (r !== NONE && r >= s) days[j]?.push(r - s);
    }
  }
  return {
    adoptions,
    stages: stages.map((stage, j) => ({ stage, ...timingOfDays(days[j] as number[]) })),
  };
}
