import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { milestoneInput, visitInput } from '../support/report-inputs.js';
import { startServer, type TestServer } from '../support/server.js';

/** The reporting rules of issue 4, each over HTTP: a clear error naming the field, nothing written. */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.destroy());

const REPORT = `mutation($input: ReportMilestoneInput!) { reportMilestone(input: $input) { stage suspended } }`;
const VISIT = `mutation($input: ReportStudyVisitInput!) { reportStudyVisit(input: $input) { id } }`;
const REGISTER = `mutation($input: RegisterInnovationInput!) { registerInnovation(input: $input) { id } }`;
const ISSUE = `mutation($input: IssueAccessTokenInput!) { issueAccessToken(input: $input) { token } }`;
const RETRACT_VISIT = `mutation($input: RetractStudyVisitInput!) { retractStudyVisit(input: $input) { id } }`;
const REJECT = `mutation($input: RejectMilestoneInput!) { rejectMilestone(input: $input) { id } }`;

const milestone = milestoneInput;
const visit = visitInput;
const long = (n: number) => 'x'.repeat(n);

async function refused(query: string, input: unknown, code: string, field: string) {
  const before = await server.head();
  const response = await server.gql(query, { input });
  expect(response.status).toBeLessThan(500);
  expect(response.errors?.[0]?.extensions).toMatchObject({ code, field });
  expect(response.errors?.[0]?.message.length).toBeGreaterThan(10);
  expect(await server.head()).toBe(before);
  return response.errors?.[0]?.message ?? '';
}

describe('business rules', () => {
  it('no dates in the future', async () => {
    await refused(REPORT, milestone({ occurredOn: '2099-12-31' }), 'BAD_USER_INPUT', 'occurredOn');
    await refused(
      VISIT,
      visit({ startDate: '2099-01-01', endDate: '2099-01-02' }),
      'BAD_USER_INPUT',
      'startDate',
    );
    await refused(VISIT, visit({ endDate: '2099-01-02' }), 'BAD_USER_INPUT', 'endDate');
    await refused(
      REGISTER,
      { originCode: '35.10', name: 'Masa depan', launchedOn: '2099-01-01' },
      'BAD_USER_INPUT',
      'launchedOn',
    );
  });

  it('no end before the start', async () => {
    const message = await refused(
      VISIT,
      visit({ endDate: '2021-01-03' }),
      'BAD_USER_INPUT',
      'endDate',
    );
    expect(message).toContain('before it starts');
  });

  it('the adopter is not the origin', async () => {
    await refused(REPORT, milestone({ adopterCode: '35.10' }), 'BAD_USER_INPUT', 'adopterCode');
  });

  it('the innovation must exist', async () => {
    await refused(REPORT, milestone({ innovationId: 'tidak-ada' }), 'NOT_FOUND', 'innovationId');
    await refused(VISIT, visit({ innovationIds: ['tidak-ada'] }), 'NOT_FOUND', 'innovationIds.0');
  });

  it('only RESUMED on a suspended adoption', async () => {
    const ok = async (input: Record<string, unknown>) => {
      const response = await server.gql(REPORT, { input });
      expect(response.errors).toBeUndefined();
      return response.data as { reportMilestone: { suspended: boolean } };
    };
    await ok(milestone({ adopterCode: '73.72', kind: 'PILOT_STARTED', occurredOn: '2021-02-01' }));
    const suspended = await ok(
      milestone({
        adopterCode: '73.72',
        kind: 'SUSPENDED',
        occurredOn: '2021-06-01',
        details: { suspension: { reason: 'Anggaran habis' } },
      }),
    );
    expect(suspended.reportMilestone.suspended).toBe(true);
    const message = await refused(
      REPORT,
      milestone({ adopterCode: '73.72', kind: 'SERVICE_LAUNCHED', occurredOn: '2021-07-01' }),
      'CONFLICT',
      'kind',
    );
    expect(message).toContain('only RESUMED');
    const resumed = await ok(
      milestone({ adopterCode: '73.72', kind: 'RESUMED', occurredOn: '2021-08-01' }),
    );
    expect(resumed.reportMilestone.suspended).toBe(false);
    await refused(
      REPORT,
      milestone({ adopterCode: '73.72', kind: 'RESUMED', occurredOn: '2021-09-01' }),
      'CONFLICT',
      'kind',
    );
  });

  it('the same kind on the same date is a duplicate', async () => {
    const first = await server.gql(REPORT, { input: milestone({ occurredOn: '2021-03-03' }) });
    expect(first.errors).toBeUndefined();
    const message = await refused(
      REPORT,
      milestone({ occurredOn: '2021-03-03', note: 'lagi' }),
      'CONFLICT',
      'occurredOn',
    );
    expect(message).toContain('already reported');
  });

  it('sane length limits on every string', async () => {
    const cases: Array<[string, unknown, string]> = [
      [REPORT, milestone({ note: long(2001) }), 'note'],
      [REPORT, milestone({ evidence: [{ kind: 'NEWS', title: long(301) }] }), 'evidence.0.title'],
      [
        REPORT,
        milestone({ evidence: [{ kind: 'NEWS', title: 't', reference: long(301) }] }),
        'evidence.0.reference',
      ],
      [
        REPORT,
        milestone({ evidence: [{ kind: 'NEWS', title: 't', url: `https://x.id/${long(2000)}` }] }),
        'evidence.0.url',
      ],
      [
        REPORT,
        milestone({ evidence: Array.from({ length: 21 }, () => ({ kind: 'NEWS', title: 't' })) }),
        'evidence',
      ],
      [
        REPORT,
        milestone({ kind: 'PILOT_STARTED', details: { pilot: { scope: long(1001) } } }),
        'details.pilot.scope',
      ],
      [
        REPORT,
        milestone({
          kind: 'AGREEMENT_SIGNED',
          details: { agreement: { type: 'MOU', parties: [long(301)] } },
        }),
        'details.agreement.parties.0',
      ],
      [
        REPORT,
        milestone({
          kind: 'AGREEMENT_SIGNED',
          details: { agreement: { type: 'MOU', parties: Array(21).fill('p') } },
        }),
        'details.agreement.parties',
      ],
      [
        REPORT,
        milestone({
          kind: 'REGULATION_ENACTED',
          details: {
            regulation: { instrument: 'PERATURAN_BUPATI', number: '1', title: long(501) },
          },
        }),
        'details.regulation.title',
      ],
      [REPORT, milestone({ idempotencyKey: long(201) }), 'idempotencyKey'],
      [VISIT, visit({ leader: long(201) }), 'leader'],
      [VISIT, visit({ note: long(2001) }), 'note'],
      [VISIT, visit({ sites: [{ name: long(201) }] }), 'sites.0.name'],
      [VISIT, visit({ sites: Array.from({ length: 51 }, () => ({ name: 's' })) }), 'sites'],
      [
        RETRACT_VISIT,
        { visitId: '00000000-0000-4000-8000-000000000000', reason: long(1001) },
        'reason',
      ],
      [REJECT, { milestoneId: long(201), reason: 'r' }, 'milestoneId'],
      [REGISTER, { originCode: '35.10', name: long(201) }, 'name'],
      [REGISTER, { originCode: '35.10', name: 'n', description: long(4001) }, 'description'],
      [ISSUE, { role: 'ANALYST', label: long(201) }, 'label'],
    ];
    for (const [query, input, field] of cases) await refused(query, input, 'BAD_USER_INPUT', field);
  });
});
