import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../support/access.js';
import { startServer, type TestServer } from '../support/server.js';

/** Every milestone kind with its details; verification and rejection by the ministry. */
let server: TestServer;
let analyst: string;
let lahat: string;
beforeAll(async () => {
  server = await startServer();
  analyst = (await issueToken(server, { role: 'ANALYST' })).token;
  lahat = (await issueToken(server, { role: 'REGENCY', regencyCode: '16.04' })).token;
});
afterAll(() => server.destroy());

const SMART = 'banyuwangi-smart-kampung';
const DETAILS = `details {
  agreement { type parties documentNumber }
  regulation { instrument number title }
  budget { fiscalYear amountRupiah source }
  pilot { scope } launch { inauguratedBy } evaluation { outcome } suspension { reason }
}`;
const REPORT = `mutation($input: ReportMilestoneInput!) {
  reportMilestone(input: $input) {
    stage suspended
    milestones { id kind occurredOn verification verifiedAt verificationNote mode evidence { kind title url reference } ${DETAILS} }
  }
}`;
type Milestone = {
  id: string;
  kind: string;
  occurredOn: string;
  verification: string;
  verificationNote: string | null;
  details: Record<string, unknown> | null;
};
type Reported = { reportMilestone: { stage: string; milestones: Milestone[] } };

const report = (
  kind: string,
  occurredOn: string,
  details?: Record<string, unknown>,
  evidence?: Array<Record<string, string>>,
) =>
  server.as(lahat)<Reported>(REPORT, {
    input: { adopterCode: '16.04', innovationId: SMART, kind, occurredOn, details, evidence },
  });

const story: Array<[string, string, Record<string, unknown>]> = [
  [
    'AGREEMENT_SIGNED',
    '2019-06-01',
    {
      agreement: {
        type: 'PKS',
        parties: ['Pemerintah Kabupaten Lahat', 'Pemerintah Kabupaten Banyuwangi'],
        documentNumber: '119/PKS/2019',
      },
    },
  ],
  [
    'REGULATION_ENACTED',
    '2020-02-10',
    {
      regulation: {
        instrument: 'PERATURAN_BUPATI',
        number: '7 Tahun 2020',
        title: 'Penyelenggaraan Smart Kampung',
      },
    },
  ],
  [
    'BUDGET_ALLOCATED',
    '2020-11-30',
    // More than 2^53 rupiah stays exact: amounts are digits, not floats.
    { budget: { fiscalYear: 2021, amountRupiah: '9007199254740993', source: 'APBD' } },
  ],
  ['PILOT_STARTED', '2021-03-01', { pilot: { scope: 'Lima desa di Kecamatan Merapi' } }],
  ['SERVICE_LAUNCHED', '2021-08-17', { launch: { inauguratedBy: 'Bupati Lahat' } }],
  ['EVALUATED', '2022-08-17', { evaluation: { outcome: 'Layanan berjalan di 40 desa' } }],
  ['SUSPENDED', '2023-01-05', { suspension: { reason: 'Jaringan internet desa terputus' } }],
  ['RESUMED', '2023-04-01', {}],
];

describe('milestone details', () => {
  it('records and answers the details of every kind', async () => {
    let last: Reported | null | undefined;
    for (const [kind, occurredOn, details] of story) {
      const response = await report(kind, occurredOn, details);
      expect(response.errors, kind).toBeUndefined();
      last = response.data;
      const milestone = last?.reportMilestone.milestones.find((m) => m.kind === kind);
      const expected = Object.keys(details).length ? details : null;
      expect(milestone?.details ? strip(milestone.details) : null).toEqual(expected);
      expect(milestone?.verification).toBe('UNVERIFIED');
    }
    expect(last?.reportMilestone.stage).toBe('OPERATIONAL');
  });

  it('refuses details of another kind, naming the field', async () => {
    const before = await server.head();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [
        'PILOT_STARTED',
        { budget: { fiscalYear: 2024, amountRupiah: '1', source: 'APBD' } },
        'details.budget',
      ],
      ['INTEREST_DECLARED', { pilot: { scope: 'x' } }, 'details.pilot'],
      [
        'BUDGET_ALLOCATED',
        { budget: { fiscalYear: 2024, amountRupiah: '12.5', source: 'APBD' } },
        'details.budget.amountRupiah',
      ],
      [
        'BUDGET_ALLOCATED',
        { budget: { fiscalYear: 2024, amountRupiah: '-5', source: 'APBD' } },
        'details.budget.amountRupiah',
      ],
      [
        'BUDGET_ALLOCATED',
        { budget: { fiscalYear: 2024, amountRupiah: '5', source: 'DAK' } },
        'details.budget.source',
      ],
      [
        'BUDGET_ALLOCATED',
        { budget: { fiscalYear: 2010, amountRupiah: '5', source: 'APBD' } },
        'details.budget.fiscalYear',
      ],
      [
        'AGREEMENT_SIGNED',
        { agreement: { type: 'MOU', parties: [] } },
        'details.agreement.parties',
      ],
      [
        'AGREEMENT_SIGNED',
        { agreement: { type: 'NDA', parties: ['a'] } },
        'details.agreement.type',
      ],
      [
        'REGULATION_ENACTED',
        { regulation: { instrument: 'PERATURAN_BUPATI', number: ' ' } },
        'details.regulation.number',
      ],
      [
        'SERVICE_LAUNCHED',
        { launch: { inauguratedBy: 'x'.repeat(301) } },
        'details.launch.inauguratedBy',
      ],
    ];
    for (const [kind, details, field] of cases) {
      const response = await report(kind, '2024-02-01', details);
      expect(response.status, field).toBeLessThan(500);
      expect(response.errors?.[0]?.extensions, field).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    expect(await server.head()).toBe(before);
  });
});

/** Drops the null fields GraphQL answers for unset detail fields. */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, strip(v)]),
    );
  return value;
}

describe('verification', () => {
  const VERIFY = `mutation($input: VerifyMilestoneInput!) { verifyMilestone(input: $input) { id verification verifiedAt verificationNote } }`;
  const REJECT = `mutation($input: RejectMilestoneInput!) { rejectMilestone(input: $input) { id verification verificationNote } }`;
  let milestoneId: string;

  beforeAll(async () => {
    // Only a milestone with evidence can be verified.
    const response = await report('INTEREST_DECLARED', '2019-03-01', undefined, [
      { kind: 'DOCUMENT', title: 'Surat pernyataan minat' },
    ]);
    milestoneId =
      response.data?.reportMilestone.milestones.find((m) => m.kind === 'INTEREST_DECLARED')?.id ??
      '';
  });

  it('is UNVERIFIED, then VERIFIED, then REJECTED with a reason, as events', async () => {
    const verified = await server.as(analyst)(VERIFY, {
      input: { milestoneId, note: 'Surat minat ada' },
    });
    expect(verified.data).toMatchObject({
      verifyMilestone: {
        id: milestoneId,
        verification: 'VERIFIED',
        verificationNote: 'Surat minat ada',
      },
    });
    const twice = await server.as(analyst)(VERIFY, { input: { milestoneId } });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'milestoneId' });
    const rejected = await server.as(analyst)(REJECT, {
      input: { milestoneId, reason: 'Surat tidak ditandatangani' },
    });
    expect(rejected.data).toMatchObject({
      rejectMilestone: { verification: 'REJECTED', verificationNote: 'Surat tidak ditandatangani' },
    });
    const noReason = await server.as(analyst)(REJECT, { input: { milestoneId, reason: '' } });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    const types = (await server.replika.store.readAll({ maxCount: 100_000 }))
      .filter((e) => (e.data as { milestoneId?: string }).milestoneId === milestoneId)
      .map((e) => e.type);
    expect(types).toEqual(['MilestoneReported', 'MilestoneVerified', 'MilestoneRejected']);
  });

  it('judges a study visit milestone, and refuses retracted or unknown ones', async () => {
    const { data } = await server.gql<{
      adoptions: { edges: Array<{ node: { milestones: Array<{ id: string; kind: string }> } }> };
    }>(
      `{ adoptions(filter: { adopterCode: "76.01" }) { edges { node { milestones { id kind } } } } }`,
    );
    const visitMilestone = data?.adoptions.edges
      .flatMap((e) => e.node.milestones)
      .find((m) => m.kind === 'STUDY_VISIT');
    const verified = await server.as(analyst)(VERIFY, {
      input: { milestoneId: visitMilestone?.id },
    });
    expect(verified.data).toMatchObject({ verifyMilestone: { verification: 'VERIFIED' } });

    const retract = await server.as(lahat)(
      `mutation($input: RetractMilestoneInput!) { retractMilestone(input: $input) { stage } }`,
      { input: { milestoneId, reason: 'salah' } },
    );
    expect(retract.errors).toBeUndefined();
    const onRetracted = await server.as(analyst)(VERIFY, { input: { milestoneId } });
    expect(onRetracted.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'milestoneId',
    });
    const unknown = await server.as(analyst)(VERIFY, {
      input: { milestoneId: 'no-such-milestone' },
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'milestoneId',
    });
  });
});
