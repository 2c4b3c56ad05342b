import type Database from 'better-sqlite3';
import { rankOfKind } from '../../src/domain/adoption/stages.js';
import { milestonesOf } from '../../src/domain/adoption/summary.js';
import type { ProjectedEvent, TableNames } from '../projection.js';
import { knownAtOf } from '../timeline/time-point.js';
import { dayNumber } from './period-index.js';

/**
 * The figures projection's writes, shared by its live form (projection.ts, reach rows upserted
 * milestone by milestone) and its bulk form (bulk.ts, reach rows folded in memory): the
 * innovations' categories and the `figure_milestones` rows, verdicts and retractions.
 */

/** An adoption, as the rows a verdict or retraction touched name it. */
export interface Adoption {
  adopter_code: string;
  innovation_id: string;
}

/** What a new milestone adds to its adoption's `figure_reach` rows. */
export interface ReachInput {
  adopter: string;
  innovation: string;
  origin: string;
  province: string;
  category: string;
  kind: string;
  rank: number;
  occurredOn: string;
  /** The UTC day the ministry knew of it (an import's known-on date, else the day recorded). */
  knownOn: string;
  mode: string | null;
  position: bigint;
}

/**
 * `figure_adoptions`: every adoption a milestone was ever reported for, numbered in the order
 * first seen (never deleted, so the numbers stay dense), with what it names and the log position
 * of the last event that changed its milestones (`changed_at`): what a PeriodIndex reads, and
 * how it finds what changed since it was read.
 */
export function adoptionsTableSql(table: string): string {
  return `CREATE TABLE ${table} (
    adoption_no   INTEGER PRIMARY KEY,
    adopter_code  TEXT NOT NULL,
    innovation_id TEXT NOT NULL,
    origin_code   TEXT NOT NULL,
    province_code TEXT NOT NULL,
    category      TEXT NOT NULL,
    changed_at    INTEGER NOT NULL,
    UNIQUE (adopter_code, innovation_id)
  )`;
}

/** How the writes number adoptions and mark them changed (in the table, or in a bulk fold). */
export interface AdoptionNumbers {
  /** The adoption's number (its `figure_adoptions` row made when new), marked changed at `position`. */
  numberOf(input: ReachInput): number;
  /** The adoptions whose milestones a verdict or retraction changed, at `position`. */
  changed(rows: readonly Adoption[], position: bigint): void;
}

/** The live form's numbering: `figure_adoptions` rows upserted event by event. */
export function adoptionNumbers(db: Database.Database, t: TableNames): AdoptionNumbers {
  const a = t('figure_adoptions');
  const upsert = db
    .prepare(
      `INSERT INTO ${a} (adopter_code, innovation_id, origin_code, province_code, category, changed_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (adopter_code, innovation_id) DO UPDATE SET changed_at = excluded.changed_at
       RETURNING adoption_no`,
    )
    .pluck();
  const mark = db.prepare(
    `UPDATE ${a} SET changed_at = ? WHERE adopter_code = ? AND innovation_id = ?`,
  );
  return {
    numberOf: (m) =>
      upsert.get(m.adopter, m.innovation, m.origin, m.province, m.category, m.position) as number,
    changed(rows, position) {
      for (const row of rows) mark.run(position, row.adopter_code, row.innovation_id);
    },
  };
}

/** The index that adds an adoption up from its milestone rows (made by migrate, or after a bulk build). */
export function milestonesByAdoption(db: Database.Database, t: TableNames): void {
  db.exec(`CREATE INDEX IF NOT EXISTS ${t('figure_adoption')}
        ON ${t('figure_milestones')} (adopter_code, innovation_id)`);
}

export function figureWrites(db: Database.Database, t: TableNames, numbers: AdoptionNumbers) {
  const m = t('figure_milestones');
  const registerInnovation = db.prepare(
    `INSERT OR REPLACE INTO ${t('figure_innovations')} (innovation_id, origin_code, category)
     VALUES (?, ?, ?)`,
  );
  const categoryOf = db.prepare(
    `SELECT category FROM ${t('figure_innovations')} WHERE innovation_id = ?`,
  );
  const insert = db.prepare(
    `INSERT OR IGNORE INTO ${m} (id, adopter_code, innovation_id, origin_code, province_code,
       category, kind, stage_rank, occurred_on, recorded_at, mode, visit_id, position,
       adoption_no, occurred_day, known_day)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const remove = db.prepare(`DELETE FROM ${m} WHERE id = ? RETURNING adopter_code, innovation_id`);
  const removeVisit = db.prepare(
    `DELETE FROM ${m} WHERE visit_id = ? RETURNING adopter_code, innovation_id`,
  );
  const judge = db.prepare(
    `UPDATE ${m} SET verification = ? WHERE id = ? RETURNING adopter_code, innovation_id`,
  );
  const categories = new Map<string, string>();
  const category = (innovationId: string) => {
    let known = categories.get(innovationId);
    if (known === undefined) {
      known = (categoryOf.get(innovationId) as { category: string } | undefined)?.category;
      if (known === undefined) return 'OTHER';
      categories.set(innovationId, known);
    }
    return known;
  };

  return {
    register(event: ProjectedEvent<'InnovationRegistered'>): void {
      const { innovationId, originCode, category: c } = event.data;
      registerInnovation.run(innovationId, originCode, c);
      categories.set(innovationId, c);
    },
    /** Inserts the milestone rows of a report or study visit; answers those that are new. */
    report(event: ProjectedEvent<'MilestoneReported' | 'StudyVisitReported'>): ReachInput[] {
      const mode = event.type === 'MilestoneReported' ? (event.data.mode ?? null) : null;
      const recordedAt = event.recordedAt.toISOString();
      const added: ReachInput[] = [];
      for (const milestone of milestonesOf(event)) {
        const knownAt = knownAtOf(milestone.knownOn, recordedAt);
        const input: ReachInput = {
          adopter: milestone.adopterCode,
          innovation: milestone.innovationId,
          origin: milestone.originCode,
          province: milestone.adopterCode.slice(0, 2),
          category: category(milestone.innovationId),
          kind: milestone.kind,
          rank: rankOfKind(milestone.kind),
          occurredOn: milestone.occurredOn,
          knownOn: knownAt.slice(0, 10),
          mode,
          position: event.position,
        };
        const inserted = insert.run(
          milestone.milestoneId,
          input.adopter,
          input.innovation,
          input.origin,
          input.province,
          input.category,
          input.kind,
          input.rank,
          input.occurredOn,
          knownAt,
          mode,
          milestone.visitId,
          input.position,
          numbers.numberOf(input),
          dayNumber(input.occurredOn),
          dayNumber(input.knownOn),
        );
        if (inserted.changes > 0) added.push(input);
      }
      return added;
    },
    /** Records a verdict; answers the adoption whose rows it changed. */
    judge(event: ProjectedEvent<'MilestoneVerified' | 'MilestoneRejected'>): Adoption[] {
      const verdict = event.type === 'MilestoneVerified' ? 'VERIFIED' : 'REJECTED';
      const rows = judge.all(verdict, event.data.milestoneId) as Adoption[];
      numbers.changed(rows, event.position);
      return rows;
    },
    /** Deletes a retracted milestone's (or visit's) rows; answers the adoptions they were of. */
    retract(event: ProjectedEvent<'MilestoneRetracted' | 'StudyVisitRetracted'>): Adoption[] {
      const rows = (
        event.type === 'MilestoneRetracted'
          ? remove.all(event.data.milestoneId)
          : removeVisit.all(event.data.visitId)
      ) as Adoption[];
      numbers.changed(rows, event.position);
      return rows;
    },
  };
}
