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
/** Most stages a time to stage counts (every stage after the start). */
const MAX_STAGES = 7;

/**
 * The per-adoption working memory of the figures, made once per index and reused by every
 * figure over it (a worker answers one figure at a time), so that no figure allocates per
 * adoption: which adoptions a figure has seen and finds eligible (marked with the figure's
 * generation, so nothing needs clearing), the list of those seen, and their values.
 */
class Scratch {
  private generation = 0;
  private readonly seenIn: Uint32Array;
  readonly eligibleIn: Uint32Array;
  readonly list: Int32Array;
  length = 0;
  readonly value: Int32Array;
  readonly stages: Int32Array;
  /** Days to each stage, stage by stage: stage j's from j × adoptions. */
  readonly days: Int32Array;

  constructor(readonly adoptions: number) {
    this.seenIn = new Uint32Array(adoptions);
    this.eligibleIn = new Uint32Array(adoptions);
    this.list = new Int32Array(adoptions);
    this.value = new Int32Array(adoptions);
    this.stages = new Int32Array(adoptions * MAX_STAGES);
    this.days = new Int32Array(adoptions * MAX_STAGES);
  }

  /** Starts a figure: no adoption seen or eligible yet. Answers its generation. */
  begin(): number {
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.seenIn.fill(0);
      this.eligibleIn.fill(0);
      this.generation = 1;
    }
    this.length = 0;
    return this.generation;
  }

  /** Marks `a` seen by this figure; true the first time (it joins the list). */
  see(a: number, generation: number): boolean {
    if (this.seenIn[a] === generation) return false;
    this.seenIn[a] = generation;
    this.list[this.length++] = a;
    return true;
  }
}

const scratches = new WeakMap<PeriodIndex, Scratch>();
function scratchOf(ix: PeriodIndex): Scratch {
  let scratch = scratches.get(ix);
  if (!scratch) {
    scratch = new Scratch(ix.adoptions);
    scratches.set(ix, scratch);
  }
  return scratch;
}

/**
 * Marks the adoptions in scope that pass the filter's adoption-level conditions (province,
 * category, mode in the class) eligible in this generation; false when every adoption is.
 */
function markEligible(
  ix: PeriodIndex,
  filter: FigureFilter | null | undefined,
  scope: FigureScope,
  scratch: Scratch,
  generation: number,
): boolean {
  const c = classOf(filter);
  const tests: Array<[Int32Array, string]> = [];
  if (scope.innovationId != null) tests.push([ix.innovation, scope.innovationId]);
  if (scope.originCode != null) tests.push([ix.origin, scope.originCode]);
  if (scope.provinceCode != null) tests.push([ix.province, scope.provinceCode]);
  if (filter?.provinceCode != null) tests.push([ix.province, filter.provinceCode]);
  if (filter?.category != null) tests.push([ix.category, filter.category]);
  if (filter?.mode != null) tests.push([ix.mode[CLASSES.indexOf(c)] as Int32Array, filter.mode]);
  if (tests.length === 0) return false;
  const columns = tests.map(([column]) => column);
  const wanted = tests.map(([, value]) => ix.nameOf(value));
  // A value no adoption names: nothing is eligible.
  if (wanted.some((n) => n < 0)) return true;
  for (let a = 0; a < ix.adoptions; a++) {
    let ok = true;
    for (let t = 0; t < columns.length && ok; t++) ok = (columns[t] as Int32Array)[a] === wanted[t];
    if (ok) scratch.eligibleIn[a] = generation;
  }
  return true;
}

/**
 * Starts a figure and calls `visit(i, a)` for each milestone `i` of the period that counts in
 * the filter's class, of an eligible adoption `a`, with a stage rank of at least `minRank`.
 */
function eachCounted(
  ix: PeriodIndex,
  filter: FigureFilter | null | undefined,
  scope: FigureScope,
  minRank: number,
  visit: (i: number, a: number, scratch: Scratch, generation: number) => void,
): Scratch {
  const scratch = scratchOf(ix);
  const generation = scratch.begin();
  const c = classOf(filter);
  const filtered = markEligible(ix, filter, scope, scratch, generation);
  const [lo, hi] = ix.range(filter?.period);
  for (let i = lo; i < hi; i++) {
    const a = ix.adoption[i] as number;
    const flags = ix.flags[i] as number;
    if (rankOf(flags) < minRank || !countsIn(c, verdictOf(flags))) continue;
    if (filtered && scratch.eligibleIn[a] !== generation) continue;
    visit(i, a, scratch, generation);
  }
  return scratch;
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
  const scratch = eachCounted(ix, filter, {}, minRank, (_, a, s, generation) => {
    s.see(a, generation);
  });
  const keyOf = {
    innovation: ix.innovation,
    adopter: ix.adopter,
    origin: ix.origin,
    province: ix.province,
  }[by];
  const totals = new Map<number, { adoptions: number; adopters: Set<number> }>();
  for (let k = 0; k < scratch.length; k++) {
    const a = scratch.list[k] as number;
    const total = memo(totals, keyOf[a] as number, () => ({
      adoptions: 0,
      adopters: new Set<number>(),
    }));
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
  const scratch = eachCounted(ix, filter, scope, minRank, (i, a, s, generation) => {
    const d = dates[i] as number;
    if (s.see(a, generation) || d < (s.value[a] as number)) s.value[a] = d;
  });
  const labels = new Map<number, string>();
  const labelOf = (day: number) =>
    memo(labels, day, () => periodOf(dateOfDay(day + ix.dayBase), interval).label);
  const adoptions = new Map<string, number>();
  const byAdopter = new Map<number, number>();
  let firstDay = NONE;
  let lastDay = -NONE;
  for (let k = 0; k < scratch.length; k++) {
    const a = scratch.list[k] as number;
    const d = scratch.value[a] as number;
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
    first: scratch.length ? dateOfDay(firstDay + ix.dayBase) : null,
    last: scratch.length ? dateOfDay(lastDay + ix.dayBase) : null,
  };
  return {
    adoptions: scratch.length,
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
  if (width > MAX_STAGES) throw new Error(`at most ${MAX_STAGES} stages`);
  const scratch = eachCounted(ix, filter, scope, 0, (i, a, s, generation) => {
    // value: the first day of the start kind; stages: the first day each rank was reached.
    if (s.see(a, generation)) {
      s.value[a] = NONE;
      s.stages.fill(NONE, a * MAX_STAGES, a * MAX_STAGES + width);
    }
    const d = ix.day[i] as number;
    const flags = ix.flags[i] as number;
    if (kindOf(flags) === startKind && d < (s.value[a] as number)) s.value[a] = d;
    const rank = rankOf(flags);
    for (let j = 0; j < width; j++) {
      const slot = a * MAX_STAGES + j;
      if (rank >= (ranks[j] as number) && d < (s.stages[slot] as number)) s.stages[slot] = d;
    }
  });
  const counts = ranks.map(() => 0);
  let adoptions = 0;
  for (let k = 0; k < scratch.length; k++) {
    const a = scratch.list[k] as number;
    const start = scratch.value[a] as number;
    if (start === NONE) continue;
    adoptions++;
    for (let j = 0; j < width; j++) {
      const r = scratch.stages[a * MAX_STAGES + j] as number;
      if (r !== NONE && r >= start) {
        scratch.days[j * scratch.adoptions + (counts[j] as number)] = r - start;
        counts[j] = (counts[j] as number) + 1;
      }
    }
  }
  const daysOf = (j: number) =>
    scratch.days.subarray(j * scratch.adoptions, j * scratch.adoptions + (counts[j] as number));
  return {
    adoptions,
    stages: stages.map((stage, j) => ({ stage, ...timingOfDays(daysOf(j)) })),
  };
}
