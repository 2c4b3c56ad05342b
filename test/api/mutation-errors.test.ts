import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';

/**
 * Every mutation refuses bad input with a structured GraphQL error naming the field, never a
 * 500, and appends nothing.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.destroy());

const MPP = 'banyuwangi-mal-pelayanan-publik';
const milestone = (over: Record<string, unknown> = {}) => ({
  adopterCode: '16.04',
  innovationId: MPP,
  kind: 'REGULATION_ENACTED',
  occurredOn: '2024-06-01',
  ...over,
});
const visit = (over: Record<string, unknown> = {}) => ({
  hostCode: '35.10',
  visitorCode: '73.71',
  startDate: '2024-05-01',
  endDate: '2024-05-03',
  delegationSize: 12,
  leader: 'Wali Kota Makassar',
  innovationIds: [MPP],
  ...over,
});

const REPORT_MILESTONE = `mutation($input: ReportMilestoneInput!) { reportMilestone(input: $input) { stage } }`;
const REPORT_VISIT = `mutation($input: ReportStudyVisitInput!) { reportStudyVisit(input: $input) { id } }`;
const REGISTER = `mutation($input: RegisterInnovationInput!) { registerInnovation(input: $input) { id } }`;
const RETRACT = `mutation($input: RetractMilestoneInput!) { retractMilestone(input: $input) { stage } }`;

const cases: Array<[string, string, Record<string, unknown>, string, string]> = [
  [
    'unknown adopter code',
    REPORT_MILESTONE,
    milestone({ adopterCode: '99.99' }),
    'BAD_USER_INPUT',
    'adopterCode',
  ],
  [
    'malformed adopter code',
    REPORT_MILESTONE,
    milestone({ adopterCode: 'Lahat' }),
    'BAD_USER_INPUT',
    'adopterCode',
  ],
  [
    'unknown innovation',
    REPORT_MILESTONE,
    milestone({ innovationId: 'no-such-thing' }),
    'NOT_FOUND',
    'innovationId',
  ],
  [
    'adopter equal to origin',
    REPORT_MILESTONE,
    milestone({ adopterCode: '35.10' }),
    'BAD_USER_INPUT',
    'adopterCode',
  ],
  [
    'malformed date',
    REPORT_MILESTONE,
    milestone({ occurredOn: '2024-02-30' }),
    'BAD_USER_INPUT',
    'occurredOn',
  ],
  [
    'date with a time',
    REPORT_MILESTONE,
    milestone({ occurredOn: '2024-02-01T00:00:00Z' }),
    'BAD_USER_INPUT',
    'occurredOn',
  ],
  [
    'future date',
    REPORT_MILESTONE,
    milestone({ occurredOn: '2099-01-01' }),
    'BAD_USER_INPUT',
    'occurredOn',
  ],
  ['unknown kind', REPORT_MILESTONE, milestone({ kind: 'DONE' }), 'BAD_USER_INPUT', 'kind'],
  [
    'study visit as a milestone',
    REPORT_MILESTONE,
    milestone({ kind: 'STUDY_VISIT' }),
    'BAD_USER_INPUT',
    'kind',
  ],
  [
    'oversized note',
    REPORT_MILESTONE,
    milestone({ note: 'x'.repeat(2001) }),
    'BAD_USER_INPUT',
    'note',
  ],
  [
    'control characters',
    REPORT_MILESTONE,
    milestone({ note: 'a\u0000b' }),
    'BAD_USER_INPUT',
    'note',
  ],
  [
    'evidence URL that is not http',
    REPORT_MILESTONE,
    milestone({ evidence: [{ kind: 'NEWS', title: 't', url: 'javascript:alert(1)' }] }),
    'BAD_USER_INPUT',
    'evidence.0.url',
  ],
  [
    'visit ending before it starts',
    REPORT_VISIT,
    visit({ endDate: '2024-04-30' }),
    'BAD_USER_INPUT',
    'endDate',
  ],
  [
    'visit to itself',
    REPORT_VISIT,
    visit({ visitorCode: '35.10' }),
    'BAD_USER_INPUT',
    'visitorCode',
  ],
  [
    'visit by an unknown regency',
    REPORT_VISIT,
    visit({ visitorCode: '00.00' }),
    'BAD_USER_INPUT',
    'visitorCode',
  ],
  [
    'visit with a malformed date',
    REPORT_VISIT,
    visit({ startDate: '1 May 2024' }),
    'BAD_USER_INPUT',
    'startDate',
  ],
  [
    'visit of an unknown innovation',
    REPORT_VISIT,
    visit({ innovationIds: [MPP, 'unknown-innovation'] }),
    'NOT_FOUND',
    'innovationIds.1',
  ],
  [
    'visit with no delegation',
    REPORT_VISIT,
    visit({ delegationSize: 0 }),
    'BAD_USER_INPUT',
    'delegationSize',
  ],
  [
    'visit to a village that does not exist',
    REPORT_VISIT,
    visit({ sites: [{ name: 'Desa', villageCode: '35.10.24.9999' }] }),
    'BAD_USER_INPUT',
    'sites.0.villageCode',
  ],
  [
    'innovation of an unknown origin',
    REGISTER,
    { originCode: '35.99', name: 'Something' },
    'BAD_USER_INPUT',
    'originCode',
  ],
  [
    'innovation with an empty name',
    REGISTER,
    { originCode: '35.10', name: '   ' },
    'BAD_USER_INPUT',
    'name',
  ],
  [
    'innovation id that is not a slug',
    REGISTER,
    { id: 'Not A Slug', originCode: '35.10', name: 'x y z' },
    'BAD_USER_INPUT',
    'id',
  ],
  [
    'innovation registered twice',
    REGISTER,
    { id: MPP, originCode: '35.10', name: 'MPP again' },
    'CONFLICT',
    'id',
  ],
  [
    'retraction of an unknown milestone',
    RETRACT,
    { milestoneId: 'nope', reason: 'x' },
    'NOT_FOUND',
    'milestoneId',
  ],
  [
    'retraction without a reason',
    RETRACT,
    { milestoneId: 'nope', reason: '' },
    'BAD_USER_INPUT',
    'reason',
  ],
];

describe('mutations refuse bad input', () => {
  it.each(cases)('%s', async (_name, query, input, code, field) => {
    const before = await server.head();
    const response = await server.gql(query, { input });
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(response.errors?.[0]?.message).toBeTruthy();
    expect(await server.head()).toBe(before);
  });

  it('names the field of a malformed date written as a literal', async () => {
    const before = await server.head();
    const response = await server.gql(
      `mutation { reportMilestone(input: { adopterCode: "16.04", innovationId: "${MPP}",
        kind: PILOT_STARTED, occurredOn: "2024-13-01" }) { stage } }`,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'occurredOn',
    });
    expect(await server.head()).toBe(before);
  });

  it.each([
    ['an unknown enum value', 'kind: FINISHED, occurredOn: "2024-01-01"', 'kind'],
    ['a missing required field', 'occurredOn: "2024-01-01"', 'kind'],
    [
      'a field the input does not have',
      'kind: PILOT_STARTED, occurredOn: "2024-01-01", mood: "happy"',
      'mood',
    ],
    [
      'a number where text belongs',
      'kind: PILOT_STARTED, occurredOn: "2024-01-01", note: 42',
      'note',
    ],
  ])('names the field of %s written as a literal', async (_name, fields, field) => {
    const before = await server.head();
    const response = await server.gql(
      `mutation { reportMilestone(input: { adopterCode: "16.04", innovationId: "${MPP}", ${fields} }) { stage } }`,
    );
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await server.head()).toBe(before);
  });

  it('answers a missing input as BAD_USER_INPUT', async () => {
    const response = await server.gql(REPORT_MILESTONE, {});
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input',
    });
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
  });
});
