import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';

/**
 * Issue 12, points 3, 7 and 11 over real HTTP on the demo story, every answer worked out by hand:
 *
 *   Pasangkayu 76.01 and Lahat 16.04 studied e-Village Budgeting, Smart Kampung, the MPP and the
 *   Lounge in Banyuwangi 2019-02-25 … 2019-02-27. After it, only the MPP moved:
 *   Pasangkayu  BUDGET 2023-09-13            → AGREED, REGULATED, FUNDED on day 1661
 *   Lahat       AGREEMENT 2024-03-01 (1831)  → AGREED; PILOT 2024-03-28 (1858) → REGULATED,
 *               FUNDED, PILOTING (a milestone reaches its stage and every one before it)
 *   End of visit + N months: N = 54 → 2023-08-27 (nothing yet for either), N = 55 → 2023-09-27
 *   (Pasangkayu's budget inside, Lahat still nothing), N = 61 → 2024-03-27 (Lahat's MoU inside).
 */
let server: TestServer;
const MPP = 'banyuwangi-mal-pelayanan-publik';

const ok = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
  server.data<T>(query, variables);

beforeAll(async () => {
  server = await startServer({ demo: true });
});
afterAll(() => server.destroy());

describe('study-visit outcomes', () => {
  it('answers, per innovation studied, the stage now and the stages reached after the visit', async () => {
    const data = await ok<{
      studyVisits: Array<{
        visitor: { code: string };
        outcomes: Array<{
          innovation: { id: string };
          stage: string;
          suspended: boolean;
          reached: Array<{ stage: string; occurredOn: string; days: number }>;
        }>;
      }>;
    }>(`{ studyVisits(hostCode: "35.10") { visitor { code }
          outcomes { innovation { id } stage suspended reached { stage occurredOn days } } } }`);
    const outcome = (visitor: string, id: string) =>
      data.studyVisits
        .find((v) => v.visitor.code === visitor)
        ?.outcomes.find((o) => o.innovation.id === id);
    expect(outcome('76.01', MPP)).toEqual({
      innovation: { id: MPP },
      stage: 'FUNDED',
      suspended: false,
      reached: ['AGREED', 'REGULATED', 'FUNDED'].map((stage) => ({
        stage,
        occurredOn: '2023-09-13',
        days: 1661,
      })),
    });
    expect(outcome('16.04', MPP)?.reached).toEqual([
      { stage: 'AGREED', occurredOn: '2024-03-01', days: 1831 },
      { stage: 'REGULATED', occurredOn: '2024-03-28', days: 1858 },
      { stage: 'FUNDED', occurredOn: '2024-03-28', days: 1858 },
      { stage: 'PILOTING', occurredOn: '2024-03-28', days: 1858 },
    ]);
    expect(outcome('16.04', MPP)?.stage).toBe('PILOTING');
    expect(outcome('16.04', 'banyuwangi-smart-kampung')).toMatchObject({
      stage: 'STUDIED',
      reached: [],
    });
    expect(data.studyVisits.every((v) => v.outcomes.length === 4)).toBe(true);
  });

  it('finds the visits that led to nothing beyond STUDIED after N months', async () => {
    const visitors = async (months: number) =>
      (
        await ok<{ studyVisits: Array<{ visitor: { code: string } }> }>(
          `query($m: Int) { studyVisits(ledToNothingAfterMonths: $m) { visitor { code } } }`,
          { m: months },
        )
      ).studyVisits
        .map((v) => v.visitor.code)
        .sort();
    expect(await visitors(12)).toEqual(['16.04', '76.01']);
    expect(await visitors(54)).toEqual(['16.04', '76.01']);
    expect(await visitors(55)).toEqual(['16.04']);
    expect(await visitors(61)).toEqual([]);
    // Visits that ended less than N months ago cannot be judged yet.
    expect(await visitors(600)).toEqual([]);
  });

  it('refuses a month count out of range, naming the argument', async () => {
    for (const m of [0, -3, 601]) {
      const response = await server.gql(
        `query($m: Int) { studyVisits(ledToNothingAfterMonths: $m) { id } }`,
        { m },
      );
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'ledToNothingAfterMonths',
      });
    }
  });
});

describe('innovation search', () => {
  const search = async (text: string, first?: number) =>
    (
      await ok<{ searchInnovations: Array<{ id: string }> }>(
        `query($text: String!, $first: Int) { searchInnovations(text: $text, first: $first) { id } }`,
        { text, ...(first === undefined ? {} : { first }) },
      )
    ).searchInnovations.map((i) => i.id);

  it('matches word prefixes, case- and accent-insensitively, and acronyms', async () => {
    expect((await search('mal pel'))[0]).toBe(MPP);
    expect(await search('MAL PELAYANAN')).toEqual([MPP]);
    expect((await search('MPP'))[0]).toBe(MPP);
    expect(await search('mp')).toContain(MPP);
    expect(await search('pélayanan publik')).toEqual(
      expect.arrayContaining([MPP, 'banyuwangi-lounge-pelayanan-publik']),
    );
    expect(await search('village budg')).toEqual(['banyuwangi-e-village-budgeting']);
    expect(await search('Smart Kampung')).toEqual(['banyuwangi-smart-kampung']);
    expect(await search('kampung', 0)).toEqual([]);
    expect(await search('pelayanan', 1)).toHaveLength(1);
    expect(await search('tidak ada inovasi seperti ini')).toEqual([]);
  });

  it('treats FTS syntax in the text as words, and refuses empty or oversized text', async () => {
    expect(await search('"mal* OR NEAR(pel')).toEqual([]);
    expect(await search('mal) OR (lounge')).toEqual([]);
    expect(await search("mal'; DROP TABLE innovations; --")).toEqual([]);
    for (const text of ['', '   ', '***', 'x'.repeat(201), Array(13).fill('mal').join(' ')]) {
      const response = await server.gql(
        `query($t: String!) { searchInnovations(text: $t) { id } }`,
        {
          t: text,
        },
      );
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'text',
      });
    }
    const big = await server.gql(`{ searchInnovations(text: "mal", first: 101) { id } }`);
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await search('mal')).toContain(MPP);
  });
});

describe('suspended and mode filters on adoptions', () => {
  it('keeps the adoptions that are suspended, or whose latest mode is the one asked', async () => {
    const keys = async (filter: string) =>
      (
        await ok<{
          adoptions: {
            totalCount: number;
            edges: Array<{ node: { adopter: { code: string }; innovation: { id: string } } }>;
          };
        }>(
          `{ adoptions(filter: ${filter}) { totalCount edges { node { adopter { code } innovation { id } } } } }`,
        )
      ).adoptions.edges.map((e) => `${e.node.adopter.code} ${e.node.innovation.id}`);
    const all = await keys('{}');
    expect(await keys('{ suspended: true }')).toEqual([]);
    expect(await keys('{ suspended: false }')).toEqual(all);
    expect(await keys('{ mode: ADAPTATION }')).toEqual([`16.04 ${MPP}`]);
    expect(await keys('{ mode: ADOPTION }')).toEqual([]);

    await ok(
      `mutation($input: ReportMilestoneInput!) { reportMilestone(input: $input) { stage } }`,
      {
        input: {
          adopterCode: '76.01',
          innovationId: MPP,
          kind: 'SUSPENDED',
          occurredOn: '2024-06-01',
          mode: 'MODIFICATION',
          details: { suspension: { reason: 'Anggaran dialihkan' } },
        },
      },
    );
    expect(await keys('{ suspended: true }')).toEqual([`76.01 ${MPP}`]);
    expect(await keys('{ suspended: true, provinceCode: "16" }')).toEqual([]);
    expect((await keys('{ suspended: false }')).length).toBe(all.length - 1);
    expect(await keys('{ mode: MODIFICATION }')).toEqual([`76.01 ${MPP}`]);
    // Before the suspension it was not suspended yet.
    const before = await ok<{ adoptions: { totalCount: number } }>(
      `{ adoptions(filter: { suspended: true }, asOf: "2024-05-31") { totalCount } }`,
    );
    expect(before.adoptions.totalCount).toBe(0);
  });
});

describe('region data of 2025 (idn-area-data 4.x)', () => {
  it('has 514 regencies with title-cased names and accepts a 2025 village', async () => {
    const data = await ok<{ regencies: Array<{ code: string }>; regency: { name: string } }>(
      `{ regencies { code } regency(code: "72.01") { name } }`,
    );
    expect(data.regencies).toHaveLength(514);
    expect(data.regency.name).toMatch(/^Kabupaten [A-Z][a-z]/);
    const innovation = await ok<{ registerInnovation: { id: string } }>(
      `mutation { registerInnovation(input: { originCode: "72.01", name: "Desa Digital" }) { id } }`,
    );
    const visit = await server.gql<{ reportStudyVisit: { sites: Array<{ villageCode: string }> } }>(
      `mutation($input: ReportStudyVisitInput!) { reportStudyVisit(input: $input) { sites { villageCode } } }`,
      {
        input: {
          hostCode: '72.01',
          visitorCode: '16.04',
          startDate: '2025-05-05',
          endDate: '2025-05-06',
          delegationSize: 8,
          leader: 'Sekda Lahat',
          sites: [{ name: 'Balai desa', villageCode: '72.01.24.2001' }],
          innovationIds: [innovation.registerInnovation.id],
        },
      },
    );
    expect(visit.errors).toBeUndefined();
    expect(visit.data?.reportStudyVisit.sites).toEqual([{ villageCode: '72.01.24.2001' }]);
  });
});

describe('the cost limit prices the new queries', () => {
  it('refuses a request that asks for more of them than the limit allows', async () => {
    const small = await startServer({ demo: false, env: { MAX_QUERY_PRICE: '250' } });
    try {
      const one = await small.gql(`{ budgetTotals { amountRupiah } }`);
      expect(one.errors).toBeUndefined();
      const many = await small.gql(`{
        a: budgetTotals { amountRupiah } b: studyVisits(ledToNothingAfterMonths: 12) { id } }`);
      expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    } finally {
      await small.destroy();
    }
  });
});
