import Database from 'better-sqlite3';
import { Regions } from '../../src/application/regions.js';
import { postGraphQL } from './child.js';

const MUTATION = `mutation ($input: ReportMilestoneInput!) { reportMilestone(input: $input) { stage } }`;
export const INNOVATION = 'banyuwangi-mal-pelayanan-publik';

/**
 * `count` reporters for regencies the demo story leaves alone (not the origin Banyuwangi, not
 * Lahat or Pasangkayu), so their reports never meet the demo's milestones.
 */
export async function reportersOutsideTheStory(count: number): Promise<Reporter[]> {
  const regions = await Regions.load();
  return regions
    .regencies()
    .map((r) => r.code)
    .filter((code) => !['35.10', '16.04', '76.01'].includes(code))
    .slice(0, count)
    .map((code) => new Reporter(code));
}

/**
 * One reporter per adopter regency: each reports milestones of its adoption of Banyuwangi's MPP,
 * one request at a time, each with a unique note (its tag) and the next day, so no two reports
 * collide. Remembers the tags the server acknowledged (answered with data and no error).
 */
export class Reporter {
  private day = 0;
  readonly acknowledged: string[] = [];
  readonly sent: string[] = [];

  constructor(readonly adopterCode: string) {}

  /** Reports until `stop()` says so or the server stops answering. */
  async run(url: string, stop: () => boolean): Promise<void> {
    while (!stop()) {
      const n = this.day++;
      const tag = `crash-${this.adopterCode}-${n}`;
      const occurredOn = new Date(Date.UTC(2019, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
      this.sent.push(tag);
      const answer = await postGraphQL(url, MUTATION, {
        input: {
          adopterCode: this.adopterCode,
          innovationId: INNOVATION,
          // The first report of an adoption cannot be EVALUATED; every later one is.
          kind: n === 0 ? 'INTEREST_DECLARED' : 'EVALUATED',
          occurredOn,
          note: tag,
        },
      });
      if (!answer) return; // the server is gone: this report is not acknowledged
      if (answer.body.errors?.length || !answer.body.data?.reportMilestone) {
        // A refusal is not an acknowledgement; a refusal of the very first one stops the run.
        if (n === 0) throw new Error(`first report refused: ${JSON.stringify(answer.body)}`);
        continue;
      }
      this.acknowledged.push(tag);
    }
  }
}

export interface StoredFacts {
  head: number;
  /** Note → how many MilestoneReported events in the log carry it. */
  loggedNotes: Map<string, number>;
  loggedMilestoneIds: string[];
  /** Milestone id → how many rows the read model holds for it. */
  projectedMilestoneIds: Map<string, number>;
  /** `adopter|innovation` → milestone events in the log, and the projected milestone_count. */
  perAdoption: Map<string, { logged: number; projected: number | undefined }>;
  innovationEvents: number;
  innovationRows: number;
  checkpoints: Array<{ name: string; position: number }>;
}

/** Reads what a stopped server left on disk: the event log and the read model, side by side. */
export function readStoredFacts(dataDir: string): StoredFacts {
  const log = new Database(`${dataDir}/events.db`, { readonly: true });
  const rm = new Database(`${dataDir}/read-model.db`, { readonly: true });
  try {
    const head = (log.prepare('SELECT max(position) AS p FROM events').get() as { p: number }).p;
    const loggedNotes = new Map<string, number>();
    const loggedMilestoneIds: string[] = [];
    const perAdoption = new Map<string, { logged: number; projected: number | undefined }>();
    for (const row of log
      .prepare("SELECT data FROM events WHERE type = 'MilestoneReported'")
      .all() as Array<{ data: string }>) {
      const m = JSON.parse(row.data) as {
        milestoneId: string;
        adopterCode: string;
        innovationId: string;
        note?: string;
      };
      loggedMilestoneIds.push(m.milestoneId);
      if (m.note) loggedNotes.set(m.note, (loggedNotes.get(m.note) ?? 0) + 1);
      const key = `${m.adopterCode}|${m.innovationId}`;
      const entry = perAdoption.get(key) ?? { logged: 0, projected: undefined };
      entry.logged += 1;
      perAdoption.set(key, entry);
    }
    // Study visits also add milestones; count them per adoption as the projection does.
    for (const row of log
      .prepare("SELECT data FROM events WHERE type = 'StudyVisitReported'")
      .all() as Array<{ data: string }>) {
      const v = JSON.parse(row.data) as { visitorCode: string; innovationIds: string[] };
      for (const innovationId of v.innovationIds) {
        const key = `${v.visitorCode}|${innovationId}`;
        const entry = perAdoption.get(key) ?? { logged: 0, projected: undefined };
        entry.logged += 1;
        perAdoption.set(key, entry);
      }
    }
    const projectedMilestoneIds = new Map<string, number>();
    for (const row of rm
      .prepare('SELECT id FROM milestones WHERE visit_id IS NULL')
      .all() as Array<{ id: string }>)
      projectedMilestoneIds.set(row.id, (projectedMilestoneIds.get(row.id) ?? 0) + 1);
    for (const row of rm
      .prepare('SELECT adopter_code, innovation_id, milestone_count FROM adoptions')
      .all() as Array<{ adopter_code: string; innovation_id: string; milestone_count: number }>) {
      const key = `${row.adopter_code}|${row.innovation_id}`;
      const entry = perAdoption.get(key) ?? { logged: 0, projected: undefined };
      entry.projected = row.milestone_count;
      perAdoption.set(key, entry);
    }
    const innovationEvents = (
      log.prepare("SELECT count(*) AS n FROM events WHERE type = 'InnovationRegistered'").get() as {
        n: number;
      }
    ).n;
    const innovationRows = (
      rm.prepare('SELECT count(*) AS n FROM innovations').get() as { n: number }
    ).n;
    const checkpoints = rm
      .prepare("SELECT name, position FROM projection_checkpoints WHERE state = 'live'")
      .all() as Array<{ name: string; position: number }>;
    return {
      head,
      loggedNotes,
      loggedMilestoneIds,
      projectedMilestoneIds,
      perAdoption,
      innovationEvents,
      innovationRows,
      checkpoints,
    };
  } finally {
    log.close();
    rm.close();
  }
}
