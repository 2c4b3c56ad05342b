import { type Milestones, memo, type PeriodColumns, type PeriodIndex } from './period-index.js';
import { CLASSES } from './reach.js';

/**
 * A PeriodIndex's adoption columns as they are read: per adoption its adopter, innovation,
 * origin, province and category, and per verification class its replication mode, each a number
 * into one table of names. Filled straight from rows as they stream out of SQLite, so a full read
 * holds no row objects (at 4M events, 240,000 adoption rows held as arrays cost 127 MB for a
 * moment). A refresh starts from the previous index's names (the table only grows) and copies the
 * numbers of the adoptions it does not read again.
 */
export class AdoptionColumns {
  private readonly names: string[];
  private readonly numbers: Map<string, number>;
  private readonly named: Int32Array[];
  private readonly mode: Int32Array[];

  constructor(
    private readonly count: number,
    previous?: Pick<PeriodColumns, 'names'>,
  ) {
    this.names = previous ? [...previous.names] : [];
    this.numbers = new Map(this.names.map((name, i) => [name, i]));
    this.named = [0, 1, 2, 3, 4].map(() => new Int32Array(count));
    this.mode = CLASSES.map(() => new Int32Array(count).fill(-1));
  }

  /** Adoption `n` names these: adopter, innovation, origin, province, category. */
  set(
    n: number,
    adopter: string,
    innovation: string,
    origin: string,
    province: string,
    category: string,
  ) {
    this.check(n);
    const [a, i, o, p, c] = this.named as [
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
    ];
    a[n] = this.intern(adopter);
    i[n] = this.intern(innovation);
    o[n] = this.intern(origin);
    p[n] = this.intern(province);
    c[n] = this.intern(category);
  }

  /** Adoption `n`'s replication mode in the class numbered `c` (CLASSES order). */
  setMode(n: number, c: number, mode: string) {
    this.check(n);
    const column = this.mode[c];
    if (!column) throw new Error(`figure reach: no verification class numbered ${c}`);
    column[n] = this.intern(mode);
  }

  /** Adoption `n` as `previous` (whose names this table started from) holds it. */
  copy(n: number, previous: PeriodIndex) {
    this.check(n);
    const from = [previous.adopter, previous.innovation, previous.origin, previous.province];
    from.push(previous.category);
    this.named.forEach((column, k) => {
      column[n] = (from[k] as Int32Array)[n] as number;
    });
    this.mode.forEach((column, c) => {
      column[n] = (previous.mode[c] as Int32Array)[n] as number;
    });
  }

  /** The index's columns: these adoptions and their milestones, sorted by day. */
  columns(milestones: Milestones): PeriodColumns {
    const [adopter, innovation, origin, province, category] = this.named as Int32Array[];
    return {
      names: this.names,
      adopter: adopter as Int32Array,
      innovation: innovation as Int32Array,
      origin: origin as Int32Array,
      province: province as Int32Array,
      category: category as Int32Array,
      mode: this.mode,
      ...milestones,
    };
  }

  private intern(value: string): number {
    return memo(this.numbers, value, () => this.names.push(value) - 1);
  }

  private check(n: number) {
    if (!(n >= 0 && n < this.count))
      throw new Error(`figure adoptions: number ${n + 1} is outside 1–${this.count}`);
  }
}
