import type Database from 'better-sqlite3';
import {
  type AdoptionSummary,
  needsFullSummary,
  withMilestone,
} from '../../src/domain/adoption/summary.js';
import type { BulkFold, TableNames } from '../projection.js';
import { adoptionWrites, type Key, milestonesByAdoption } from './writes.js';

/** One adoption, kept small (strings shared through `intern`, the time as epoch milliseconds). */
interface Folded {
  adopterCode: string;
  innovationId: string;
  origin: string;
  /** Up to date unless `recount`: then the adoption is added up from its rows at the end. */
  summary: AdoptionSummary | undefined;
  /** The latest SUSPENDED / RESUMED so far (by occurrence, then reporting order). */
  latestSwitch?: { occurredOn: string; order: bigint; suspended: boolean };
  recount: boolean;
  /** The log position of the adoption's first event (its rows lie near it in the table). */
  first: bigint;
  /** The last event that touched the adoption: its row's updated_at and position. */
  at: number;
  position: bigint;
}

/**
 * The adoptions projection in bulk, for a build from an empty version: milestone rows, verdicts
 * and retractions are written as they come (as the live form writes them), but the adoptions are
 * folded in memory — one small record each — and written once at the end, in primary-key order.
 * A suspension switch counts as a milestone of no stage and, when it is the latest one (by
 * occurrence, then reporting order), decides `suspended`, as `summarize` has it. An adoption a
 * retraction touched is added up from its milestone rows at the end (with the index that needs,
 * made once after the rows are in, and in log order, so the table is read front to back), which
 * is what the live form's incremental rows equal.
 */
export function adoptionsInBulk(db: Database.Database, t: TableNames): BulkFold {
  // The adoption index is only needed to add adoptions up: build it once, after the rows.
  db.exec(`DROP INDEX IF EXISTS ${t('milestones_adoption')}`);
  const w = adoptionWrites(db, t);
  const strings = new Map<string, string>();
  const intern = (value: string) => {
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
  /** Per innovation, per adopter. */
  const folded = new Map<string, Map<string, Folded>>();
  const touch = (key: Key, origin: string, at: number, position: bigint): Folded => {
    let byAdopter = folded.get(key.innovationId);
    if (!byAdopter) {
      byAdopter = new Map();
      folded.set(intern(key.innovationId), byAdopter);
    }
    let f = byAdopter.get(key.adopterCode);
    if (!f) {
      f = {
        adopterCode: intern(key.adopterCode),
        innovationId: intern(key.innovationId),
        origin: intern(origin),
        summary: undefined,
        recount: false,
        at,
        position,
        first: position,
      };
      byAdopter.set(f.adopterCode, f);
    }
    f.at = at;
    f.position = position;
    return f;
  };
  return {
    apply(event) {
      const at = event.recordedAt.getTime();
      switch (event.type) {
        case 'MilestoneReported':
        case 'StudyVisitReported':
          for (const m of w.report(event)) {
            const f = touch(
              { adopterCode: m.adopterCode, innovationId: m.innovationId },
              m.originCode,
              at,
              event.position,
            );
            if (f.recount) continue;
            const occurredOn = intern(m.occurredOn);
            if (!needsFullSummary(m.kind)) {
              f.summary = withMilestone(f.summary, { kind: m.kind, occurredOn });
              continue;
            }
            const s = f.latestSwitch;
            const order = event.position;
            if (!s || occurredOn > s.occurredOn || (occurredOn === s.occurredOn && order > s.order))
              f.latestSwitch = { occurredOn, order, suspended: m.kind === 'SUSPENDED' };
            // A switch reaches no stage: it counts, and widens the dates, like one that keeps it.
            f.summary = withMilestone(f.summary, { kind: KEEPS_STAGE, occurredOn });
          }
          return;
        case 'MilestoneRetracted':
        case 'StudyVisitRetracted':
          for (const key of w.retract(event)) touch(key, '', at, event.position).recount = true;
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
      milestonesByAdoption(db, t);
      const ordered = [...folded.values()].flatMap((byAdopter) => [...byAdopter.values()]);
      folded.clear();
      strings.clear();
      ordered.sort((a, b) =>
        a.adopterCode === b.adopterCode
          ? compare(a.innovationId, b.innovationId)
          : compare(a.adopterCode, b.adopterCode),
      );
      const keyOf = (f: Folded) => ({ adopterCode: f.adopterCode, innovationId: f.innovationId });
      // Added up in log order (their rows lie in that order), written in primary-key order.
      const addedUp = new Map<Folded, ReturnType<typeof w.addedUp>>();
      for (const f of ordered.filter((f) => f.recount).sort((a, b) => compare(a.first, b.first)))
        addedUp.set(f, w.addedUp(keyOf(f)));
      for (const f of ordered) {
        const { summary, origin } = addedUp.get(f) ?? {
          summary: { ...(f.summary as AdoptionSummary), suspended: !!f.latestSwitch?.suspended },
          origin: f.origin,
        };
        w.write(keyOf(f), f.origin || origin, summary, new Date(f.at).toISOString(), f.position);
      }
    },
  };
}

const compare = <T extends string | bigint>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);

/** A kind that reaches no stage, standing for a switch in `withMilestone`'s arithmetic. */
const KEEPS_STAGE = 'EVALUATED';
