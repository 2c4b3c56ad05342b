import type Database from 'better-sqlite3';
import { maturityOf, stageOfRank } from '../../src/domain/adoption/stages.js';
import {
  type AdoptionSummary,
  needsFullSummary,
  withMilestone,
} from '../../src/domain/adoption/summary.js';
import { Distinct } from '../distinct.js';
import type { BulkFold, TableNames } from '../projection.js';
import { adoptionWrites, milestonesByAdoption } from './writes.js';

/**
 * The adoptions projection in bulk, for a build from an empty version: milestone rows, verdicts
 * and retractions are written as they come (as the live form writes them), but the adoptions are
 * folded in memory — one slot each in typed arrays (see `FoldedAdoptions`) — and written once at
 * the end, in primary-key order. A suspension switch counts as a milestone of no stage and, when
 * it is the latest one (by occurrence, then reporting order), decides `suspended`, as `summarize`
 * has it. An adoption a retraction touched is added up from its milestone rows at the end (with
 * the index that needs, made once after the rows are in, and in log order, so the table is read
 * front to back), which is what the live form's incremental rows equal.
 */
export function adoptionsInBulk(db: Database.Database, t: TableNames): BulkFold {
  // The adoption index is only needed to add adoptions up: build it once, after the rows.
  db.exec(`DROP INDEX IF EXISTS ${t('milestones_adoption')}`);
  const w = adoptionWrites(db, t);
  let folded: FoldedAdoptions | undefined = new FoldedAdoptions();
  const fold = () => {
    if (!folded) throw new Error('the adoptions fold is finished');
    return folded;
  };
  return {
    apply(event) {
      const at = event.recordedAt.getTime();
      const position = event.position;
      switch (event.type) {
        case 'MilestoneReported':
        case 'StudyVisitReported':
          for (const m of w.report(event)) {
            const a = fold();
            const i = a.touch(m.adopterCode, m.innovationId, m.originCode, at, position);
            if (a.recounted(i)) continue;
            if (needsFullSummary(m.kind)) {
              a.switched(i, m.occurredOn, position, m.kind === 'SUSPENDED');
              // A switch reaches no stage: it counts, and widens the dates, like one that keeps it.
              a.add(i, KEEPS_STAGE, m.occurredOn);
            } else a.add(i, m.kind, m.occurredOn);
          }
          return;
        case 'MilestoneRetracted':
        case 'StudyVisitRetracted':
          for (const key of w.retract(event))
            fold().recount(fold().touch(key.adopterCode, key.innovationId, '', at, position));
          return;
        case 'MilestoneVerified':
        case 'MilestoneRejected':
          w.judge(event);
          return;
        case 'MilestoneEvidenceAdded':
          w.addEvidence(event);
          return;
      }
    },
    finish() {
      const a = fold();
      folded = undefined; // its arrays go with this call
      milestonesByAdoption(db, t);
      // Added up in log order (their rows lie in that order), written in primary-key order.
      const addedUp = new Map<number, ReturnType<typeof w.addedUp>>();
      for (const i of a.recounts()) addedUp.set(i, w.addedUp(a.key(i)));
      for (const i of a.inKeyOrder()) {
        const key = a.key(i);
        const added = addedUp.get(i);
        const summary = added?.summary ?? a.final(i);
        w.write(key, a.origin(i) || (added?.origin ?? ''), summary, a.updatedAt(i), a.position(i));
      }
    },
  };
}

/** A kind that reaches no stage, standing for a switch in `withMilestone`'s arithmetic. */
const KEEPS_STAGE = 'EVALUATED';

/** Flags of a slot. */
const SUMMED = 1; // has a summary (a milestone that counts was folded in)
const RECOUNT = 2; // a retraction touched it: added up from its rows at the end
const SUSPENDED = 4; // its latest switch so far is a suspension

/**
 * The folded adoptions, one slot each in the order first seen, as columns of typed arrays
 * (~70 bytes an adoption, where an object with its summary took ~400): texts and dates as
 * indexes into tables of the distinct ones (index 0 stands for '' or "none"), log positions as
 * 64-bit integers, times as epoch milliseconds, and the slot of an (adopter, innovation) found through an
 * open-addressing hash table over the slots.
 */
class FoldedAdoptions {
  private size = 0;
  private capacity = 1024;
  private readonly texts = new Distinct();
  private readonly days = new Distinct();
  private adopter = new Uint32Array(this.capacity);
  private innovation = new Uint32Array(this.capacity);
  private originOf = new Uint32Array(this.capacity);
  private flags = new Uint8Array(this.capacity);
  private rank = new Uint8Array(this.capacity);
  private count = new Uint32Array(this.capacity);
  private firstOn = new Uint32Array(this.capacity);
  private lastOn = new Uint32Array(this.capacity);
  /** The latest SUSPENDED / RESUMED so far: its day and reporting order (log position). */
  private switchOn = new Uint32Array(this.capacity);
  private switchOrder = new BigInt64Array(this.capacity);
  /** The log position of the adoption's first event (its rows lie near it in the table). */
  private firstPosition = new BigInt64Array(this.capacity);
  /** The last event that touched the adoption: its row's updated_at (epoch ms) and position. */
  private at = new Float64Array(this.capacity);
  private lastPosition = new BigInt64Array(this.capacity);
  /** Slot + 1 by hash of (adopter, innovation), 0 for empty; at most half full. */
  private table = new Int32Array(this.capacity * 2);

  /** The adoption's slot, made on its first event; records the event as its latest. */
  touch(
    adopterCode: string,
    innovationId: string,
    origin: string,
    at: number,
    position: bigint,
  ): number {
    const a = this.texts.indexOf(adopterCode);
    const n = this.texts.indexOf(innovationId);
    let h = this.hash(a, n);
    for (let s = this.table[h] as number; s !== 0; s = this.table[h] as number) {
      if (this.adopter[s - 1] === a && this.innovation[s - 1] === n) {
        this.at[s - 1] = at;
        this.lastPosition[s - 1] = position;
        return s - 1;
      }
      h = (h + 1) & (this.table.length - 1);
    }
    if (this.size === this.capacity) {
      this.grow();
      return this.touch(adopterCode, innovationId, origin, at, position);
    }
    const i = this.size++;
    this.table[h] = i + 1;
    this.adopter[i] = a;
    this.innovation[i] = n;
    this.originOf[i] = this.texts.indexOf(origin);
    this.firstPosition[i] = position;
    this.at[i] = at;
    this.lastPosition[i] = position;
    return i;
  }

  recounted = (i: number) => ((this.flags[i] as number) & RECOUNT) !== 0;
  recount(i: number): void {
    this.flags[i] = (this.flags[i] as number) | RECOUNT;
  }

  /** One more milestone that counts (a switch as one that keeps the stage). */
  add(i: number, kind: string, occurredOn: string): void {
    const s = withMilestone(this.summary(i), { kind, occurredOn });
    this.flags[i] = (this.flags[i] as number) | SUMMED;
    this.rank[i] = s.rank;
    this.count[i] = s.milestoneCount;
    this.firstOn[i] = this.days.indexOf(s.firstOccurredOn as string);
    this.lastOn[i] = this.days.indexOf(s.lastOccurredOn as string);
  }

  /** A SUSPENDED / RESUMED switch: it decides `suspended` if it is the latest so far. */
  switched(i: number, occurredOn: string, order: bigint, suspended: boolean): void {
    const on = this.switchOn[i] as number;
    const latest =
      on === 0 ||
      occurredOn > this.days.at(on) ||
      (occurredOn === this.days.at(on) && order > (this.switchOrder[i] as bigint));
    if (!latest) return;
    this.switchOn[i] = this.days.indexOf(occurredOn);
    this.switchOrder[i] = order;
    const flags = (this.flags[i] as number) & ~SUSPENDED;
    this.flags[i] = suspended ? flags | SUSPENDED : flags;
  }

  /** The summary folded so far (`suspended` is decided by the latest switch, in `final`). */
  private summary(i: number): AdoptionSummary | undefined {
    if (((this.flags[i] as number) & SUMMED) === 0) return undefined;
    const rank = this.rank[i] as number;
    const stage = stageOfRank(rank);
    return {
      rank,
      stage,
      maturity: stage && maturityOf(stage),
      suspended: false,
      firstOccurredOn: this.days.at(this.firstOn[i] as number),
      lastOccurredOn: this.days.at(this.lastOn[i] as number),
      milestoneCount: this.count[i] as number,
    };
  }

  /** The summary of an adoption no retraction touched. */
  final(i: number): AdoptionSummary {
    const summary = this.summary(i) as AdoptionSummary;
    return { ...summary, suspended: ((this.flags[i] as number) & SUSPENDED) !== 0 };
  }

  key = (i: number) => ({
    adopterCode: this.texts.at(this.adopter[i] as number),
    innovationId: this.texts.at(this.innovation[i] as number),
  });
  origin = (i: number) => this.texts.at(this.originOf[i] as number);
  updatedAt = (i: number) => new Date(this.at[i] as number).toISOString();
  position = (i: number) => this.lastPosition[i] as bigint;

  /** The adoptions a retraction touched, in log order of their first event. */
  recounts(): number[] {
    const slots: number[] = [];
    for (let i = 0; i < this.size; i++) if (this.recounted(i)) slots.push(i);
    const first = this.firstPosition;
    return slots.sort((x, y) => {
      const a = first[x] as bigint;
      const b = first[y] as bigint;
      return a < b ? -1 : a > b ? 1 : 0;
    });
  }

  /** The slots in primary-key order (adopter_code, innovation_id). */
  inKeyOrder(): Uint32Array {
    const order = this.texts.order();
    const slots = new Uint32Array(this.size);
    for (let i = 0; i < this.size; i++) slots[i] = i;
    return slots.sort(
      (x, y) =>
        (order[this.adopter[x] as number] as number) -
          (order[this.adopter[y] as number] as number) ||
        (order[this.innovation[x] as number] as number) -
          (order[this.innovation[y] as number] as number),
    );
  }

  private hash(a: number, n: number): number {
    let h = Math.imul(n, 0x9e3779b1) ^ a;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    return h & (this.table.length - 1);
  }

  private grow(): void {
    this.capacity *= 2;
    const wider = <A extends Uint8Array | Uint32Array | Float64Array | BigInt64Array>(
      from: A,
    ): A => {
      const to = new (from.constructor as new (n: number) => A)(this.capacity);
      (to as { set(from: A): void }).set(from);
      return to;
    };
    this.adopter = wider(this.adopter);
    this.innovation = wider(this.innovation);
    this.originOf = wider(this.originOf);
    this.flags = wider(this.flags);
    this.rank = wider(this.rank);
    this.count = wider(this.count);
    this.firstOn = wider(this.firstOn);
    this.lastOn = wider(this.lastOn);
    this.switchOn = wider(this.switchOn);
    this.switchOrder = wider(this.switchOrder);
    this.firstPosition = wider(this.firstPosition);
    this.at = wider(this.at);
    this.lastPosition = wider(this.lastPosition);
    this.table = new Int32Array(this.capacity * 2);
    for (let i = 0; i < this.size; i++) {
      let h = this.hash(this.adopter[i] as number, this.innovation[i] as number);
      while (this.table[h] !== 0) h = (h + 1) & (this.table.length - 1);
      this.table[h] = i + 1;
    }
  }
}
