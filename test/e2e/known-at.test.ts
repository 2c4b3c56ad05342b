import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analystExamples } from '../../src/graphql/examples.js';
import { issueToken } from '../support/access.js';
import { startServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.js';

/**
 * Issue 12, point 10: history known before replika. The demo story carries, per fact, the day its
 * source was published (knownOn); the instant replika recorded it is kept beside it.
 *
 * By hand, for the knownAt clock: Lahat's interest and study visit were known on 2019-02-25, its
 * MPP agreement on 2024-03-01 → at the end of 2023 the ministry knew Lahat had STUDIED all four
 * innovations. Pasangkayu's MPP budget (13 Sep 2023) was known on 2023-10-04, its publication.
 */
let server: TestServer;
const MPP = 'banyuwangi-mal-pelayanan-publik';

const ok = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
  server.data<T>(query, variables);

beforeAll(async () => {
  server = await startServer({ demo: true });
});
afterAll(() => server.destroy());

type Edges = { edges: Array<{ node: { innovation: { id: string }; stage: string } }> };

describe('known-at dates', () => {
  it('makes the saved example "what was known at the end of 2023" answer what was known', async () => {
    const example = analystExamples.find((e) => e.query?.includes('Lahat_akhir_2023'));
    const data = await ok<{ terjadi: Edges; diketahui: Edges }>(example?.query ?? '');
    expect(data.diketahui.edges.map((e) => e.node.stage)).toEqual(Array(4).fill('STUDIED'));
    expect(data.terjadi.edges).toHaveLength(4);
  });

  it('counts a fact from the day its source was published, and shows both clocks', async () => {
    const stage = async (knownAt: string) =>
      (
        await ok<{ adoptions: Edges }>(
          `query($k: DateTime) { adoptions(filter: { adopterCode: "76.01", innovationId: "${MPP}" }, knownAt: $k) {
            edges { node { innovation { id } stage } } } }`,
          { k: knownAt },
        )
      ).adoptions.edges[0]?.node.stage;
    expect(await stage('2023-10-03T23:59:59Z')).toBe('STUDIED');
    expect(await stage('2023-10-04T12:00:00Z')).toBe('FUNDED');
    const milestones = await ok<{
      adoptions: {
        edges: Array<{
          node: { milestones: Array<{ kind: string; knownAt: string; recordedAt: string }> };
        }>;
      };
    }>(`{ adoptions(filter: { adopterCode: "76.01", innovationId: "${MPP}" }) {
        edges { node { milestones { kind knownAt recordedAt } } } } }`);
    const budget = milestones.adoptions.edges[0]?.node.milestones.find(
      (m) => m.kind === 'BUDGET_ALLOCATED',
    );
    expect(budget?.knownAt).toBe('2023-10-04T00:00:00.000Z');
    // Recorded when the demo was loaded, today.
    expect(new Date(budget?.recordedAt ?? 0).getTime()).toBeGreaterThan(Date.parse('2026-01-01'));
  });

  it("lets only the ministry give knownOn, within the fact's dates, and refuses without writing", async () => {
    const lahat = await issueToken(server, { role: 'REGENCY', regencyCode: '16.04' });
    const report = (knownOn: string, as?: string) =>
      server.as(as ?? null)(
        `mutation($input: ReportMilestoneInput!) { reportMilestone(input: $input) { stage } }`,
        {
          input: {
            adopterCode: '16.04',
            innovationId: 'banyuwangi-smart-kampung',
            kind: 'AGREEMENT_SIGNED',
            occurredOn: '2020-05-05',
            knownOn,
          },
        },
      );
    const head = await server.head();
    const forbidden = await report('2020-06-01', lahat.token);
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'knownOn',
    });
    for (const knownOn of ['2020-05-04', '2999-01-01', '2020-13-01']) {
      const refused = await report(knownOn, TEST_ADMIN_TOKEN);
      expect(refused.errors?.[0]?.extensions, knownOn).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'knownOn',
      });
    }
    expect(await server.head()).toBe(head);
    const accepted = await report('2020-06-01', TEST_ADMIN_TOKEN);
    expect(accepted.errors).toBeUndefined();
  });

  it('carries knownOn on a study visit to the STUDY_VISIT milestones it stands for', async () => {
    const visit = await server.gql<{ reportStudyVisit: { id: string } }>(
      `mutation($input: ReportStudyVisitInput!) { reportStudyVisit(input: $input) { id } }`,
      {
        input: {
          hostCode: '35.10',
          visitorCode: '16.02',
          startDate: '2018-07-02',
          endDate: '2018-07-03',
          delegationSize: 20,
          leader: 'Wakil Bupati',
          innovationIds: [MPP],
          knownOn: '2018-07-10',
        },
      },
    );
    expect(visit.errors).toBeUndefined();
    const known = await ok<{ adoptions: { totalCount: number } }>(
      `{ adoptions(filter: { adopterCode: "16.02" }, knownAt: "2018-07-10T00:00:00Z") { totalCount } }`,
    );
    expect(known.adoptions.totalCount).toBe(1);
    const before = await ok<{ adoptions: { totalCount: number } }>(
      `{ adoptions(filter: { adopterCode: "16.02" }, knownAt: "2018-07-09T23:59:59Z") { totalCount } }`,
    );
    expect(before.adoptions.totalCount).toBe(0);
  });

  it("puts imported history on the adoption curve's KNOWN clock by its known-on date", async () => {
    const curve = await ok<{
      adoptionCurve: { periods: Array<{ period: string; adoptions: number }> };
    }>(
      `{ adoptionCurve(innovationId: "${MPP}", stage: FUNDED, clock: KNOWN) { periods { period adoptions } } }`,
    );
    // Pasangkayu's budget became known in 2023 and Lahat's pilot in 2024, not when the demo loaded.
    const counted = curve.adoptionCurve.periods.filter((p) => p.adoptions > 0);
    expect(counted).toEqual([
      { period: '2023', adoptions: 1 },
      { period: '2024', adoptions: 1 },
    ]);
  });
});
