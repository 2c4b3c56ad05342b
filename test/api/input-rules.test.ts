import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { milestoneInput, visitInput } from '../support/report-inputs.js';
import { startServer, type TestServer } from '../support/server.js';

/** Rules of input every entry point shares: positions, text, dates, and how errors read. */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.destroy());

const REPORT = `mutation($input: ReportMilestoneInput!) { reportMilestone(input: $input) { milestones { note } } }`;
const VISIT = `mutation($input: ReportStudyVisitInput!) { reportStudyVisit(input: $input) { id leader note } }`;
const milestone = milestoneInput;
const visit = visitInput;

async function refused(query: string, variables: unknown, code: string, field: string) {
  const before = await server.head();
  const response = await server.gql(query, variables as Record<string, unknown>);
  expect(response.status).toBe(200);
  expect(response.errors?.[0]?.extensions).toMatchObject({ code, field });
  expect(await server.head()).toBe(before);
  return response.errors?.[0]?.message ?? '';
}

describe('log positions and revisions a client sends', () => {
  it('are BAD_USER_INPUT naming the argument when out of range, never a 500', async () => {
    for (const after of [
      '9223372036854775808',
      '18446744073709551616',
      '-1',
      '1e3',
      '99999999999999999999',
    ])
      expect(
        await refused(
          `{ events(after: "${after}") { nodes { type } } }`,
          {},
          'BAD_USER_INPUT',
          'after',
        ),
      ).toMatch(/after must be .*9223372036854775807/);
    await refused(
      `{ events(stream: "adoption-73.71_x", after: "9223372036854775808") { nodes { type } } }`,
      {},
      'BAD_USER_INPUT',
      'after',
    );
    // The largest position is accepted: an empty page after it.
    const last = await server.gql<{ events: { nodes: unknown[] } }>(
      '{ events(after: "9223372036854775807") { nodes { type } } }',
    );
    expect(last.data?.events.nodes).toEqual([]);
    const header = await server.gql('{ regencies(provinceCode: "35") { code } }', undefined, {
      'x-replika-min-position': '9223372036854775808',
    });
    expect(header.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'X-Replika-Min-Position',
    });
  });
});

describe('text', () => {
  it('is normalised one way: formatting characters removed, lone surrogates replaced', async () => {
    const response = await server.gql<{ reportStudyVisit: { leader: string; note: string } }>(
      VISIT,
      {
        input: visit({
          leader: 'Wali\u200b Kota \u202eMakassar\u202c\ufeff',
          note: 'cafe\u0301 \ud800 ok',
        }),
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.reportStudyVisit.leader).toBe('Wali Kota Makassar');
    expect(response.data?.reportStudyVisit.note).toBe('caf\u00e9 \ufffd ok');
    // The event log holds exactly what the read model answers.
    const [stored] = await server.replika.store.readAll({ after: (await server.head()) - 1n });
    expect(stored?.data).toMatchObject({
      leader: 'Wali Kota Makassar',
      note: 'caf\u00e9 \ufffd ok',
    });
  });

  it('counts a note of only invisible characters as empty', async () => {
    expect(
      await refused(
        REPORT,
        { input: milestone({ note: '\u200b\u2060 \u200d' }) },
        'BAD_USER_INPUT',
        'note',
      ),
    ).toMatch(/note: must not be empty/);
  });
});

describe('dates', () => {
  it('refuses an impossible DateTime instant as Date refuses an impossible date', async () => {
    for (const knownAt of [
      '2019-02-30T00:00:00Z',
      '2019-13-01T00:00:00Z',
      '2019-02-28T24:00:00Z',
      '2019-02-28T10:61:00Z',
      '2019-02-28T10:00:00+25:00',
    ])
      await refused(
        'query($k: DateTime) { adoptions(knownAt: $k) { totalCount } }',
        { k: knownAt },
        'BAD_USER_INPUT',
        'k',
      );
    await refused(
      '{ adoptions(knownAt: "2019-02-30T00:00:00Z") { totalCount } }',
      {},
      'BAD_USER_INPUT',
      'knownAt',
    );
    const fine = await server.gql(
      '{ adoptions(knownAt: "2019-02-28T23:59:59.5+07:00") { totalCount } }',
    );
    expect(fine.errors).toBeUndefined();
  });

  it('refuses milestones and study visits dated before regional autonomy, naming the field', async () => {
    expect(
      await refused(
        REPORT,
        { input: milestone({ occurredOn: '1899-06-01' }) },
        'BAD_USER_INPUT',
        'occurredOn',
      ),
    ).toMatch(/2001-01-01/);
    await refused(
      VISIT,
      { input: visit({ startDate: '1899-06-01' }) },
      'BAD_USER_INPUT',
      'startDate',
    );
    await refused(VISIT, { input: visit({ endDate: '2000-12-31' }) }, 'BAD_USER_INPUT', 'endDate');
  });
});

describe('invalid variable values', () => {
  it('answer the same status under accept: application/json as the same error inline', async () => {
    const inline = await server.gql('{ adoptions(first: "many") { totalCount } }');
    const variable = await server.gql('query($n: Int) { adoptions(first: $n) { totalCount } }', {
      n: 'many',
    });
    expect(inline.status).toBe(200);
    expect(variable.status).toBe(inline.status);
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await server.gql(REPORT, {});
    expect(missing.status).toBe(200);
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('messages a person reads', () => {
  it('use the right article, the real limit and no raw validator text', async () => {
    const analyst = await server.gql<{ issueAccessToken: { token: string } }>(
      'mutation { issueAccessToken(input: { role: ANALYST }) { token } }',
    );
    const token = analyst.data?.issueAccessToken.token ?? '';
    const forbidden = await server.as(token)(
      'mutation { issueAccessToken(input: { role: ANALYST }) { token } }',
    );
    expect(forbidden.errors?.[0]?.message).toMatch(/needs an ADMIN token/);
    const size = await refused(
      VISIT,
      { input: visit({ delegationSize: 0 }) },
      'BAD_USER_INPUT',
      'delegationSize',
    );
    expect(size).toBe('delegationSize: must be at least 1');
    const amount = await refused(
      REPORT,
      {
        input: milestone({
          kind: 'BUDGET_ALLOCATED',
          occurredOn: '2021-02-01',
          details: { budget: { fiscalYear: 2021, amountRupiah: '1'.repeat(19), source: 'APBD' } },
        }),
      },
      'BAD_USER_INPUT',
      'details.budget.amountRupiah',
    );
    expect(amount).toMatch(/at most 18 digits/);
  });
});
