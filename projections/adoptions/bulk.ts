import type Database from 'better-sqlite3';
import {
  type AdoptionSummary,
  needsFullSummary,
  withMilestone,
} from '../../src/domain/adoption/summary.js';
import type { BulkFold, TableNames } from '../projection.js';
import { adoptionWrites, type Key, milestonesByAdoption } from './writes.js';

interface Folded {
  key: Key;
  origin: string;
  /** Up to date unless `recount`: then the adoption is added up from its rows at the end. */
  summary: AdoptionSummary | undefined;
  recount: boolean;
  /** The last event that touched the adoption: its row's updated_at and position. */
  at: string;
  position: bigint;
}

/**
 * The adoptions projection in bulk, for a build from an empty version: milestone rows, verdicts
 * and retractions are written as they come (as the live form writes them), but the adoptions are
 * folded in memory — one small record each — and written once at the end, in primary-key order.
 * An adoption that a retraction or a suspension switch touched is added up from its milestone
 * rows then (with the index that needs, made once after the rows are in), which is what the live
 * form's incremental rows equal.
 */
export function adoptionsInBulk(db: Database.Database, t: TableNames): BulkFold {
  // The adoption index is only needed to add adoptions up: build it once, after the rows.
  db.exec(`DROP INDEX IF EXISTS ${t('milestones_adoption')}`);
  const w = adoptionWrites(db, t);
  const folded = new Map<string, Folded>();
  const touch = (key: Key, origin: string, at: string, position: bigint): Folded => {
    const id = `${key.adopterCode}\u0000${key.innovationId}`;
    let f = folded.get(id);
    if (!f) {
      f = { key, origin, summary: undefined, recount: false, at, position };
      folded.set(id, f);
    }
    f.at = at;
    f.position = position;
    return f;
  };
  return {
    apply(event) {
      const at = event.recordedAt.toISOString();
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
            if (f.recount || needsFullSummary(m.kind)) f.recount = true;
            else f.summary = withMilestone(f.summary, m);
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
      const ordered = [...folded.values()].sort((a, b) =>
        a.key.adopterCode === b.key.adopterCode
          ? compare(a.key.innovationId, b.key.innovationId)
          : compare(a.key.adopterCode, b.key.adopterCode),
      );
      for (const f of ordered) {
        const { summary, origin } = f.recount
          ? w.addedUp(f.key)
          : { summary: f.summary as AdoptionSummary, origin: f.origin };
        w.write(f.key, f.origin || origin, summary, f.at, f.position);
      }
      folded.clear();
    },
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
