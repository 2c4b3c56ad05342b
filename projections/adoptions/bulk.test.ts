import { describe, expect, it } from 'vitest';
import { MilestoneKind } from '../../src/domain/adoption/stages.js';
import type { RecordedEvent } from '../../src/eventstore/port.js';
import { openReadModel } from '../../src/read-model/database.js';
import { decode } from '../../src/read-model/decode.js';
import { physicalTable } from '../../src/read-model/versions.js';
import type { ProjectedEvent } from '../projection.js';
import { adoptionsProjection } from './projection.js';

/**
 * The bulk fold keeps each adoption in a slot of typed arrays, found through a hash table, both
 * grown as adoptions come (from 1,024 slots). Over a few thousand adoptions — past two growths,
 * with hash collisions, same-day suspension switches, retractions and log positions past 2^53 —
 * its rows must equal the live form's, row for row (bulk.property.test.ts holds every projection
 * to this on small random sequences, which stay within the first 1,024 slots).
 */
/** Log positions above 2^53 (as a KurrentDB commit position may be): the fold keeps them exact. */
const FAR = 2n ** 53n;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const KINDS = MilestoneKind.options.filter((kind) => kind !== 'STUDY_VISIT');

/** A fixed pseudo-random sequence (the same on every run). */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return (s >>> 8) % n;
  };
}

function eventsOf(count: number): ProjectedEvent[] {
  const pick = random(14);
  const adopters = Array.from({ length: 70 }, (_, i) => `${11 + i}.${10 + ((i * 7) % 80)}`);
  const innovations = Array.from({ length: 60 }, (_, i) => `inovasi-${i}`);
  type Reported = { id: string; adopterCode: string; innovationId: string; visit?: string };
  const reported: Reported[] = [];
  const events: ProjectedEvent[] = [];
  const emit = (type: string, data: unknown) => {
    const n = events.length + 1;
    const recorded: RecordedEvent = {
      id: uuid(n),
      streamName: 'test',
      revision: 0n,
      position: FAR + BigInt(n),
      type,
      data,
      metadata: { actor: 'system:test' },
      recordedAt: new Date(Date.UTC(2026, 0, 1) + n * 1000),
    };
    const decoded = decode(recorded);
    if (!decoded) throw new Error(`not an event: ${type}`);
    events.push(decoded);
  };
  const day = (d: number) => `2024-0${1 + (d % 9)}-${String(1 + (d % 28)).padStart(2, '0')}`;
  while (events.length < count) {
    const adopterCode = adopters[pick(adopters.length)] as string;
    const innovationId = innovations[pick(innovations.length)] as string;
    const roll = pick(20);
    if (roll < 14) {
      const id = uuid(100_000 + reported.length);
      reported.push({ id, adopterCode, innovationId });
      const kind = roll < 3 ? (pick(2) ? 'SUSPENDED' : 'RESUMED') : KINDS[pick(KINDS.length)];
      emit('MilestoneReported', {
        milestoneId: id,
        adopterCode,
        innovationId,
        originCode: '35.10',
        kind,
        // Switches crowd on two days, so same-day switches (reporting order decides) occur.
        occurredOn: roll < 3 ? day(pick(2)) : day(pick(300)),
        evidence: [],
      });
    } else if (roll < 16) {
      const visitId = uuid(200_000 + events.length);
      const covered = [innovationId, innovations[pick(innovations.length)] as string];
      const innovationIds = [...new Set(covered)];
      for (const i of innovationIds)
        reported.push({ id: `${visitId}:${i}`, adopterCode, innovationId: i, visit: visitId });
      emit('StudyVisitReported', {
        visitId,
        hostCode: '35.10',
        visitorCode: adopterCode,
        startDate: day(pick(300)),
        endDate: day(pick(300)),
        delegationSize: 4,
        leader: 'Sekda',
        sites: [],
        innovationIds,
        evidence: [],
      });
    } else if (reported.length > 0) {
      const { id, visit, ...adoption } = reported[pick(reported.length)] as Reported;
      if (visit) emit('StudyVisitRetracted', { visitId: visit, reason: 'double report' });
      else emit('MilestoneRetracted', { milestoneId: id, ...adoption, reason: 'wrong' });
    }
  }
  return events;
}

function rows(events: ProjectedEvent[], form: 'live' | 'bulk') {
  const db = openReadModel(':memory:');
  const t = physicalTable(adoptionsProjection);
  adoptionsProjection.migrate(db, t);
  db.transaction(() => {
    if (form === 'live') {
      const apply = adoptionsProjection.prepare(db, t);
      for (const event of events) apply(event);
    } else {
      const fold = adoptionsProjection.bulk?.(db, t);
      if (!fold) throw new Error('the adoptions projection has a bulk form');
      for (const event of events) fold.apply(event);
      fold.finish();
    }
  })();
  const all = (table: string) =>
    db
      .prepare(`SELECT * FROM ${t(table)} ORDER BY 1, 2`)
      .safeIntegers(true)
      .all() as Array<Record<string, unknown>>;
  return { adoptions: all('adoptions'), milestones: all('milestones') };
}

describe('the adoptions bulk fold', () => {
  it('writes the rows the live form writes, over thousands of adoptions', () => {
    const events = eventsOf(12_000);
    const bulk = rows(events, 'bulk');
    expect(bulk.adoptions.length).toBeGreaterThan(2048);
    expect(bulk.adoptions.filter((a) => a.suspended === 1n).length).toBeGreaterThan(0);
    expect(bulk.milestones.filter((m) => m.retracted === 1n).length).toBeGreaterThan(0);
    expect(bulk).toEqual(rows(events, 'live'));
  });
});
