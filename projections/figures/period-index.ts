import type Database from 'better-sqlite3';
import type { DateRange } from '../timeline/time-point.js';
import type { VerificationClass } from './reach.js';

/**
 * The figures' milestone rows held column by column in typed arrays, sorted by the day they
 * occurred, for the figures asked over a `period` (rankings, curves, time to stage). Over SQL,
 * a national figure over a period adds up every milestone row of the period and sorts them into
 * a temporary B-tree (a third of a second per question at 1M events, seconds at 4M, so 32
 * analysts asking different periods at once ran past the time budget); here the period is a
 * range of the arrays found by binary search, and a pass over it with one typed-array slot per
 * adoption answers in milliseconds. Nine bytes a milestone.
 *
 * An index is a snapshot of the figures projection at one checkpoint (`at`); when the checkpoint
 * has moved, the readers bring it up to date (period-load.ts: the adoptions changed since are read
 * again, or everything when many changed). Pure data and arithmetic once loaded: the figures over
 * it are in period-figures.ts.
 */
/** A version of the figures projection and the log position its tables are at. */
export interface FiguresCheckpoint {
  version: number;
  position: bigint;
}

/** The columns of a PeriodIndex. */
export interface PeriodColumns {
  /** Every distinct string an adoption names (codes, slugs, categories, modes), by number. */
  names: readonly string[];
  /** Per adoption: its adopter, innovation, origin, province and category (into `names`). */
  adopter: Int32Array;
  innovation: Int32Array;
  origin: Int32Array;
  province: Int32Array;
  category: Int32Array;
  /** Per class (CLASSES order) and adoption: its replication mode there, -1 for none. */
  mode: readonly Int32Array[];
  /**
   * Per milestone, by occurredOn: its adoption, the day it occurred and the day it was known
   * (day numbers less `dayBase`), and its flags (`rankOf`, `verdictOf`, `kindOf`).
   */
  adoption: Int32Array;
  day: Days;
  knownDay: Days;
  dayBase: number;
  flags: Uint8Array;
}

/** A PeriodIndex's milestone columns (see PeriodColumns). */
export type Milestones = Pick<PeriodColumns, 'adoption' | 'day' | 'knownDay' | 'dayBase' | 'flags'>;

/** Days from a base: in 16 bits when they span less than 179 years (always, in practice). */
export type Days = Uint16Array | Int32Array;

/** A milestone's flags hold its stage rank (0–15), its verdict (VERDICT) and its kind (KIND). */
export const rankOf = (flags: number) => flags & 15;
export const verdictOf = (flags: number) => (flags >> 4) & 3;
export const kindOf = (flags: number) => flags >> 6;

export class PeriodIndex implements PeriodColumns {
  readonly names!: readonly string[];
  readonly adopter!: Int32Array;
  readonly innovation!: Int32Array;
  readonly origin!: Int32Array;
  readonly province!: Int32Array;
  readonly category!: Int32Array;
  readonly mode!: readonly Int32Array[];
  readonly adoption!: Int32Array;
  readonly day!: Days;
  readonly knownDay!: Days;
  readonly dayBase!: number;
  readonly flags!: Uint8Array;

  constructor(
    /** The figures projection's live version and checkpoint the snapshot was read at. */
    readonly at: FiguresCheckpoint,
    columns: PeriodColumns,
  ) {
    Object.assign(this, columns);
  }

  /** Whether the snapshot is of this checkpoint. */
  isAt(checkpoint: FiguresCheckpoint | undefined): boolean {
    return (
      checkpoint !== undefined &&
      checkpoint.version === this.at.version &&
      checkpoint.position === this.at.position
    );
  }

  get adoptions(): number {
    return this.adopter.length;
  }

  private lookup: Map<string, number> | undefined;

  /** The number of `value` among the names; -1 when it is none of them. */
  nameOf(value: string): number {
    this.lookup ??= new Map(this.names.map((n, i) => [n, i]));
    return this.lookup.get(value) ?? -1;
  }

  /** The milestones (as [from, to) indexes) that occurred in `period`, bounds included. */
  range(period: DateRange | null | undefined): [number, number] {
    const lo = period?.from ? this.firstAtOrAfter(dayNumber(period.from) - this.dayBase) : 0;
    const hi = period?.to
      ? this.firstAtOrAfter(dayNumber(period.to) + 1 - this.dayBase)
      : this.day.length;
    return [lo, Math.max(lo, hi)];
  }

  private firstAtOrAfter(day: number): number {
    let lo = 0;
    let hi = this.day.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.day[mid] as number) < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The figures projection's live version and checkpoint now; undefined before it has one. */
  static liveFigures(db: Database.Database): FiguresCheckpoint | undefined {
    const row = db
      .prepare(
        "SELECT version, position FROM projection_checkpoints WHERE name = 'figures' AND state = 'live'",
      )
      .raw()
      .safeIntegers(true)
      .get() as [bigint, bigint] | undefined;
    return row && { version: Number(row[0]), position: row[1] };
  }
}

/** The value kept under `key`, made (and kept) the first time it is asked for. */
export function memo<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const known = map.get(key);
  if (known !== undefined) return known;
  const made = make();
  map.set(key, made);
  return made;
}

/** Verdict codes in `PeriodIndex.verdict`. */
export const VERDICT = { UNVERIFIED: 0, VERIFIED: 1, REJECTED: 2 } as const;
/** Kind codes in `PeriodIndex.kind`: the two kinds a time to stage starts from. */
export const KIND = { OTHER: 0, STUDY_VISIT: 1, INTEREST_DECLARED: 2 } as const;

/** Whether a milestone with this verdict code counts in a class (as `classCondition` says). */
export function countsIn(verificationClass: VerificationClass, verdict: number): boolean {
  if (verificationClass === 'EXCLUDE_REJECTED') return verdict !== VERDICT.REJECTED;
  if (verificationClass === 'VERIFIED_ONLY') return verdict === VERDICT.VERIFIED;
  return true;
}

const DAY_MS = 86_400_000;
/** Days from 0001-01-01 to 1970-01-01 (SQLite's `julianday('1970-01-01') - julianday('0001-01-01')`). */
const EPOCH_DAY = 719_162;
/** The day number (days since 0001-01-01) of a YYYY-MM-DD date, as period-load.ts reads them. */
export const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    DAY_MS +
  EPOCH_DAY;
/** The YYYY-MM-DD date of a day number. */
export const dateOfDay = (day: number): string =>
  new Date((day - EPOCH_DAY) * DAY_MS).toISOString().slice(0, 10);
