import type Database from 'better-sqlite3';
import { Distinct } from '../distinct.js';
import type { BulkFold, TableNames } from '../projection.js';
import { CLASSES, recomputeSql } from './reach.js';
import {
  type AdoptionNumbers,
  figureWrites,
  milestonesByAdoption,
  type ReachInput,
} from './writes.js';

/**
 * The figures projection in bulk, for a build from an empty version. The milestone rows, verdicts
 * and retractions are written as they come (as the live form writes them), but the `figure_reach`
 * rows are folded in memory and written once at the end, in primary-key order. A new milestone
 * arrives unverified, so until a verdict or a retraction touches its adoption the adoption's ANY
 * and EXCLUDE_REJECTED rows are the same fold (and it has no VERIFIED_ONLY row): one record per
 * adoption, kept in typed arrays (dates as indexes into a table of the distinct dates, 0 for "not
 * reached"). An adoption a verdict or retraction touched is added up from its milestone rows at
 * the end instead, with the live form's statements, in log order (as its rows lie) — which is what
 * its incremental rows equal.
 */

/**
 * Per adoption: the adopter, innovation, origin, province, category and mode (as indexes into a
 * table of the distinct strings, 0 for none), max_rank, visit_on, interest_on, mode_on, then r1,
 * k1, …, r7, k7 (dates as indexes into a table of the distinct dates, 0 for "not reached").
 */
const ADOPTER = 0;
const INNOVATION = 1;
const ORIGIN = 2;
const PROVINCE = 3;
const CATEGORY = 4;
const MODE = 5;
const MAX_RANK = 6;
const VISIT_ON = 7;
const INTEREST_ON = 8;
const MODE_ON = 9;
const REACHED = 10;
const STRIDE = REACHED + 14;
const FOLDED_CLASSES = ['ANY', 'EXCLUDE_REJECTED'] as const;

export function figuresInBulk(db: Database.Database, t: TableNames): BulkFold {
  // The adoption index is only needed to add adoptions up: build it once, after the rows.
  db.exec(`DROP INDEX IF EXISTS ${t('figure_adoption')}`);
  const r = t('figure_reach');
  const folds = new Folds();
  // Adoptions numbered as the live upserts number them (first seen, from 1), kept in the folds.
  const numbers: AdoptionNumbers = {
    numberOf: (m) => folds.number(m),
    changed(rows, position) {
      for (const row of rows)
        folds.mark(folds.indexOf(row.adopter_code, row.innovation_id), position);
    },
  };
  const w = figureWrites(db, t, numbers);
  const recount = new Set<number>();
  const touched = (rows: Array<{ adopter_code: string; innovation_id: string }>) => {
    for (const row of rows) recount.add(folds.indexOf(row.adopter_code, row.innovation_id));
  };
  return {
    apply(event) {
      switch (event.type) {
        case 'InnovationRegistered':
          w.register(event);
          return;
        case 'MilestoneReported':
        case 'StudyVisitReported':
          for (const input of w.report(event)) folds.add(input);
          return;
        case 'MilestoneVerified':
        case 'MilestoneRejected':
          touched(w.judge(event));
          return;
        case 'MilestoneRetracted':
        case 'StudyVisitRetracted':
          touched(w.retract(event));
          return;
      }
    },
    finish() {
      milestonesByAdoption(db, t);
      const columns = `adopter_code, innovation_id, class, origin_code, province_code, category,
        mode, mode_on, mode_position, max_rank, visit_on, interest_on,
        r1, k1, r2, k2, r3, k3, r4, k4, r5, k5, r6, k6, r7, k7`;
      const insert = db.prepare(
        `INSERT INTO ${r} (${columns}) VALUES (${Array(26).fill('?').join(', ')})`,
      );
      const recompute = CLASSES.map((c) => db.prepare(recomputeSql(r, t('figure_milestones'), c)));
      // Added up in the order first seen, which is log order: their milestone rows lie so.
      for (const i of [...recount].sort((a, b) => a - b)) {
        const at = { adopter: folds.adopter(i), innovation: folds.innovation(i) };
        for (const statement of recompute) statement.run(at);
      }
      const numbered = db.prepare(
        `INSERT INTO ${t('figure_adoptions')} (adoption_no, adopter_code, innovation_id,
           origin_code, province_code, category, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const [i, names, changedAt] of folds.numbered())
        numbered.run(i + 1, ...names, changedAt);
      for (const i of folds.inKeyOrder()) {
        // No milestone of it was stored (its only report repeated a stored id): no reach rows.
        if (recount.has(i) || !folds.added(i)) continue;
        const row = folds.row(i);
        for (const c of FOLDED_CLASSES)
          insert.run(folds.adopter(i), folds.innovation(i), c, ...row);
      }
    },
  };
}

/** The folded adoptions, one slot each, in the order they were first seen. */
class Folds {
  private count = 0;
  /** Distinct strings and dates; index 0 stands for none. */
  private readonly strings = new Distinct();
  private readonly dates = new Distinct();
  private readonly slots = new Map<number, Map<number, number>>();
  private values = new Int32Array(STRIDE * 1024);
  private modePositions = new Float64Array(1024);
  /** Per slot: the origin, province and category its `figure_adoptions` row names (0: unnumbered). */
  private names = new Int32Array(3 * 1024);
  /** Per slot: the position of the last event that changed its milestones. */
  private changedAt = new BigInt64Array(1024);

  /** The adoption's number (as `figure_adoptions` counts, from 1), marked changed at its position. */
  number(m: ReachInput): number {
    const i = this.indexOf(m.adopter, m.innovation);
    if (this.names[3 * i] === 0) {
      this.names[3 * i] = this.intern(m.origin);
      this.names[3 * i + 1] = this.intern(m.province);
      this.names[3 * i + 2] = this.intern(m.category);
    }
    this.mark(i, m.position);
    return i + 1;
  }

  mark(i: number, position: bigint): void {
    this.changedAt[i] = position;
  }

  /** Whether a milestone was added to the slot. */
  added = (i: number) => this.values[i * STRIDE + ORIGIN] !== 0;

  /** The numbered slots in order: slot, [adopter, innovation, origin, province, category], changed at. */
  *numbered(): Iterable<[number, string[], bigint]> {
    for (let i = 0; i < this.count; i++) {
      if (this.names[3 * i] === 0) continue;
      const names = [0, 1, 2].map((k) => this.strings.at(this.names[3 * i + k] as number));
      yield [i, [this.adopter(i), this.innovation(i), ...names], this.changedAt[i] as bigint];
    }
  }

  indexOf(adopter: string, innovation: string): number {
    const a = this.intern(adopter);
    const n = this.intern(innovation);
    let byAdopter = this.slots.get(n);
    if (!byAdopter) {
      byAdopter = new Map();
      this.slots.set(n, byAdopter);
    }
    let i = byAdopter.get(a);
    if (i === undefined) {
      i = this.count++;
      byAdopter.set(a, i);
      if (this.count * STRIDE > this.values.length) this.grow();
      this.values[i * STRIDE + ADOPTER] = a;
      this.values[i * STRIDE + INNOVATION] = n;
    }
    return i;
  }

  adopter = (i: number) => this.strings.at(this.values[i * STRIDE + ADOPTER] as number);
  innovation = (i: number) => this.strings.at(this.values[i * STRIDE + INNOVATION] as number);

  /** A new milestone, counting in ANY and EXCLUDE_REJECTED: what the live upsert does. */
  add(m: ReachInput): void {
    const i = this.indexOf(m.adopter, m.innovation);
    const v = this.values;
    const base = i * STRIDE;
    const on = this.date(m.occurredOn);
    const known = this.date(m.knownOn);
    const position = Number(m.position);
    if (v[base + ORIGIN] === 0) {
      v[base + ORIGIN] = this.intern(m.origin);
      v[base + PROVINCE] = this.intern(m.province);
      v[base + CATEGORY] = this.intern(m.category);
      v[base + MAX_RANK] = m.rank;
    } else if (m.rank > (v[base + MAX_RANK] as number)) v[base + MAX_RANK] = m.rank;
    if (m.mode !== null) {
      const modeOn = v[base + MODE_ON] as number;
      const newer =
        modeOn === 0 ||
        this.after(on, modeOn) ||
        (on === modeOn && position > (this.modePositions[i] as number));
      if (newer) {
        v[base + MODE] = this.intern(m.mode);
        v[base + MODE_ON] = on;
        this.modePositions[i] = position;
      }
    }
    if (m.kind === 'STUDY_VISIT') this.earliest(base + VISIT_ON, on);
    if (m.kind === 'INTEREST_DECLARED') this.earliest(base + INTEREST_ON, on);
    for (let rank = 1; rank <= m.rank && rank <= 7; rank++) {
      this.earliest(base + REACHED + 2 * (rank - 1), on);
      this.earliest(base + REACHED + 2 * (rank - 1) + 1, known);
    }
  }

  /** The adoption's columns after adopter_code, innovation_id and class. */
  row(i: number): unknown[] {
    const v = this.values;
    const base = i * STRIDE;
    const text = (slot: number) =>
      v[base + slot] ? this.strings.at(v[base + slot] as number) : null;
    const day = (slot: number) => (v[base + slot] ? this.dates.at(v[base + slot] as number) : null);
    const reached: Array<string | null> = [];
    for (let s = 0; s < 14; s++) reached.push(day(REACHED + s));
    const modeOn = day(MODE_ON);
    return [
      text(ORIGIN),
      text(PROVINCE),
      text(CATEGORY),
      text(MODE),
      modeOn,
      modeOn === null ? null : BigInt(this.modePositions[i] as number),
      v[base + MAX_RANK],
      day(VISIT_ON),
      day(INTEREST_ON),
      ...reached,
    ];
  }

  /** The slots in primary-key order (adopter_code, innovation_id). */
  inKeyOrder(): number[] {
    const order = Array.from({ length: this.count }, (_, i) => i);
    const by = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return order.sort(
      (a, b) => by(this.adopter(a), this.adopter(b)) || by(this.innovation(a), this.innovation(b)),
    );
  }

  private earliest(slot: number, date: number) {
    const current = this.values[slot] as number;
    if (current === 0 || this.after(current, date)) this.values[slot] = date;
  }

  private after(a: number, b: number) {
    return this.dates.at(a) > this.dates.at(b);
  }

  private date(value: string): number {
    return this.dates.indexOf(value);
  }

  private intern(value: string): number {
    return this.strings.indexOf(value);
  }

  private grow() {
    const values = new Int32Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
    const positions = new Float64Array(this.modePositions.length * 2);
    positions.set(this.modePositions);
    this.modePositions = positions;
    const names = new Int32Array(this.names.length * 2);
    names.set(this.names);
    this.names = names;
    const changedAt = new BigInt64Array(this.changedAt.length * 2);
    changedAt.set(this.changedAt);
    this.changedAt = changedAt;
  }
}
