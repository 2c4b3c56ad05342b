import fc from 'fast-check';
import { MilestoneKind, ReplicationMode } from '../../src/domain/adoption/stages.js';
import type { RecordedEvent } from '../../src/eventstore/port.js';

/**
 * Random histories of adoptions for property tests: reports (with and without a replication mode
 * or an import's known-on date), suspension switches crowded on a few days, study visits,
 * retractions, verdicts and added evidence, by three adopters of two innovations, in February
 * 2024 (`day` 1–28). `eventsOf` turns steps into recorded events, every one valid for its schema.
 */
export const ADOPTERS = ['16.04', '76.01', '33.01'];
export const INNOVATIONS = ['banyuwangi-mal-pelayanan-publik', 'banyuwangi-smart-kampung'];
const KINDS = MilestoneKind.options.filter((kind) => kind !== 'STUDY_VISIT');
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export type Step =
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
export const step: fc.Arbitrary<Step> = fc.oneof(
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
export function eventsOf(steps: Step[]): RecordedEvent[] {
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
