import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MilestoneKind, rankOfKind, stageOfRank } from '../../src/domain/adoption/stages.js';
import { physicalTable } from '../../src/read-model/versions.js';
import type { ProjectedEvent } from '../projection.js';
import { adoptionsProjection } from './projection.js';

/**
 * The adoptions projection keeps each adoption's stage, count, dates and suspension up to date
 * incrementally. Whatever the order of reports, retractions, study visits and suspensions, every
 * row must equal what adding the adoption's milestones up from scratch gives.
 */
const ADOPTERS = ['16.04', '76.01'];
const INNOVATIONS = ['banyuwangi-mal-pelayanan-publik', 'banyuwangi-smart-kampung'];
/** Every kind a report can carry (a study visit comes through its own event). */
const KINDS = MilestoneKind.options.filter((kind) => kind !== 'STUDY_VISIT');

type Step =
  | { op: 'report'; adopter: number; innovation: number; kind: MilestoneKind; day: number }
  | { op: 'visit'; adopter: number; innovations: number[]; day: number }
  | { op: 'retract'; which: number }
  | { op: 'retractVisit'; which: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('report' as const),
    adopter: fc.nat(1),
    innovation: fc.nat(1),
    kind: fc.constantFrom(...KINDS),
    day: fc.integer({ min: 1, max: 28 }),
  }),
  fc.record({
    op: fc.constant('visit' as const),
    adopter: fc.nat(1),
    innovations: fc.uniqueArray(fc.nat(1), { minLength: 1, maxLength: 2 }),
    day: fc.integer({ min: 1, max: 28 }),
  }),
  fc.record({ op: fc.constant('retract' as const), which: fc.nat(20) }),
  fc.record({ op: fc.constant('retractVisit' as const), which: fc.nat(5) }),
);

interface Fact {
  id: string;
  adopter: string;
  innovation: string;
  kind: MilestoneKind;
  on: string;
  position: number;
  visit?: string;
  retracted: boolean;
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function play(steps: Step[]) {
  const db = new Database(':memory:');
  const t = physicalTable(adoptionsProjection);
  adoptionsProjection.migrate(db, t);
  const apply = adoptionsProjection.prepare(db, t);
  const facts: Fact[] = [];
  const visits: string[] = [];
  let position = 0;
  const emit = (type: string, data: unknown) => {
    position += 1;
    apply({
      id: uuid(position),
      type,
      data,
      metadata: { actor: 'test' },
      streamName: 'test',
      revision: 0n,
      position: BigInt(position),
      recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, position)),
    } as ProjectedEvent);
  };
  for (const s of steps) {
    if (s.op === 'report') {
      const fact: Fact = {
        id: uuid(1000 + facts.length),
        adopter: ADOPTERS[s.adopter] as string,
        innovation: INNOVATIONS[s.innovation] as string,
        kind: s.kind,
        on: `2024-02-${String(s.day).padStart(2, '0')}`,
        position: position + 1,
        retracted: false,
      };
      facts.push(fact);
      emit('MilestoneReported', {
        milestoneId: fact.id,
        adopterCode: fact.adopter,
        innovationId: fact.innovation,
        originCode: '35.10',
        kind: fact.kind,
        occurredOn: fact.on,
        evidence: [],
      });
    } else if (s.op === 'visit') {
      const visitId = uuid(5000 + visits.length);
      visits.push(visitId);
      const on = `2024-02-${String(s.day).padStart(2, '0')}`;
      const innovationIds = s.innovations.map((i) => INNOVATIONS[i] as string);
      for (const innovation of innovationIds)
        facts.push({
          id: `${visitId}:${innovation}`,
          adopter: ADOPTERS[s.adopter] as string,
          innovation,
          kind: 'STUDY_VISIT',
          on,
          position: position + 1,
          visit: visitId,
          retracted: false,
        });
      emit('StudyVisitReported', {
        visitId,
        hostCode: '35.10',
        visitorCode: ADOPTERS[s.adopter],
        startDate: on,
        endDate: on,
        delegationSize: 3,
        leader: 'Sekda',
        sites: [],
        innovationIds,
        evidence: [],
      });
    } else if (s.op === 'retract') {
      const fact = facts.filter((f) => !f.visit && !f.retracted)[s.which];
      if (!fact) continue;
      fact.retracted = true;
      emit('MilestoneRetracted', {
        milestoneId: fact.id,
        adopterCode: fact.adopter,
        innovationId: fact.innovation,
        reason: 'wrong',
      });
    } else {
      const visitId = visits[s.which];
      if (!visitId || facts.some((f) => f.visit === visitId && f.retracted)) continue;
      for (const f of facts) if (f.visit === visitId) f.retracted = true;
      emit('StudyVisitRetracted', { visitId, reason: 'double report' });
    }
  }
  const rows = db
    .prepare(
      `SELECT adopter_code, innovation_id, stage_rank, stage, suspended, milestone_count,
         first_occurred_on, last_occurred_on FROM ${t('adoptions')} ORDER BY 1, 2`,
    )
    .all();
  db.close();
  return { rows, facts };
}

/** The adoption added up from scratch, as the brief defines it. */
function expected(facts: Fact[]) {
  const keys = [...new Set(facts.map((f) => `${f.adopter}|${f.innovation}`))].sort();
  return keys.map((key) => {
    const [adopter, innovation] = key.split('|') as [string, string];
    const counting = facts.filter(
      (f) => f.adopter === adopter && f.innovation === innovation && !f.retracted,
    );
    const rank = Math.max(0, ...counting.map((f) => rankOfKind(f.kind)));
    const switches = counting
      .filter((f) => f.kind === 'SUSPENDED' || f.kind === 'RESUMED')
      .sort((a, b) => a.on.localeCompare(b.on) || a.position - b.position);
    const dates = counting.map((f) => f.on).sort();
    return {
      adopter_code: adopter,
      innovation_id: innovation,
      stage_rank: rank,
      stage: stageOfRank(rank),
      suspended: switches.at(-1)?.kind === 'SUSPENDED' ? 1 : 0,
      milestone_count: counting.length,
      first_occurred_on: dates[0] ?? null,
      last_occurred_on: dates.at(-1) ?? null,
    };
  });
}

describe('adoptions projection', () => {
  it('keeps every adoption equal to its milestones added up from scratch', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { rows, facts } = play(steps);
        expect(rows).toEqual(expected(facts));
      }),
      { numRuns: 300 },
    );
  });
});
