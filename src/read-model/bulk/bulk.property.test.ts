import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projections } from '../../../projections/index.js';
import { MilestoneKind, ReplicationMode } from '../../domain/adoption/stages.js';
import type { RecordedEvent } from '../../eventstore/port.js';
import { openReadModel } from '../database.js';
import { decode } from '../decode.js';
import { physicalTable } from '../versions.js';
import { buildInBulk } from './build.js';
import type { DecodedBatch } from './source.js';

/**
 * The bulk build (src/read-model/bulk) and the live path (every projection's `prepare`, one
 * event at a time) must leave identical tables — every row, every column, and the same indexes —
 * whatever the sequence of reports, study visits, suspensions, retractions and verdicts. Reports
 * carry a replication mode or none and sometimes an import's known-on date, so the folds of the
 * adoptions and the figures (`figure_reach`: modes, first days reached and known) are held to it.
 */
const ADOPTERS = ['16.04', '76.01', '33.01'];
const INNOVATIONS = ['banyuwangi-mal-pelayanan-publik', 'banyuwangi-smart-kampung'];
const KINDS = MilestoneKind.options.filter((kind) => kind !== 'STUDY_VISIT');
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

type Step =
  | {
      op: 'report';
      adopter: number;
      innovation: number;
      kind: MilestoneKind;
      day: number;
      mode: ReplicationMode | null;
      knownOn: number | null;
    }
  | { op: 'visit'; adopter: number; innovations: number[]; day: number; knownOn: number | null }
  | { op: 'retract' | 'verify' | 'reject' | 'evidence'; which: number }
  | { op: 'retractVisit'; which: number };

const day = fc.integer({ min: 1, max: 28 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('report' as const),
      adopter: fc.nat(2),
      innovation: fc.nat(1),
      kind: fc.constantFrom(...KINDS),
      day,
      mode: fc.option(fc.constantFrom(...ReplicationMode.options)),
      knownOn: fc.option(day),
    }),
  },
  // Suspension switches crowded on a few days, so same-day switches (reporting order decides) occur.
  fc.record({
    op: fc.constant('report' as const),
    adopter: fc.nat(2),
    innovation: fc.nat(1),
    kind: fc.constantFrom('SUSPENDED' as const, 'RESUMED' as const),
    day: fc.integer({ min: 1, max: 2 }),
    mode: fc.constant(null),
    knownOn: fc.constant(null),
  }),
  fc.record({
    op: fc.constant('visit' as const),
    adopter: fc.nat(2),
    innovations: fc.uniqueArray(fc.nat(1), { minLength: 1, maxLength: 2 }),
    day,
    knownOn: fc.option(day),
  }),
  fc.record({ op: fc.constantFrom('retract', 'verify', 'reject', 'evidence'), which: fc.nat(30) }),
  fc.record({ op: fc.constant('retractVisit' as const), which: fc.nat(6) }),
);

/** The steps as recorded events (innovations first), every one valid for its schema. */
function eventsOf(steps: Step[]): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  const emit = (type: string, data: unknown) => {
    const n = out.length + 1;
    out.push({
      id: uuid(n),
      streamName: 'test',
      revision: 0n,
      position: BigInt(n),
      type,
      data,
      metadata: { actor: n % 3 === 0 ? 'regency:16.04' : 'system:test' },
      recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
    });
  };
  for (const [i, innovationId] of INNOVATIONS.entries())
    emit('InnovationRegistered', {
      innovationId,
      originCode: '35.10',
      name: innovationId,
      category: i === 0 ? 'PUBLIC_SERVICE' : 'GOVERNANCE',
      digital: false,
      evidence: [],
    });
  const milestones: Array<{ id: string; adopter: string; innovation: string }> = [];
  const visits: string[] = [];
  for (const s of steps) {
    const on = (d: number) => `2024-02-${String(d).padStart(2, '0')}`;
    if (s.op === 'report') {
      const m = {
        id: uuid(1000 + milestones.length),
        adopter: ADOPTERS[s.adopter] as string,
        innovation: INNOVATIONS[s.innovation] as string,
      };
      milestones.push(m);
      emit('MilestoneReported', {
        milestoneId: m.id,
        adopterCode: m.adopter,
        innovationId: m.innovation,
        originCode: '35.10',
        kind: s.kind,
        occurredOn: on(s.day),
        note: s.day % 2 ? `catatan ${s.day}` : undefined,
        evidence: [],
        mode: s.mode ?? undefined,
        knownOn: s.knownOn === null ? undefined : on(s.knownOn),
      });
    } else if (s.op === 'visit') {
      const visitId = uuid(5000 + visits.length);
      visits.push(visitId);
      const innovationIds = s.innovations.map((i) => INNOVATIONS[i] as string);
      for (const innovation of innovationIds)
        milestones.push({
          id: `${visitId}:${innovation}`,
          adopter: ADOPTERS[s.adopter] as string,
          innovation,
        });
      emit('StudyVisitReported', {
        visitId,
        hostCode: '35.10',
        visitorCode: ADOPTERS[s.adopter],
        startDate: on(s.day),
        endDate: on(s.day),
        delegationSize: 3,
        leader: 'Sekda',
        sites: [],
        innovationIds,
        evidence: [],
        knownOn: s.knownOn === null ? undefined : on(s.knownOn),
      });
    } else if (s.op === 'retractVisit') {
      const visitId = visits[s.which];
      if (visitId) emit('StudyVisitRetracted', { visitId, reason: 'double report' });
    } else {
      const m = milestones[s.which];
      if (!m || (s.op === 'retract' && m.id.includes(':'))) continue;
      const base = { milestoneId: m.id, adopterCode: m.adopter, innovationId: m.innovation };
      if (s.op === 'retract') emit('MilestoneRetracted', { ...base, reason: 'wrong' });
      else if (s.op === 'verify') emit('MilestoneVerified', { ...base, note: 'checked' });
      else if (s.op === 'evidence')
        emit('MilestoneEvidenceAdded', {
          ...base,
          evidence: [{ kind: 'DOCUMENT', title: `Notulen ${s.which}` }],
        });
      else emit('MilestoneRejected', { ...base, reason: 'no evidence' });
    }
  }
  return out;
}

/** Every table and index of every projection, as rows in a stable order. */
function dump(db: ReturnType<typeof openReadModel>) {
  const tables: Record<string, unknown[]> = {};
  for (const p of projections)
    for (const table of p.tables) {
      const name = physicalTable(p)(table);
      tables[name] = db
        .prepare(`SELECT * FROM ${name}`)
        .all()
        .map((r) => JSON.stringify(r))
        .sort();
    }
  const indexes = db
    .prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
    .all();
  return { tables, indexes };
}

function live(events: RecordedEvent[]) {
  const db = openReadModel(':memory:');
  for (const p of projections) {
    const t = physicalTable(p);
    p.migrate(db, t);
    const apply = p.prepare(db, t);
    const handles = new Set<string>(p.handles);
    for (const event of events) {
      const decoded = decode(event);
      if (decoded && handles.has(decoded.type)) db.transaction(() => apply(decoded))();
    }
    p.readIndexes?.(db, t);
  }
  return dump(db);
}

async function bulk(events: RecordedEvent[], batchSize: number) {
  const db = openReadModel(':memory:');
  async function* source(): AsyncIterable<DecodedBatch> {
    for (let i = 0; i < events.length; i += batchSize) {
      const slice = events.slice(i, i + batchSize);
      yield {
        events: slice.map(decode).filter((e) => e !== undefined),
        position: slice.at(-1)?.position ?? 0n,
      };
    }
  }
  await buildInBulk(db, source(), projections, { alone: batchSize % 2 === 0 });
  return dump(db);
}

describe('the bulk build', () => {
  it('leaves the same tables as the live path, on random event sequences', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 60 }),
        fc.integer({ min: 1, max: 25 }),
        async (steps, batchSize) => {
          const events = eventsOf(steps);
          expect(await bulk(events, batchSize)).toEqual(live(events));
        },
      ),
      { numRuns: 150 },
    );
  });
});
