/**
 * A deterministic synthetic national dataset, made of real domain events: every event comes out
 * of the aggregates' deciders (so it obeys the domain rules) and is checked against its zod
 * schema, exactly as the command handler does before appending.
 *
 * At scale 1: all 514 regencies, 3,000 innovations, 60,000 adoptions, 6,000 study visits and
 * about 1,000,000 events. Banyuwangi (35.10) originates the first innovations and each of them
 * has many adopters (40 at scale 1), so the flagship query has something to chew on.
 */
import { adoptionDecider } from '../src/domain/adoption/decide.js';
import { type AdoptionEvent, adoptionStream } from '../src/domain/adoption/events.js';
import type { MilestoneKind } from '../src/domain/adoption/stages.js';
import { eventSchemas } from '../src/domain/events.js';
import { innovationDecider } from '../src/domain/innovation/decide.js';
import { innovationStream } from '../src/domain/innovation/events.js';
import { studyVisitDecider } from '../src/domain/study-visit/decide.js';
import { studyVisitStream } from '../src/domain/study-visit/events.js';
import type { EventData } from '../src/eventstore/port.js';

export interface DatasetShape {
  regencies: number;
  innovations: number;
  adoptions: number;
  visits: number;
  /** Total events aimed at (innovations + visits + milestones and retractions). */
  events: number;
  /** Innovations Banyuwangi originates, and adopters of each. */
  banyuwangiInnovations: number;
  banyuwangiAdopters: number;
}

export function shapeFor(scale: number, regencies: number): DatasetShape {
  const innovations = Math.max(40, Math.round(3000 * scale));
  const adoptions = Math.max(400, Math.round(60_000 * scale));
  return {
    regencies,
    innovations,
    adoptions,
    visits: Math.max(40, Math.round(6000 * scale)),
    events: Math.max(8000, Math.round(1_000_000 * scale)),
    banyuwangiInnovations: 10,
    banyuwangiAdopters: Math.min(regencies - 1, Math.max(20, Math.round(40 * Math.sqrt(scale)))),
  };
}

/** mulberry32: a small, fast, seedable PRNG, so every run writes the same dataset. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let clock = Date.UTC(2025, 0, 1);

/**
 * A UUIDv7 from the PRNG, time-ordered like the ids the command handler makes (src/application/
 * ids.ts): 48 bits of a clock that moves on by a millisecond per id, then random bits. The same
 * seed gives the same ids; every one is valid for `z.uuid()`.
 */
export function uuidFrom(random: () => number): string {
  const hex = (clock++).toString(16).padStart(12, '0').split('');
  for (let i = 12; i < 32; i++) hex.push(Math.floor(random() * 16).toString(16));
  hex[12] = '7';
  hex[16] = (8 + Math.floor(random() * 4)).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface StreamBatch {
  stream: string;
  events: EventData[];
}

interface Innovation {
  id: string;
  originCode: string;
}

const STAGE_KINDS: MilestoneKind[] = [
  'INTEREST_DECLARED',
  'AGREEMENT_SIGNED',
  'REGULATION_ENACTED',
  'BUDGET_ALLOCATED',
  'PILOT_STARTED',
  'SERVICE_LAUNCHED',
];
const TODAY = '2026-11-01';
const DAY = 86_400_000;
const BENCH_ACTOR = { actor: 'bench:synthetic' };

const dateAfter = (base: number, days: number) =>
  new Date(base + days * DAY).toISOString().slice(0, 10);

/** Turns decided domain events into events to append, validating each payload like the handler. */
function toEventData(
  events: Array<{ type: string; data: unknown }>,
  random: () => number,
): EventData[] {
  return events.map((event) => {
    eventSchemas[event.type as keyof typeof eventSchemas].parse(event.data);
    return { id: uuidFrom(random), type: event.type, data: event.data, metadata: BENCH_ACTOR };
  });
}

/**
 * The dataset as two phases: `innovations` (to append first, since every other stream refers to
 * them) and `streams` (study visits and adoption streams, in any order).
 */
export function generateDataset(shape: DatasetShape, regencyCodes: readonly string[], seed = 6) {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const others = regencyCodes.filter((c) => c !== '35.10');

  const innovations: Innovation[] = [];
  for (let i = 0; i < shape.innovations; i++) {
    const originCode = i < shape.banyuwangiInnovations ? '35.10' : pick(others);
    innovations.push({ id: `synthetic-${originCode.replace('.', '')}-inovasi-${i}`, originCode });
  }

  // Adoption pairs: Banyuwangi's innovations first (many adopters each), then a skewed spread.
  const pairs: Array<{ adopter: string; innovation: Innovation }> = [];
  const seen = new Set<string>();
  const addPair = (adopter: string, innovation: Innovation) => {
    const key = `${adopter}|${innovation.id}`;
    if (adopter === innovation.originCode || seen.has(key)) return;
    seen.add(key);
    pairs.push({ adopter, innovation });
  };
  for (const innovation of innovations.slice(0, shape.banyuwangiInnovations))
    while (pairs.filter((p) => p.innovation === innovation).length < shape.banyuwangiAdopters)
      addPair(pick(others), innovation);
  // Everyone else: skewed towards the first (older, better known) innovations.
  const rest = innovations.slice(shape.banyuwangiInnovations);
  while (pairs.length < shape.adoptions) {
    const innovation = rest[Math.floor(random() ** 2 * rest.length)] as Innovation;
    addPair(pick(regencyCodes), innovation);
  }

  const milestoneBudget = shape.events - shape.innovations - shape.visits;
  const meanPerAdoption = milestoneBudget / shape.adoptions;

  function* innovationStreams(): Generator<StreamBatch> {
    for (const [i, innovation] of innovations.entries()) {
      const events = innovationDecider.decide(
        {
          type: 'RegisterInnovation',
          data: {
            innovationId: innovation.id,
            originCode: innovation.originCode,
            name: `Inovasi sintetis ${i}`,
            category: i % 3 === 0 ? 'GOVERNANCE' : 'PUBLIC_SERVICE',
            digital: i % 2 === 0,
            launchedOn: dateAfter(Date.UTC(2012, 0, 1), i % 1400),
            evidence: [{ kind: 'DOCUMENT', title: `Profil inovasi ${i}` }],
          },
        },
        innovationDecider.initialState,
      );
      yield { stream: innovationStream(innovation.id), events: toEventData(events, random) };
    }
  }

  function* otherStreams(): Generator<StreamBatch> {
    let visitsLeft = shape.visits;
    for (const [index, { adopter, innovation }] of pairs.entries()) {
      // A study visit for about every tenth adoption, until the visits are used up.
      if (visitsLeft > 0 && index % Math.max(1, Math.floor(pairs.length / shape.visits)) === 0) {
        visitsLeft--;
        const visitId = uuidFrom(random);
        const start = dateAfter(Date.UTC(2015, 0, 1), Math.floor(random() * 365));
        const events = studyVisitDecider.decide(
          {
            type: 'ReportStudyVisit',
            data: {
              visitId,
              hostCode: innovation.originCode,
              visitorCode: adopter,
              startDate: start,
              endDate: start,
              delegationSize: 1 + Math.floor(random() * 60),
              leader: 'Bupati',
              sites: [{ name: 'Kantor bupati' }],
              innovationIds: [innovation.id],
              evidence: [{ kind: 'NEWS', title: 'Berita kunjungan kerja' }],
            },
            originOf: { [innovation.id]: innovation.originCode },
            today: TODAY,
          },
          studyVisitDecider.initialState,
        );
        yield { stream: studyVisitStream(visitId), events: toEventData(events, random) };
      }
      yield adoptionStreamFor(adopter, innovation);
    }
  }

  function adoptionStreamFor(adopter: string, innovation: Innovation): StreamBatch {
    const target = Math.max(1, Math.round(meanPerAdoption * (0.5 + random())));
    const stages = 1 + Math.floor(random() * STAGE_KINDS.length);
    let state = adoptionDecider.initialState;
    const decided: AdoptionEvent[] = [];
    const base = Date.UTC(2016, 0, 1) + Math.floor(random() * 1500) * DAY;
    let day = 0;
    let suspended = false;
    const evaluated: string[] = [];
    const run = (command: Parameters<typeof adoptionDecider.decide>[0]) => {
      const events = adoptionDecider.decide(command, state);
      state = events.reduce(adoptionDecider.evolve, state);
      decided.push(...events);
    };
    const report = (kind: MilestoneKind) => {
      const milestoneId = uuidFrom(random);
      day += 1 + Math.floor(random() * 3);
      run({
        type: 'ReportMilestone',
        data: {
          milestoneId,
          adopterCode: adopter,
          innovationId: innovation.id,
          originCode: innovation.originCode,
          kind,
          occurredOn: dateAfter(base, day),
          evidence: [{ kind: 'DOCUMENT', title: `Dokumen ${kind.toLowerCase()}` }],
          mode: 'ADAPTATION',
        },
        today: TODAY,
      });
      return milestoneId;
    };
    for (let s = 0; s < stages && decided.length < target; s++)
      report(STAGE_KINDS[s] as MilestoneKind);
    while (decided.length < target) {
      const roll = random();
      if (suspended) {
        report('RESUMED');
        suspended = false;
      } else if (roll < 0.05) {
        report('SUSPENDED');
        suspended = true;
      } else if (roll < 0.08 && evaluated.length > 0) {
        const milestoneId = evaluated.pop() as string;
        run({
          type: 'RetractMilestone',
          data: {
            milestoneId,
            adopterCode: adopter,
            innovationId: innovation.id,
            reason: 'dilaporkan ganda',
          },
        });
      } else evaluated.push(report('EVALUATED'));
    }
    return {
      stream: adoptionStream(adopter, innovation.id),
      events: toEventData(decided, random),
    };
  }

  return { innovations: innovationStreams(), streams: otherStreams(), pairs: pairs.length };
}
