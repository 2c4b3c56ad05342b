import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, revokeToken } from '../support/access.js';
import { startServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.js';

/**
 * The authorization matrix over real HTTP: every mutation × every kind of caller × the caller's
 * own regency or another one. Refusals append nothing.
 */
let server: TestServer;
const tokens: Record<string, string | null> = {};
const OWN = '16.04'; // Lahat
const OTHER = '76.01'; // Pasangkayu
const MPP = 'banyuwangi-mal-pelayanan-publik';

beforeAll(async () => {
  server = await startServer();
  tokens.ADMIN = TEST_ADMIN_TOKEN;
  tokens.ANALYST = (await issueToken(server, { role: 'ANALYST' })).token;
  tokens.REGENCY = (await issueToken(server, { role: 'REGENCY', regencyCode: OWN })).token;
  const revoked = await issueToken(server, { role: 'REGENCY', regencyCode: OWN });
  await revokeToken(server, revoked.id);
  tokens.REVOKED = revoked.token;
  tokens.UNKNOWN = 'rpk_this-token-was-never-issued-0000000000000';
  tokens.NONE = null;
});
afterAll(() => server.destroy());

let day = 0;
/** A fresh past date for each case, so no report collides with another. */
const nextDate = () =>
  new Date(Date.UTC(2018, 0, 1) + day++ * 86_400_000).toISOString().slice(0, 10);

const REPORT_MILESTONE = `mutation($input: ReportMilestoneInput!) {
  reportMilestone(input: $input) { milestones { id occurredOn kind } } }`;
const REPORT_VISIT = `mutation($input: ReportStudyVisitInput!) { reportStudyVisit(input: $input) { id } }`;

/**
 * A fresh milestone of `regency`, with evidence (only such can be verified), reported by the
 * regency's own token where the matrix has one: a regency cannot retract what the ministry
 * reported.
 */
async function milestoneOf(regency: string): Promise<string> {
  const occurredOn = nextDate();
  const input = {
    adopterCode: regency,
    innovationId: MPP,
    kind: 'REGULATION_ENACTED',
    occurredOn,
    evidence: [{ kind: 'REGULATION', title: 'Peraturan Bupati', reference: 'Perbup 1/2005' }],
  };
  const reporter = regency === OWN ? (tokens.REGENCY ?? null) : TEST_ADMIN_TOKEN;
  const response = await server.as(reporter)<{
    reportMilestone: { milestones: Array<{ id: string; occurredOn: string; kind: string }> };
  }>(REPORT_MILESTONE, { input });
  const adoption = response.data?.reportMilestone;
  if (!adoption) throw new Error(`setup failed: ${JSON.stringify(response.errors)}`);
  const found = adoption.milestones.find(
    (m) => m.occurredOn === occurredOn && m.kind === 'REGULATION_ENACTED',
  );
  if (!found) throw new Error('milestone not found');
  return found.id;
}

const visitInput = (regency: string) => {
  const date = nextDate();
  return {
    hostCode: '35.10',
    visitorCode: regency,
    startDate: date,
    endDate: date,
    delegationSize: 5,
    leader: 'Sekretaris Daerah',
    innovationIds: [MPP],
  };
};

interface MutationCase {
  name: string;
  /** Roles allowed; REGENCY only for its own regency when `owned`. */
  roles: string[];
  owned: boolean;
  /** The field a FORBIDDEN about another regency names. */
  field?: string;
  query: string;
  input(target: string): Promise<Record<string, unknown>>;
}

const mutations: MutationCase[] = [
  {
    name: 'registerInnovation',
    roles: ['ADMIN'],
    owned: false,
    query: `mutation($input: RegisterInnovationInput!) { registerInnovation(input: $input) { id } }`,
    input: async () => ({ originCode: '35.10', name: `Inovasi uji ${day++}` }),
  },
  {
    name: 'reportStudyVisit',
    roles: ['ADMIN', 'REGENCY'],
    owned: true,
    field: 'visitorCode',
    query: REPORT_VISIT,
    input: async (target) => visitInput(target),
  },
  {
    name: 'retractStudyVisit',
    roles: ['ADMIN', 'REGENCY'],
    owned: true,
    field: 'visitId',
    query: `mutation($input: RetractStudyVisitInput!) { retractStudyVisit(input: $input) { id } }`,
    input: async (target) => {
      // Reported by the regency itself where the matrix has its token: a regency cannot
      // retract what the ministry reported.
      const reporter = target === OWN ? (tokens.REGENCY ?? null) : TEST_ADMIN_TOKEN;
      const response = await server.as(reporter)<{ reportStudyVisit: { id: string } }>(
        REPORT_VISIT,
        { input: visitInput(target) },
      );
      const visit = response.data?.reportStudyVisit;
      if (!visit) throw new Error(`setup failed: ${JSON.stringify(response.errors)}`);
      return { visitId: visit.id, reason: 'reported twice' };
    },
  },
  {
    name: 'reportMilestone',
    roles: ['ADMIN', 'REGENCY'],
    owned: true,
    field: 'adopterCode',
    query: REPORT_MILESTONE,
    input: async (target) => ({
      adopterCode: target,
      innovationId: MPP,
      kind: 'REGULATION_ENACTED',
      occurredOn: nextDate(),
    }),
  },
  {
    name: 'retractMilestone',
    roles: ['ADMIN', 'REGENCY'],
    owned: true,
    field: 'milestoneId',
    query: `mutation($input: RetractMilestoneInput!) { retractMilestone(input: $input) { stage } }`,
    input: async (target) => ({ milestoneId: await milestoneOf(target), reason: 'wrong date' }),
  },
  {
    name: 'addEvidence',
    roles: ['ADMIN', 'ANALYST', 'REGENCY'],
    owned: true,
    field: 'milestoneId',
    query: `mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }`,
    input: async (target) => ({
      milestoneId: await milestoneOf(target),
      evidence: [{ kind: 'PHOTO', title: 'Foto peluncuran' }],
    }),
  },
  {
    name: 'verifyMilestone',
    roles: ['ADMIN', 'ANALYST'],
    owned: false,
    query: `mutation($input: VerifyMilestoneInput!) { verifyMilestone(input: $input) { verification } }`,
    input: async (target) => ({ milestoneId: await milestoneOf(target) }),
  },
  {
    name: 'rejectMilestone',
    roles: ['ADMIN', 'ANALYST'],
    owned: false,
    query: `mutation($input: RejectMilestoneInput!) { rejectMilestone(input: $input) { verification } }`,
    input: async (target) => ({ milestoneId: await milestoneOf(target), reason: 'no evidence' }),
  },
  {
    name: 'issueAccessToken',
    roles: ['ADMIN'],
    owned: false,
    query: `mutation($input: IssueAccessTokenInput!) { issueAccessToken(input: $input) { token } }`,
    input: async (target) => ({ role: 'REGENCY', regencyCode: target }),
  },
  {
    name: 'revokeAccessToken',
    roles: ['ADMIN'],
    owned: false,
    query: `mutation($input: RevokeAccessTokenInput!) { revokeAccessToken(input: $input) { id } }`,
    input: async (target) => ({
      tokenId: (await issueToken(server, { role: 'REGENCY', regencyCode: target })).id,
    }),
  },
];

type Caller = 'ADMIN' | 'ANALYST' | 'REGENCY' | 'REVOKED' | 'UNKNOWN' | 'NONE';
const callers: Caller[] = ['ADMIN', 'ANALYST', 'REGENCY', 'REVOKED', 'UNKNOWN', 'NONE'];

const matrix = mutations.flatMap((m) =>
  callers.flatMap((caller) =>
    (['own', 'other'] as const).map((whose) => {
      let expected: string;
      if (caller === 'REVOKED' || caller === 'UNKNOWN' || caller === 'NONE')
        expected = 'UNAUTHENTICATED';
      else if (!m.roles.includes(caller)) expected = 'FORBIDDEN';
      else if (caller === 'REGENCY' && m.owned && whose === 'other') expected = 'FORBIDDEN';
      else expected = 'OK';
      return { m, caller, whose, expected };
    }),
  ),
);

describe('authorization matrix (role × mutation × own/other regency)', () => {
  it.each(matrix.map((c) => [c.m.name, c.caller, c.whose, c.expected, c] as const))(
    '%s by %s for its %s regency → %s',
    async (_n, caller, whose, expected, c) => {
      const input = await c.m.input(whose === 'own' ? OWN : OTHER);
      const before = await server.head();
      const response = await server.as(tokens[caller] ?? null)(c.m.query, { input });
      expect(response.status).toBeLessThan(500);
      if (expected === 'OK') {
        expect(response.errors).toBeUndefined();
        expect(await server.head()).toBeGreaterThan(before);
        return;
      }
      expect(response.errors?.[0]?.extensions?.code).toBe(expected);
      expect(response.errors?.[0]?.message).toMatch(/token|regency/);
      if (expected === 'FORBIDDEN' && caller === 'REGENCY' && c.m.roles.includes('REGENCY'))
        expect(response.errors?.[0]?.extensions?.field).toBe(c.m.field);
      expect(response.data ?? null).toBeNull();
      expect(await server.head()).toBe(before);
    },
  );
});

describe('tokens', () => {
  it('shows who a token speaks for, and nobody without one', async () => {
    const viewer = `{ viewer { authenticated role regency { code } } }`;
    expect((await server.as(tokens.REGENCY ?? null)(viewer)).data).toEqual({
      viewer: { authenticated: true, role: 'REGENCY', regency: { code: OWN } },
    });
    expect((await server.as(null)(viewer)).data).toEqual({
      viewer: { authenticated: false, role: null, regency: null },
    });
  });

  it('stops working at once when revoked', async () => {
    const { token, id } = await issueToken(server, { role: 'REGENCY', regencyCode: OTHER });
    const input = {
      adopterCode: OTHER,
      innovationId: MPP,
      kind: 'REGULATION_ENACTED',
      occurredOn: nextDate(),
    };
    expect((await server.as(token)(REPORT_MILESTONE, { input })).errors).toBeUndefined();
    await revokeToken(server, id);
    const refused = await server.as(token)(REPORT_MILESTONE, {
      input: { ...input, occurredOn: nextDate() },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0]?.message).toContain('revoked');
  });

  it('lists grants to the admin only, never a secret or a hash', async () => {
    const list = `{ accessTokens { id role revoked regency { code } } }`;
    const listed = await server.gql<{ accessTokens: Array<{ role: string }> }>(list);
    expect(listed.data?.accessTokens.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(listed)).not.toContain(tokens.REGENCY);
    const refused = await server.as(tokens.ANALYST ?? null)(list);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps grants and revocations across a restart (they are events)', async () => {
    server = await server.restart();
    const viewer = `{ viewer { role } }`;
    expect((await server.as(tokens.ANALYST ?? null)(viewer)).data).toEqual({
      viewer: { role: 'ANALYST' },
    });
    expect((await server.as(tokens.REVOKED ?? null)(viewer)).data).toEqual({
      viewer: { role: null },
    });
  });

  it('refuses malformed grants with the field named', async () => {
    const issue = `mutation($input: IssueAccessTokenInput!) { issueAccessToken(input: $input) { token } }`;
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ role: 'REGENCY' }, 'BAD_USER_INPUT', 'regencyCode'],
      [{ role: 'ANALYST', regencyCode: OWN }, 'BAD_USER_INPUT', 'regencyCode'],
      [{ role: 'REGENCY', regencyCode: '99.99' }, 'BAD_USER_INPUT', 'regencyCode'],
      [{ role: 'ROOT' }, 'BAD_USER_INPUT', 'role'],
    ];
    for (const [input, code, field] of cases) {
      const before = await server.head();
      const response = await server.gql(issue, { input });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code, field });
      expect(await server.head()).toBe(before);
    }
    const revoke = `mutation($input: RevokeAccessTokenInput!) { revokeAccessToken(input: $input) { id } }`;
    const unknown = await server.gql(revoke, {
      input: { tokenId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'tokenId' });
  });
});

describe('reads', () => {
  it('are open by default', async () => {
    const response = await server.as(null)(`{ innovation(id: "${MPP}") { name } }`);
    expect(response.data).toEqual({ innovation: { name: 'Mal Pelayanan Publik' } });
  });

  it('need a valid token with REPLIKA_READS_REQUIRE_TOKEN=true', async () => {
    const closed = await startServer({ env: { REPLIKA_READS_REQUIRE_TOKEN: 'true' } });
    try {
      const query = `{ innovation(id: "${MPP}") { name } }`;
      const anonymous = await closed.as(null)(query);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(anonymous.data ?? null).toBeNull();
      const bogus = await closed.as('rpk_never-issued-token-000000000000')(query);
      expect(bogus.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await closed.gql(query)).data).toEqual({
        innovation: { name: 'Mal Pelayanan Publik' },
      });
    } finally {
      await closed.destroy();
    }
  });
});
