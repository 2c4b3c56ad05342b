import type Database from 'better-sqlite3';
import { physicalTable, type TableNames } from '../projection.js';
import { AdoptionColumns } from './period-columns.js';
import { type Days, type FiguresCheckpoint, type Milestones, PeriodIndex } from './period-index.js';
import { CLASSES } from './reach.js';

/**
 * Reads a PeriodIndex from the figures projection's live tables, in one read transaction: only
 * the adoptions changed since `previous` was read when it is of the same version and few changed
 * (their `figure_adoptions.changed_at` is past its position), otherwise everything.
 *
 * A row that reaches JavaScript costs about a microsecond whatever it holds, and a full read has
 * one per milestone (a million at 1M events). So SQLite packs each milestone into seven
 * characters — its adoption's number, its day and its known day (each as two 15-bit digits, plus
 * one, so that no character is NUL) and its rank, verdict and kind — joined into one string per
 * range of 8,192 rows: a million rows reach JavaScript as ~120 strings, read with charCodeAt.
 */
export function loadPeriodIndex(db: Database.Database, previous?: PeriodIndex): PeriodIndex {
  return db.transaction(() => {
    const live = PeriodIndex.liveFigures(db);
    if (!live)
      return new PeriodIndex(
        { version: 0, position: 0n },
        new AdoptionColumns(0).columns(milestonesOf(0)),
      );
    const t = physicalTable(live);
    if (previous?.at.version === live.version) {
      const changed = db
        .prepare(`SELECT adoption_no - 1 FROM ${t('figure_adoptions')} WHERE changed_at > ?`)
        .pluck()
        .all(previous.at.position) as number[];
      if (changed.length <= Math.max(REFRESH_AT_MOST, previous.adoptions / 20)) {
        const index = refreshed(db, t, live, previous, changed);
        if (index) return index;
      }
    }
    return full(db, t, live);
  })();
}

/** Adoptions re-read one by one at most (beyond them, and a twentieth, everything is read). */
const REFRESH_AT_MOST = 2_000;
const CHUNK = 8192;
const WIDTH = 7;
/** SQL of a number from 0 to 2^30 - 1 as two characters, each from 1 to 32,768 (never a surrogate). */
const digits = (x: string) => `((${x}) >> 15) + 1, ((${x}) & 32767) + 1`;
const VERDICT = "CASE verification WHEN 'VERIFIED' THEN 1 WHEN 'REJECTED' THEN 2 ELSE 0 END";
const KIND = "CASE kind WHEN 'STUDY_VISIT' THEN 1 WHEN 'INTEREST_DECLARED' THEN 2 ELSE 0 END";
/** A milestone's flags, as rankOf, verdictOf and kindOf read them. */
const FLAGS = `stage_rank + 16 * (${VERDICT}) + 64 * (${KIND})`;

/** What an adoption names, as `figure_adoptions` holds it. */
type AdoptionRow = [number, string, string, string, string, string];
/** Milestones as read: adoption, day and known day (day numbers), flags (see rankOf). */
type Read = { adoption: Int32Array; day: Int32Array; knownDay: Int32Array; flags: Uint8Array };
const ADOPTION_COLUMNS =
  'adoption_no - 1, adopter_code, innovation_id, origin_code, province_code, category';
/** A verification class as its number in CLASSES. */
const CLASS_NUMBER = `CASE class ${CLASSES.map((c, i) => `WHEN '${c}' THEN ${i}`).join(' ')} END`;

function full(db: Database.Database, t: TableNames, live: FiguresCheckpoint): PeriodIndex {
  const a = t('figure_adoptions');
  const count =
    (db.prepare(`SELECT max(adoption_no) FROM ${a}`).pluck().get() as number | null) ?? 0;
  const columns = new AdoptionColumns(count);
  const adoptions = db.prepare(`SELECT ${ADOPTION_COLUMNS} FROM ${a}`).raw();
  for (const row of adoptions.iterate() as IterableIterator<AdoptionRow>) columns.set(...row);
  const modes = db
    .prepare(
      `SELECT a.adoption_no - 1, ${CLASS_NUMBER}, r.mode FROM ${t('figure_reach')} r
       JOIN ${a} a ON a.adopter_code = r.adopter_code AND a.innovation_id = r.innovation_id
       WHERE r.mode IS NOT NULL`,
    )
    .raw();
  for (const row of modes.iterate() as IterableIterator<[number, number, string]>)
    columns.setMode(...row);
  const m = t('figure_milestones');
  const total = db.prepare(`SELECT count(*) FROM ${m}`).pluck().get() as number;
  const lastRow = (db.prepare(`SELECT max(rowid) FROM ${m}`).pluck().get() as number | null) ?? 0;
  const chunk = db
    .prepare(
      `SELECT count(*), group_concat(char(${digits('adoption_no - 1')}, ${digits('occurred_day')},
         ${digits('known_day')}, ${FLAGS} + 1), '')
       FROM ${m} WHERE rowid > ? AND rowid <= ?`,
    )
    .raw();
  const read: Read = {
    adoption: new Int32Array(total),
    day: new Int32Array(total),
    knownDay: new Int32Array(total),
    flags: new Uint8Array(total),
  };
  let n = 0;
  const two = (s: string, j: number) => (s.charCodeAt(j) - 1) * 32768 + s.charCodeAt(j + 1) - 1;
  for (let lo = 0; lo < lastRow; lo += CHUNK) {
    const [rows, packed] = chunk.get(lo, lo + CHUNK) as [number, string | null];
    if (rows === 0) continue;
    if (packed?.length !== rows * WIDTH || n + rows > total)
      throw new Error(`figure milestones ${lo + 1}–${lo + CHUNK} did not read back as packed`);
    for (let j = 0; j < packed.length; j += WIDTH, n++) {
      read.adoption[n] = two(packed, j);
      read.day[n] = two(packed, j + 2);
      read.knownDay[n] = two(packed, j + 4);
      read.flags[n] = packed.charCodeAt(j + 6) - 1;
    }
  }
  if (n !== total) throw new Error(`figure milestones: read ${n} of ${total}`);
  return new PeriodIndex(live, columns.columns(sortedByDay(read)));
}

/** `previous` with the `changed` adoptions (and any new ones) read again. */
function refreshed(
  db: Database.Database,
  t: TableNames,
  live: FiguresCheckpoint,
  previous: PeriodIndex,
  changed: readonly number[],
): PeriodIndex | undefined {
  const again = new Set(changed);
  const adoptionRow = db
    .prepare(`SELECT ${ADOPTION_COLUMNS} FROM ${t('figure_adoptions')} WHERE adoption_no = ?`)
    .raw();
  const modesOf = db
    .prepare(
      `SELECT ${CLASS_NUMBER}, mode FROM ${t('figure_reach')}
       WHERE adopter_code = ? AND innovation_id = ? AND mode IS NOT NULL`,
    )
    .raw();
  const rowsOf = db
    .prepare(
      `SELECT occurred_day, known_day, ${FLAGS} FROM ${t('figure_milestones')}
       WHERE adopter_code = ? AND innovation_id = ?`,
    )
    .raw();
  // Every adoption, as before or as it is now; the milestones of those read again, then sorted.
  const count = Math.max(previous.adoptions, ...changed.map((n) => n + 1));
  const columns = new AdoptionColumns(count, previous);
  const fresh: Array<[number, number, number, number]> = [];
  for (let n = 0; n < count; n++) {
    if (!again.has(n)) {
      columns.copy(n, previous);
      continue;
    }
    const row = adoptionRow.get(n + 1) as AdoptionRow;
    columns.set(...row);
    for (const [c, mode] of modesOf.all(row[1], row[2]) as Array<[number, string]>)
      columns.setMode(n, c, mode);
    for (const [day, knownDay, flags] of rowsOf.all(row[1], row[2]) as number[][])
      fresh.push([n, day as number, knownDay as number, flags as number]);
  }
  // Days less the base; one the index's 16-bit days cannot hold means reading everything again.
  const compact = previous.day instanceof Uint16Array;
  for (const f of fresh) {
    f[1] -= previous.dayBase;
    f[2] -= previous.dayBase;
    if (compact && !(f[1] >= 0 && f[1] < 65536 && f[2] >= 0 && f[2] < 65536)) return undefined;
  }
  fresh.sort((x, y) => x[1] - y[1]);
  // The milestones kept (already by day) and the fresh ones, merged by day.
  let kept = 0;
  for (let i = 0; i < previous.day.length; i++)
    if (!again.has(previous.adoption[i] as number)) kept++;
  const out = milestonesOf(kept + fresh.length, compact, previous.dayBase);
  let i = 0;
  let f = 0;
  for (let o = 0; o < out.day.length; o++) {
    while (i < previous.day.length && again.has(previous.adoption[i] as number)) i++;
    const next = fresh[f];
    if (next && (i >= previous.day.length || next[1] < (previous.day[i] as number))) {
      [out.adoption[o], out.day[o], out.knownDay[o], out.flags[o]] = next;
      f++;
    } else {
      out.adoption[o] = previous.adoption[i] as number;
      out.day[o] = previous.day[i] as number;
      out.knownDay[o] = previous.knownDay[i] as number;
      out.flags[o] = previous.flags[i] as number;
      i++;
    }
  }
  return new PeriodIndex(live, columns.columns(out));
}

function milestonesOf(n: number, compact = true, dayBase = 0): Milestones {
  const days = (): Days => (compact ? new Uint16Array(n) : new Int32Array(n));
  return {
    adoption: new Int32Array(n),
    day: days(),
    knownDay: days(),
    dayBase,
    flags: new Uint8Array(n),
  };
}

/** The milestones sorted by day (a counting sort, stable: days are few, rows many), compacted. */
function sortedByDay(read: Read): Milestones {
  const { day, knownDay } = read;
  const n = day.length;
  if (n === 0) return milestonesOf(0);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const d = day[i] as number;
    const k = knownDay[i] as number;
    if (d < min) min = d;
    if (d > max) max = d;
    lowest = Math.min(lowest, d, k);
    highest = Math.max(highest, d, k);
  }
  // starts[d - min + 1] counts the day d; summed up, starts[d - min] is where its first row goes.
  const starts = new Int32Array(max - min + 2);
  for (const d of day) starts[d - min + 1] = (starts[d - min + 1] as number) + 1;
  for (let s = 1; s < starts.length; s++)
    starts[s] = (starts[s] as number) + (starts[s - 1] as number);
  const out = milestonesOf(n, highest - lowest < 65536, lowest);
  for (let i = 0; i < n; i++) {
    const slot = (day[i] as number) - min;
    const at = starts[slot] as number;
    starts[slot] = at + 1;
    out.adoption[at] = read.adoption[i] as number;
    out.day[at] = (day[i] as number) - lowest;
    out.knownDay[at] = (knownDay[i] as number) - lowest;
    out.flags[at] = read.flags[i] as number;
  }
  return out;
}
