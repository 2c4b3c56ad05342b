import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';

/**
 * No N+1: the number of SQL statements a nested analyst query executes does not grow with the
 * number of adoptions it returns. Counted by wrapping better-sqlite3's statement methods in this
 * (the server's) process; the server itself runs unchanged over real HTTP.
 */
let server: TestServer;
let executed = 0;
const statement = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1'));
const originals = new Map<string, (...args: unknown[]) => unknown>();
beforeAll(async () => {
  for (const method of ['all', 'get', 'run', 'iterate']) {
    const original = statement[method];
    originals.set(method, original);
    statement[method] = function (this: unknown, ...args: unknown[]) {
      executed += 1;
      return original.apply(this, args);
    };
  }
  server = await startServer();
});
afterAll(async () => {
  for (const [method, original] of originals) statement[method] = original;
  await server.destroy();
});

const NESTED = `{
  regencies(provinceCode: "35") { code innovations { id } studyVisitsHosted { id } }
  adoptions(first: 500) {
    totalCount
    edges { node {
      adopter { name province { name } }
      innovation { name origin { name } }
      stage
      milestones { kind studyVisit { id innovations { id } } }
    } }
  }
}`;

async function statementsFor(query: string) {
  executed = 0;
  const response = await server.gql<{ adoptions: { totalCount: number } }>(query);
  expect(response.errors).toBeUndefined();
  expect(response.headers.get('X-Replika-Cache')).toBe('MISS');
  return { statements: executed, adoptions: response.data?.adoptions.totalCount ?? 0 };
}

describe('batch loading', () => {
  it('runs the same few statements for 50 more adoptions', async () => {
    const small = await statementsFor(NESTED);
    const adopters = server.replika.regions
      .regencies('11')
      .concat(server.replika.regions.regencies('12'))
      .slice(0, 50);
    for (const { code } of adopters) {
      const written = await server.gql(
        `mutation($input: ReportMilestoneInput!) { reportMilestone(input: $input) { stage } }`,
        {
          input: {
            adopterCode: code,
            innovationId: 'banyuwangi-smart-kampung',
            kind: 'INTEREST_DECLARED',
            occurredOn: '2024-02-02',
          },
        },
      );
      expect(written.errors).toBeUndefined();
    }
    const large = await statementsFor(NESTED);
    expect(large.adoptions).toBe(small.adoptions + 50);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(10);
  });
});
