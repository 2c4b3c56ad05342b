import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/application/clock.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * The questions ministry analysts ask, told over real HTTP against a server whose clock the
 * story controls: reports are recorded on the dates officers sent them (the embedded store
 * stamps recordedAt from the server's clock), including one sent in 2025 about a launch in 2023,
 * and one retracted in 2024. Every expected number below is worked out by hand from these reports.
 *
 * Mal Pelayanan Publik (MPP, Banyuwangi 35.10):
 *   Lahat 16.04       STUDY_VISIT 2019-02-25 (rec. 2019-03-01), AGREEMENT 2024-03-01 (rec. 2024-03-05),
 *                     PILOT 2024-03-28 (rec. 2024-04-01)
 *   Pasangkayu 76.01  STUDY_VISIT 2019-02-25 (rec. 2019-03-01), BUDGET 2023-09-13 (rec. 2023-10-04)
 *   Muara Enim 16.03  STUDY_VISIT 2019-05-10 (rec. 2019-06-01), REGULATION 2020-01-15 (rec. 2020-02-01),
 *                     LAUNCH 2023-08-17 (rec. 2025-02-01: the late report)
 *   Palembang 16.71   INTEREST 2022-04-01 (rec. 2022-04-02), AGREEMENT 2023-05-05 (rec. 2023-05-06,
 *                     retracted 2024-09-01)
 * Smart Kampung (Banyuwangi): studied by Lahat and Pasangkayu on the same 2019 visit.
 */
let now = new Date('2019-03-01T02:00:00.000Z');
const clock: Clock = { now: () => now };
const at = (instant: string) => {
  now = new Date(instant);
};

let server: TestServer;
const MPP = 'banyuwangi-mal-pelayanan-publik';
const KAMPUNG = 'banyuwangi-smart-kampung';
let palembangAgreement = '';

const ok = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
  server.data<T>(query, variables);

const REPORT = `mutation($input: ReportMilestoneInput!) {
  reportMilestone(input: $input) { milestones { id kind occurredOn } }
}`;
async function report(adopterCode: string, kind: string, occurredOn: string) {
  const data = await ok<{
    reportMilestone: { milestones: Array<{ id: string; kind: string; occurredOn: string }> };
  }>(REPORT, { input: { adopterCode, innovationId: MPP, kind, occurredOn } });
  const milestone = data.reportMilestone.milestones.find(
    (m) => m.kind === kind && m.occurredOn === occurredOn,
  );
  return milestone?.id ?? '';
}

async function visit(visitorCode: string, startDate: string, endDate: string, ids: string[]) {
  await ok(`mutation($input: ReportStudyVisitInput!) { reportStudyVisit(input: $input) { id } }`, {
    input: {
      hostCode: '35.10',
      visitorCode,
      startDate,
      endDate,
      delegationSize: 10,
      leader: 'Bupati',
      innovationIds: ids,
    },
  });
}

beforeAll(async () => {
  server = await startServer({ demo: false, replika: { clock } });
  at('2019-01-10T03:00:00.000Z');
  for (const [id, name, category, digital] of [
    [MPP, 'Mal Pelayanan Publik', 'PUBLIC_SERVICE', false],
    [KAMPUNG, 'Smart Kampung', 'PUBLIC_SERVICE', true],
  ] as const)
    await ok(
      `mutation($input: RegisterInnovationInput!) { registerInnovation(input: $input) { id } }`,
      { input: { id, originCode: '35.10', name, category, digital } },
    );
  at('2019-03-01T02:00:00.000Z');
  await visit('16.04', '2019-02-25', '2019-02-27', [MPP, KAMPUNG]);
  await visit('76.01', '2019-02-25', '2019-02-27', [MPP, KAMPUNG]);
  at('2019-06-01T02:00:00.000Z');
  await visit('16.03', '2019-05-10', '2019-05-11', [MPP]);
  at('2020-02-01T02:00:00.000Z');
  await report('16.03', 'REGULATION_ENACTED', '2020-01-15');
  at('2022-04-02T02:00:00.000Z');
  await report('16.71', 'INTEREST_DECLARED', '2022-04-01');
  at('2023-05-06T02:00:00.000Z');
  palembangAgreement = await report('16.71', 'AGREEMENT_SIGNED', '2023-05-05');
  at('2023-10-04T02:00:00.000Z');
  await report('76.01', 'BUDGET_ALLOCATED', '2023-09-13');
  at('2024-03-05T02:00:00.000Z');
  await report('16.04', 'AGREEMENT_SIGNED', '2024-03-01');
  at('2024-04-01T02:00:00.000Z');
  await report('16.04', 'PILOT_STARTED', '2024-03-28');
  at('2024-09-01T02:00:00.000Z');
  await ok(
    `mutation($input: RetractMilestoneInput!) { retractMilestone(input: $input) { stage } }`,
    { input: { milestoneId: palembangAgreement, reason: 'MoU belum ditandatangani' } },
  );
  at('2025-02-01T02:00:00.000Z');
  await report('16.03', 'SERVICE_LAUNCHED', '2023-08-17');
}, 60_000);
afterAll(() => server.destroy());

type Page = {
  adoptions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: { adopter: { code: string }; innovation: { id: string }; stage: string };
    }>;
  };
};
const ADOPTIONS = `query($filter: AdoptionFilter, $sort: AdoptionSort, $first: Int, $after: String,
    $asOf: Date, $knownAt: DateTime) {
  adoptions(filter: $filter, sort: $sort, first: $first, after: $after, asOf: $asOf, knownAt: $knownAt) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { adopter { code } innovation { id } stage } }
  }
}`;
const stages = (page: Page) =>
  Object.fromEntries(page.adoptions.edges.map((e) => [e.node.adopter.code, e.node.stage]));

describe('which regencies in South Sumatra have an operational MPP copied from Banyuwangi', () => {
  it('answers Muara Enim today, and nobody with what the ministry knew in mid-2024', async () => {
    const filter = {
      originCode: '35.10',
      innovationId: MPP,
      provinceCode: '16',
      minStage: 'OPERATIONAL',
    };
    const today = await ok<Page>(ADOPTIONS, { filter });
    expect(stages(today)).toEqual({ '16.03': 'OPERATIONAL' });
    expect(today.adoptions.totalCount).toBe(1);
    const mid2024 = await ok<Page>(ADOPTIONS, { filter, knownAt: '2024-06-30T00:00:00Z' });
    expect(mid2024.adoptions.totalCount).toBe(0);
  });

  it('filters by exact stage, by reported-between and occurred-between dates', async () => {
    const exact = await ok<Page>(ADOPTIONS, { filter: { innovationId: MPP, stage: 'FUNDED' } });
    expect(stages(exact)).toEqual({ '76.01': 'FUNDED' });
    // Only the late report was sent in 2025.
    const reported2025 = await ok<Page>(ADOPTIONS, {
      filter: { reportedBetween: { from: '2025-01-01', to: '2025-12-31' } },
    });
    expect(stages(reported2025)).toEqual({ '16.03': 'OPERATIONAL' });
    // What happened in 2023 and still counts: Muara Enim's launch, Pasangkayu's budget (Palembang's
    // MoU of 2023 is retracted).
    const occurred2023 = await ok<Page>(ADOPTIONS, {
      filter: { occurredBetween: { from: '2023-01-01', to: '2023-12-31' } },
    });
    expect(stages(occurred2023)).toEqual({ '16.03': 'OPERATIONAL', '76.01': 'FUNDED' });
    // ...but as known at the end of 2023, the MoU counted and the launch was not yet reported.
    const occurred2023Known = await ok<Page>(ADOPTIONS, {
      filter: { occurredBetween: { from: '2023-01-01', to: '2023-12-31' } },
      knownAt: '2023-12-31T16:59:59Z',
    });
    expect(stages(occurred2023Known)).toEqual({ '16.71': 'AGREED', '76.01': 'FUNDED' });
  });

  it('sorts by stage and pages with cursors and a total count', async () => {
    const sort = { field: 'STAGE', direction: 'DESC' };
    const filter = { innovationId: MPP };
    const first = await ok<Page>(ADOPTIONS, { filter, sort, first: 2 });
    expect(first.adoptions.totalCount).toBe(4);
    expect(first.adoptions.edges.map((e) => e.node.adopter.code)).toEqual(['16.03', '16.04']);
    expect(first.adoptions.pageInfo.hasNextPage).toBe(true);
    const second = await ok<Page>(ADOPTIONS, {
      filter,
      sort,
      first: 2,
      after: first.adoptions.pageInfo.endCursor,
    });
    expect(second.adoptions.edges.map((e) => e.node.adopter.code)).toEqual(['76.01', '16.71']);
    expect(second.adoptions.pageInfo.hasNextPage).toBe(false);
    // A cursor of another sort order is refused with the field named.
    const wrong = await server.gql(ADOPTIONS, {
      filter,
      after: first.adoptions.pageInfo.endCursor,
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('filters innovations by origin and category', async () => {
    const data = await ok<{ innovations: Array<{ id: string }> }>(
      `{ innovations(originCode: "35.10", category: PUBLIC_SERVICE, digital: false) { id } }`,
    );
    expect(data.innovations.map((i) => i.id)).toEqual([MPP]);
    const before = await ok<{ innovations: Array<{ id: string }> }>(
      `{ innovations(knownAt: "2019-01-01T00:00:00Z") { id } }`,
    );
    expect(before.innovations).toEqual([]);
  });
});

describe('what stage did they reach by the end of 2023, and what did the ministry know then', () => {
  const END_2023 = '2023-12-31';
  const KNOWN_MID_2024 = '2024-06-30T00:00:00Z';

  it('changes the asOf answer with the late report, but not the knownAt 2024 answer', async () => {
    const filter = { innovationId: MPP };
    const occurred = await ok<Page>(ADOPTIONS, { filter, asOf: END_2023 });
    // Lahat's MoU and pilot came in 2024; Muara Enim launched in Aug 2023 (reported in 2025);
    // Palembang's MoU is retracted, so as of today it never counted.
    expect(stages(occurred)).toEqual({
      '16.04': 'STUDIED',
      '76.01': 'FUNDED',
      '16.03': 'OPERATIONAL',
      '16.71': 'INTERESTED',
    });
    const known = await ok<Page>(ADOPTIONS, { filter, knownAt: KNOWN_MID_2024 });
    // In mid-2024 nobody had reported the launch, and the MoU was not yet retracted.
    expect(stages(known)).toEqual({
      '16.04': 'PILOTING',
      '76.01': 'FUNDED',
      '16.03': 'REGULATED',
      '16.71': 'AGREED',
    });
    // Innovations listed as known at an instant answer their adoptions as known then, too.
    const listed = await ok<{
      innovations: Array<{
        id: string;
        adoptions: Array<{ adopter: { code: string }; stage: string }>;
      }>;
    }>(
      `query($knownAt: DateTime) {
      innovations(knownAt: $knownAt) { id adoptions { adopter { code } stage } }
    }`,
      { knownAt: KNOWN_MID_2024 },
    );
    expect(
      Object.fromEntries(
        (listed.innovations.find((i) => i.id === MPP)?.adoptions ?? []).map((a) => [
          a.adopter.code,
          a.stage,
        ]),
      ),
    ).toEqual(stages(known));
    const both = await ok<Page>(ADOPTIONS, { filter, asOf: END_2023, knownAt: KNOWN_MID_2024 });
    expect(stages(both)).toEqual({
      '16.04': 'STUDIED',
      '76.01': 'FUNDED',
      '16.03': 'REGULATED',
      '16.71': 'AGREED',
    });
  });

  it('sees the retraction once it was recorded, on both clocks', async () => {
    const q = `query($asOf: Date, $knownAt: DateTime) {
      innovation(id: "${MPP}") {
        adoptions(asOf: $asOf, knownAt: $knownAt) {
          adopter { code } stage milestones { kind retracted }
        }
      }
    }`;
    type R = {
      innovation: {
        adoptions: Array<{
          adopter: { code: string };
          stage: string;
          milestones: Array<{ kind: string; retracted: boolean }>;
        }>;
      };
    };
    const palembang = (r: R) => r.innovation.adoptions.find((a) => a.adopter.code === '16.71');
    const before = await ok<R>(q, { knownAt: '2024-08-31T23:59:59Z' });
    expect(palembang(before)?.stage).toBe('AGREED');
    expect(palembang(before)?.milestones).toEqual([
      { kind: 'INTEREST_DECLARED', retracted: false },
      { kind: 'AGREEMENT_SIGNED', retracted: false },
    ]);
    const after = await ok<R>(q, { knownAt: '2024-09-01T02:00:00Z' });
    expect(palembang(after)?.stage).toBe('INTERESTED');
    expect(palembang(after)?.milestones.at(-1)).toEqual({
      kind: 'AGREEMENT_SIGNED',
      retracted: true,
    });
    const asOf = await ok<R>(q, { asOf: '2023-06-01' });
    expect(palembang(asOf)?.stage).toBe('INTERESTED');
    // Before 2022 Palembang had not even declared interest.
    const early = await ok<R>(q, { asOf: '2021-12-31' });
    expect(palembang(early)).toBeUndefined();
    expect(early.innovation.adoptions.map((a) => a.stage)).toEqual([
      'REGULATED',
      'STUDIED',
      'STUDIED',
    ]);
  });
});

describe('how many that studied an innovation got as far as a pilot, and how long it took', () => {
  const DIFFUSION = `query($window: DateRange, $asOf: Date, $knownAt: DateTime) {
    diffusion(innovationId: "${MPP}", window: $window, asOf: $asOf, knownAt: $knownAt) {
      innovation { id }
      adoptions
      funnel { stage reached current }
      provinces { province { code } adopters }
      studyToStage { stage adoptions medianDays p75Days }
    }
  }`;
  type D = {
    diffusion: {
      adoptions: number;
      funnel: Array<{ stage: string; reached: number; current: number }>;
      provinces: Array<{ province: { code: string }; adopters: number }>;
      studyToStage: Array<{
        stage: string;
        adoptions: number;
        medianDays: number | null;
        p75Days: number | null;
      }>;
    };
  };
  const funnel = (d: D) =>
    Object.fromEntries(d.diffusion.funnel.map((f) => [f.stage, [f.reached, f.current]]));
  const durations = (d: D) =>
    Object.fromEntries(
      d.diffusion.studyToStage.map((s) => [s.stage, [s.adoptions, s.medianDays, s.p75Days]]),
    );

  it('gives the funnel, the provinces and the days from study visit to each stage', async () => {
    const d = await ok<D>(DIFFUSION);
    expect(d.diffusion.adoptions).toBe(4);
    expect(funnel(d)).toEqual({
      INTERESTED: [4, 1],
      STUDIED: [3, 0],
      AGREED: [3, 0],
      REGULATED: [3, 0],
      FUNDED: [3, 1],
      PILOTING: [2, 1],
      OPERATIONAL: [1, 1],
    });
    expect(d.diffusion.provinces).toEqual([
      { province: { code: '16' }, adopters: 3 },
      { province: { code: '76' }, adopters: 1 },
    ]);
    // Days from the first study visit: Lahat 2019-02-25 → MoU 2024-03-01 = 1831, → pilot
    // 2024-03-28 = 1858; Pasangkayu 2019-02-25 → budget 2023-09-13 = 1661; Muara Enim
    // 2019-05-10 → regulation 2020-01-15 = 250, → launch 2023-08-17 = 1560. A later stage reaches
    // every earlier one. Percentiles interpolate: p75 of [250, 1661, 1831] = 1661 + 0.5 × 170.
    expect(durations(d)).toEqual({
      AGREED: [3, 1661, 1746],
      REGULATED: [3, 1661, 1759.5],
      FUNDED: [3, 1661, 1759.5],
      PILOTING: [2, 1709, 1783.5],
      OPERATIONAL: [1, 1560, 1560],
    });
  });

  it('answers the same figures as known in mid-2024 and within a time window', async () => {
    const known = await ok<D>(DIFFUSION, { knownAt: '2024-06-30T00:00:00Z' });
    // Palembang's MoU still counted: an AGREED adoption has reached STUDIED too (funnel).
    expect(funnel(known)).toEqual({
      INTERESTED: [4, 0],
      STUDIED: [4, 0],
      AGREED: [4, 1],
      REGULATED: [3, 1],
      FUNDED: [2, 1],
      PILOTING: [1, 1],
      OPERATIONAL: [0, 0],
    });
    expect(durations(known)).toEqual({
      AGREED: [3, 1661, 1746],
      REGULATED: [3, 1661, 1759.5],
      FUNDED: [2, 1759.5, 1808.75],
      PILOTING: [1, 1858, 1858],
      OPERATIONAL: [0, null, null],
    });
    // Only what occurred in 2019: the three study visits.
    const in2019 = await ok<D>(DIFFUSION, { window: { from: '2019-01-01', to: '2019-12-31' } });
    expect(in2019.diffusion.adoptions).toBe(3);
    expect(funnel(in2019)).toMatchObject({ STUDIED: [3, 3], AGREED: [0, 0] });
    expect(in2019.diffusion.studyToStage.every((s) => s.adoptions === 0)).toBe(true);
    const backwards = await server.gql(DIFFUSION, {
      window: { from: '2020-01-01', to: '2019-01-01' },
    });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'window',
    });
  });

  it('summarises an origin regency over its innovations', async () => {
    const data = await ok<{
      originDiffusion: {
        origin: { code: string };
        innovations: number;
        adoptions: number;
        adopters: number;
        funnel: Array<{ stage: string; reached: number }>;
        provinces: Array<{ province: { code: string }; adopters: number }>;
        perInnovation: Array<{ innovation: { id: string }; adoptions: number }>;
      };
    }>(`{ originDiffusion(originCode: "35.10") {
      origin { code } innovations adoptions adopters
      funnel { stage reached } provinces { province { code } adopters }
      perInnovation { innovation { id } adoptions }
    } }`);
    const o = data.originDiffusion;
    expect(o.origin.code).toBe('35.10');
    // MPP: 4 adoptions; Smart Kampung: Lahat and Pasangkayu. Four distinct adopters.
    expect([o.innovations, o.adoptions, o.adopters]).toEqual([2, 6, 4]);
    expect(o.funnel.find((f) => f.stage === 'STUDIED')?.reached).toBe(5);
    expect(o.provinces).toEqual([
      { province: { code: '16' }, adopters: 3 },
      { province: { code: '76' }, adopters: 1 },
    ]);
    expect(o.perInnovation).toEqual([
      { innovation: { id: MPP }, adoptions: 4 },
      { innovation: { id: KAMPUNG }, adoptions: 2 },
    ]);
  });
});

describe('who reported what, and when', () => {
  it("lists an adoption's full history from the event log, retraction included", async () => {
    const data = await ok<{
      adoptions: {
        edges: Array<{
          node: {
            history: Array<{
              type: string;
              actor: string | null;
              recordedAt: string;
              data: { kind?: string; reason?: string };
            }>;
          };
        }>;
      };
    }>(`{ adoptions(filter: { adopterCode: "16.71", innovationId: "${MPP}" }, asOf: "2022-12-31") {
      edges { node { history { type actor recordedAt data } } }
    } }`);
    const history = data.adoptions.edges[0]?.node.history ?? [];
    expect(history.map((h) => [h.type, h.recordedAt, h.data.kind ?? h.data.reason])).toEqual([
      ['MilestoneReported', '2022-04-02T02:00:00.000Z', 'INTEREST_DECLARED'],
      ['MilestoneReported', '2023-05-06T02:00:00.000Z', 'AGREEMENT_SIGNED'],
      ['MilestoneRetracted', '2024-09-01T02:00:00.000Z', 'MoU belum ditandatangani'],
    ]);
    expect(history.every((h) => typeof h.actor === 'string' && h.actor.length > 0)).toBe(true);
  });

  it('includes the study visit that counts for an adoption', async () => {
    const data = await ok<{
      adoptions: { edges: Array<{ node: { history: Array<{ type: string; stream: string }> } }> };
    }>(`{ adoptions(filter: { adopterCode: "16.04", innovationId: "${MPP}" }) {
      edges { node { history { type stream } } }
    } }`);
    expect(data.adoptions.edges[0]?.node.history.map((h) => h.type)).toEqual([
      'StudyVisitReported',
      'MilestoneReported',
      'MilestoneReported',
    ]);
  });

  it('pages through the raw log and through one stream, positions as strings', async () => {
    type E = {
      events: {
        nodes: Array<{ position: string; stream: string; revision: string; type: string }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const EVENTS = `query($stream: String, $first: Int, $after: String) {
      events(stream: $stream, first: $first, after: $after) {
        nodes { position stream revision type } pageInfo { hasNextPage endCursor }
      }
    }`;
    const head = await server.head();
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const page: E = await ok<E>(EVENTS, { first: 4, after });
      seen.push(...page.events.nodes.map((n) => n.position));
      after = page.events.pageInfo.endCursor;
      if (!page.events.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(Array.from({ length: Number(head) }, (_, i) => String(i + 1)));
    const stream = await ok<E>(EVENTS, { stream: `adoption-16.71_${MPP}`, first: 2 });
    expect(stream.events.nodes.map((n) => [n.revision, n.type])).toEqual([
      ['0', 'MilestoneReported'],
      ['1', 'MilestoneReported'],
    ]);
    const rest = await ok<E>(EVENTS, {
      stream: `adoption-16.71_${MPP}`,
      after: stream.events.pageInfo.endCursor,
    });
    expect(rest.events.nodes.map((n) => [n.revision, n.type])).toEqual([
      ['2', 'MilestoneRetracted'],
    ]);
    expect(rest.events.pageInfo.hasNextPage).toBe(false);
  });
});
