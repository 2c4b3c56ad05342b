import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAPOR, MPP, type SeededIds, SMART, seedFigures } from '../support/figures-dataset.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * The analysts' figures over HTTP on the small dataset of test/support/figures-dataset.ts; every
 * expected answer below is added up by hand from that table.
 */
let server: TestServer;
let ids: SeededIds;
beforeAll(async () => {
  server = await startServer({ demo: false });
  ids = await seedFigures(server);
});
afterAll(() => server.destroy());

const ask = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
  server.data<T>(query, variables);

type Ranking = Array<{ rank: number; count: number; key: string }>;
const INNOVATION_RANKS = `rank count innovation { id }`;
async function topInnovations(args: string): Promise<Ranking> {
  const data = await ask<{
    topInnovations: Array<{ rank: number; count: number; innovation: { id: string } }>;
  }>(`{ topInnovations${args} { ${INNOVATION_RANKS} } }`);
  return data.topInnovations.map((r) => ({ rank: r.rank, count: r.count, key: r.innovation.id }));
}

describe('rankings', () => {
  it('ranks innovations by adopters that reached AGREED, nationally', async () => {
    // MPP: Lahat, Pasangkayu, OKU, Kab. Semarang; Smart Kampung: Lahat, Kotabaru; e-Lapor: Lahat.
    expect(await topInnovations('')).toEqual([
      { rank: 1, count: 4, key: MPP },
      { rank: 2, count: 2, key: SMART },
      { rank: 3, count: 1, key: LAPOR },
    ]);
    // Only Lahat's and Pasangkayu's MPP were launched.
    expect(await topInnovations('(minStage: OPERATIONAL)')).toEqual([
      { rank: 1, count: 2, key: MPP },
    ]);
    expect(await topInnovations('(first: 1)')).toEqual([{ rank: 1, count: 4, key: MPP }]);
  });

  it('ranks within a province, a period, a category and a replication mode', async () => {
    // South Sumatra (16): MPP by Lahat and OKU; Smart Kampung and e-Lapor by Lahat.
    expect(await topInnovations('(filter: { provinceCode: "16" })')).toEqual([
      { rank: 1, count: 2, key: MPP },
      { rank: 2, count: 1, key: SMART },
      { rank: 2, count: 1, key: LAPOR },
    ]);
    // MoUs of 2019: MPP by Lahat (06-01) and Kab. Semarang (02-27); Smart Kampung by Lahat and Kotabaru.
    expect(
      await topInnovations('(filter: { period: { from: "2019-01-01", to: "2019-12-31" } })'),
    ).toEqual([
      { rank: 1, count: 2, key: MPP },
      { rank: 1, count: 2, key: SMART },
    ]);
    expect(await topInnovations('(filter: { category: GOVERNANCE })')).toEqual([
      { rank: 1, count: 2, key: SMART },
    ]);
    // Pasangkayu's latest mode is ADAPTATION (its launch); OKU's is ADOPTION.
    expect(await topInnovations('(filter: { mode: ADAPTATION })')).toEqual([
      { rank: 1, count: 1, key: MPP },
    ]);
    expect(await topInnovations('(filter: { mode: ADOPTION })')).toEqual([
      { rank: 1, count: 1, key: MPP },
    ]);
  });

  it('ranks adopters and origins', async () => {
    const data = await ask<{
      topAdopters: Array<{ rank: number; count: number; regency: { code: string } }>;
      topOrigins: Array<{ rank: number; count: number; regency: { code: string; name: string } }>;
    }>(
      `{ topAdopters { rank count regency { code } } topOrigins { rank count regency { code name } } }`,
    );
    expect(data.topAdopters.map((r) => [r.rank, r.regency.code, r.count])).toEqual([
      [1, '16.04', 3],
      [2, '16.01', 1],
      [2, '33.22', 1],
      [2, '63.02', 1],
      [2, '76.01', 1],
    ]);
    // Banyuwangi: 4 MPP + 2 Smart Kampung adoptions; Kota Semarang: 1 e-Lapor.
    expect(data.topOrigins.map((r) => [r.rank, r.regency.code, r.count])).toEqual([
      [1, '35.10', 6],
      [2, '33.74', 1],
    ]);
    expect(data.topOrigins[0]?.regency.name).toBe('Kabupaten Banyuwangi');
  });

  it('ranks provinces by adopting regencies, the figure a map colours by', async () => {
    const provinces = async (args: string) =>
      (
        await ask<{
          topProvinces: Array<{
            rank: number;
            count: number;
            adoptions: number;
            province: { code: string; name: string };
          }>;
        }>(`{ topProvinces${args} { rank count adoptions province { code name } } }`)
      ).topProvinces.map((r) => [r.rank, r.province.code, r.count, r.adoptions]);
    // South Sumatra: Lahat (3 adoptions) and OKU (1); Central Java: Kab. Semarang; South
    // Kalimantan: Kotabaru; West Sulawesi: Pasangkayu.
    expect(await provinces('')).toEqual([
      [1, '16', 2, 4],
      [2, '33', 1, 1],
      [2, '63', 1, 1],
      [2, '76', 1, 1],
    ]);
    // Launched: Lahat's and Pasangkayu's MPP.
    expect(await provinces('(minStage: OPERATIONAL)')).toEqual([
      [1, '16', 1, 1],
      [1, '76', 1, 1],
    ]);
    // MoUs of 2019: Lahat (MPP, Smart Kampung), Kab. Semarang (MPP), Kotabaru (Smart Kampung).
    expect(
      await provinces('(filter: { period: { from: "2019-01-01", to: "2019-12-31" } })'),
    ).toEqual([
      [1, '16', 1, 2],
      [1, '33', 1, 1],
      [1, '63', 1, 1],
    ]);
    const [first] = (
      await ask<{ topProvinces: Array<{ province: { name: string } }> }>(
        '{ topProvinces(first: 1) { province { name } } }',
      )
    ).topProvinces;
    expect(first?.province.name).toBe('Sumatera Selatan');
  });
});

type Curve = {
  adoptionCurve: {
    adoptions: number;
    adopters: number;
    periods: Array<{
      period: string;
      from: string;
      to: string;
      adoptions: number;
      cumulativeAdoptions: number;
      adopters: number;
      cumulativeAdopters: number;
    }>;
  };
};
const CURVE = `adoptions adopters periods { period from to adoptions cumulativeAdoptions adopters cumulativeAdopters }`;
const row = (p: Curve['adoptionCurve']['periods'][number]) =>
  [p.period, p.adoptions, p.cumulativeAdoptions, p.adopters, p.cumulativeAdopters] as const;

describe('adoption curves', () => {
  it("answers a province's curve by year, empty years included", async () => {
    // South Sumatra, AGREED: 2019 Lahat's MPP and Smart Kampung MoUs; 2021 OKU's MPP; 2022
    // Lahat's e-Lapor (Lahat was already counted as an adopter in 2019).
    const { adoptionCurve } = await ask<Curve>(
      `{ adoptionCurve(provinceCode: "16") { ${CURVE} } }`,
    );
    expect(adoptionCurve.periods.map(row)).toEqual([
      ['2019', 2, 2, 1, 1],
      ['2020', 0, 2, 0, 1],
      ['2021', 1, 3, 1, 2],
      ['2022', 1, 4, 0, 2],
    ]);
    expect(adoptionCurve.periods[0]).toMatchObject({ from: '2019-01-01', to: '2019-12-31' });
    expect([adoptionCurve.adoptions, adoptionCurve.adopters]).toEqual([4, 2]);
  });

  it("answers an innovation's curve by quarter, and nationally when no scope is given", async () => {
    const { adoptionCurve } = await ask<Curve>(
      `{ adoptionCurve(innovationId: "${MPP}", interval: QUARTER) { ${CURVE} } }`,
    );
    // MPP MoUs: 2019-02-27 Semarang, 2019-06-01 Lahat, 2020-01-15 Pasangkayu, 2021-05-10 OKU.
    expect(adoptionCurve.periods.map((p) => [p.period, p.adoptions])).toEqual([
      ['2019-Q1', 1],
      ['2019-Q2', 1],
      ['2019-Q3', 0],
      ['2019-Q4', 0],
      ['2020-Q1', 1],
      ['2020-Q2', 0],
      ['2020-Q3', 0],
      ['2020-Q4', 0],
      ['2021-Q1', 0],
      ['2021-Q2', 1],
    ]);
    expect(adoptionCurve.periods[1]).toMatchObject({ from: '2019-04-01', to: '2019-06-30' });
    const national = await ask<Curve>(`{ adoptionCurve(stage: OPERATIONAL) { ${CURVE} } }`);
    // Launches: Pasangkayu 2021-02-24, Lahat 2024-09-25.
    expect(national.adoptionCurve.periods.map((p) => [p.period, p.cumulativeAdoptions])).toEqual([
      ['2021', 1],
      ['2022', 1],
      ['2023', 1],
      ['2024', 2],
    ]);
  });

  it('counts by when milestones were reported on the KNOWN clock', async () => {
    const { adoptionCurve } = await ask<Curve>(
      `{ adoptionCurve(innovationId: "${MPP}", clock: KNOWN) { ${CURVE} } }`,
    );
    // Every report was sent by this test, this year.
    const year = String(new Date().getUTCFullYear());
    expect(adoptionCurve.periods.map(row)).toEqual([[year, 4, 4, 4, 4]]);
  });
});

type Timing = {
  timeToStage: {
    adoptions: number;
    stages: Array<{
      stage: string;
      adoptions: number;
      minDays: number | null;
      q1Days: number | null;
      medianDays: number | null;
      q3Days: number | null;
      maxDays: number | null;
      medianMonths: number | null;
    }>;
  };
};
const TIMING = `adoptions stages { stage adoptions minDays q1Days medianDays q3Days maxDays medianMonths }`;

describe('time to stage', () => {
  it('answers the median months from study visit to launch nationally, and quartiles to AGREED', async () => {
    const { timeToStage } = await ask<Timing>(`{ timeToStage { ${TIMING} } }`);
    // Adoptions with a visit: MPP by Lahat, Pasangkayu and OKU, Smart Kampung by Lahat.
    expect(timeToStage.adoptions).toBe(4);
    const stage = (s: string) => timeToStage.stages.find((x) => x.stage === s);
    // Launch: Pasangkayu 2019-02-25 → 2021-02-24 = 730 days; Lahat 2019-02-25 → 2024-09-25 =
    // 2039 days (2020 and 2024's 29 Februaries counted). Median 1384.5 days = 45.5 months.
    expect(stage('OPERATIONAL')).toEqual({
      stage: 'OPERATIONAL',
      adoptions: 2,
      minDays: 730,
      q1Days: 1057.25,
      medianDays: 1384.5,
      q3Days: 1711.75,
      maxDays: 2039,
      medianMonths: 45.5,
    });
    // MoU: Smart Kampung Lahat 4 days, MPP Lahat 96, Pasangkayu 324, OKU 434.
    expect(stage('AGREED')).toMatchObject({
      adoptions: 4,
      minDays: 4,
      q1Days: 73,
      medianDays: 210,
      q3Days: 351.5,
      maxDays: 434,
    });
    expect(timeToStage.stages.map((s) => s.stage)).toEqual([
      'AGREED',
      'REGULATED',
      'FUNDED',
      'PILOTING',
      'OPERATIONAL',
    ]);
  });

  it('counts from first interest, for an origin and for a province', async () => {
    const interest = await ask<Timing>(`{ timeToStage(from: FIRST_INTEREST) { ${TIMING} } }`);
    // Only e-Lapor by Lahat declared interest: 2022-01-01 → MoU 2022-06-01 = 151 days.
    expect(interest.timeToStage.adoptions).toBe(1);
    expect(interest.timeToStage.stages.find((s) => s.stage === 'AGREED')?.medianDays).toBe(151);
    expect(interest.timeToStage.stages[0]?.stage).toBe('STUDIED');
    const pasangkayu = await ask<Timing>(
      `{ timeToStage(originCode: "35.10", provinceCode: "76") { ${TIMING} } }`,
    );
    expect(pasangkayu.timeToStage.stages.find((s) => s.stage === 'AGREED')?.medianDays).toBe(324);
  });
});

describe('who learned from whom', () => {
  it("answers the MPP's network: visits host → visitor, adoptions origin → adopter", async () => {
    const data = await ask<{
      diffusionNetwork: {
        nodes: Array<{ code: string; regency: { name: string }; province: { code: string } }>;
        edges: Array<{
          kind: string;
          from: string;
          to: string;
          date: string;
          stage: string | null;
          innovations: Array<{ id: string }>;
          studyVisit: { visitor: { code: string } } | null;
        }>;
      };
    }>(`{ diffusionNetwork(innovationId: "${MPP}") {
      nodes { code regency { name } province { code } }
      edges { kind from to date stage innovations { id } studyVisit { visitor { code } } } } }`);
    const { nodes, edges } = data.diffusionNetwork;
    expect(nodes.map((n) => [n.code, n.province.code])).toEqual([
      ['16.01', '16'],
      ['16.04', '16'],
      ['33.22', '33'],
      ['35.10', '35'],
      ['76.01', '76'],
    ]);
    expect(
      edges.map((e) => `${e.kind} ${e.from}→${e.to} ${e.date} ${e.stage ?? '-'}`).sort(),
    ).toEqual([
      'ADOPTION 35.10→16.01 2020-03-02 AGREED',
      'ADOPTION 35.10→16.04 2019-02-25 OPERATIONAL',
      'ADOPTION 35.10→33.22 2019-02-27 AGREED',
      'ADOPTION 35.10→76.01 2019-02-25 OPERATIONAL',
      'STUDY_VISIT 35.10→16.01 2020-03-02 -',
      'STUDY_VISIT 35.10→16.04 2019-02-25 -',
      'STUDY_VISIT 35.10→76.01 2019-02-25 -',
    ]);
    const visit = edges.find((e) => e.kind === 'STUDY_VISIT' && e.to === '16.04');
    // Lahat's visit covered Smart Kampung too; the MPP's network names only the MPP.
    expect(visit?.innovations).toEqual([{ id: MPP }]);
    expect(visit?.studyVisit?.visitor.code).toBe('16.04');
  });
});

describe('verification counts', () => {
  it('counts verified-only figures that differ from all counts, and leaves rejected ones out by default', async () => {
    const judge = async (mutation: string, key: string, extra = '') => {
      const response = await server.gql(
        `mutation($id: ID!) { ${mutation}(input: { milestoneId: $id${extra} }) { verification } }`,
        { id: ids.get(key) },
      );
      expect(response.errors).toBeUndefined();
    };
    await judge('verifyMilestone', `16.04 ${MPP} AGREEMENT_SIGNED`);
    await judge('verifyMilestone', `76.01 ${MPP} SERVICE_LAUNCHED`);
    await judge(
      'rejectMilestone',
      `16.04 ${SMART} AGREEMENT_SIGNED`,
      ', reason: "Tanpa naskah MoU"',
    );

    // Verified: Lahat's MPP MoU and Pasangkayu's MPP launch (which reaches AGREED too).
    expect(await topInnovations('(filter: { verification: VERIFIED_ONLY })')).toEqual([
      { rank: 1, count: 2, key: MPP },
    ]);
    // By default Lahat's rejected Smart Kampung MoU no longer counts; with ANY it does.
    expect(await topInnovations('')).toEqual([
      { rank: 1, count: 4, key: MPP },
      { rank: 2, count: 1, key: SMART },
      { rank: 2, count: 1, key: LAPOR },
    ]);
    expect(await topInnovations('(filter: { verification: ANY })')).toEqual([
      { rank: 1, count: 4, key: MPP },
      { rank: 2, count: 2, key: SMART },
      { rank: 3, count: 1, key: LAPOR },
    ]);
    const verified = await ask<Curve>(
      `{ adoptionCurve(innovationId: "${MPP}", filter: { verification: VERIFIED_ONLY }) { ${CURVE} } }`,
    );
    expect(verified.adoptionCurve.periods.map((p) => [p.period, p.adoptions])).toEqual([
      ['2019', 1],
      ['2020', 0],
      ['2021', 1],
    ]);
  });
});

describe('bad arguments', () => {
  it.each([
    ['{ topInnovations(first: 0) { rank } }', 'first'],
    ['{ topAdopters(first: 501) { rank } }', 'first'],
    ['{ topProvinces(first: -1) { rank } }', 'first'],
    ['{ topProvinces(filter: { provinceCode: "99" }) { rank } }', 'filter.provinceCode'],
    ['{ topOrigins(filter: { provinceCode: "99" }) { rank } }', 'filter.provinceCode'],
    [
      '{ topInnovations(filter: { period: { from: "2020-01-01", to: "2019-01-01" } }) { rank } }',
      'filter.period',
    ],
    ['{ adoptionCurve(innovationId: "no-such-thing") { adoptions } }', 'innovationId'],
    ['{ adoptionCurve(originCode: "35") { adoptions } }', 'originCode'],
    ['{ timeToStage(provinceCode: "35.10") { adoptions } }', 'provinceCode'],
    ['{ diffusionNetwork { nodes { code } } }', 'innovationId'],
    ['{ topInnovations(minStage: NOWHERE) { rank } }', 'minStage'],
    ['{ adoptionCurve(interval: DECADE) { adoptions } }', 'interval'],
    ['{ topInnovations(filter: { verification: MOSTLY }) { rank } }', 'verification'],
  ])('%s answers BAD_USER_INPUT on %s', async (query, field) => {
    const response = await server.gql(query);
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('the price of figures', () => {
  it('counts each figure in the cost limit: refused past it, nothing executed', async () => {
    const small = await startServer({ demo: false, env: { MAX_QUERY_PRICE: '500' } });
    try {
      // topInnovations and topOrigins cost 200 each, timeToStage 1500 (src/graphql/query-price.ts).
      const two = await small.gql('{ topInnovations { rank } topOrigins { rank } }');
      expect(two.errors).toBeUndefined();
      const three = await small.gql(
        '{ topInnovations { rank } topOrigins { rank } timeToStage { adoptions } }',
      );
      expect(three.errors?.[0]?.extensions).toMatchObject({
        code: 'QUERY_TOO_COSTLY',
        limit: 500,
        found: 1900,
      });
      expect(three.data ?? null).toBeNull();
    } finally {
      await small.destroy();
    }
  });
});
