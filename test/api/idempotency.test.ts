import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Commands } from '../../src/application/commands.js';
import { issueToken } from '../support/access.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * Idempotency keys: a retry with the same key and input answers the first result and appends
 * nothing, even 20 at once; the same key with other input is a CONFLICT.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.destroy());

const MPP = 'banyuwangi-mal-pelayanan-publik';
const REPORT = `mutation($input: ReportMilestoneInput!) {
  reportMilestone(input: $input) { stage milestones { id kind occurredOn details { budget { amountRupiah } } } }
}`;
const budget = (over: Record<string, unknown> = {}) => ({
  adopterCode: '16.04',
  innovationId: MPP,
  kind: 'BUDGET_ALLOCATED',
  occurredOn: '2024-01-15',
  details: { budget: { fiscalYear: 2024, amountRupiah: '2750000000', source: 'APBD' } },
  ...over,
});

async function eventsWithKey(key: string): Promise<number> {
  const all = await server.replika.store.readAll({ maxCount: 1_000_000 });
  return all.filter((e) => (e.metadata.idempotency as { key?: string } | undefined)?.key === key)
    .length;
}

describe('idempotency keys', () => {
  it('appends once for 20 concurrent identical requests, and answers all of them alike', async () => {
    const input = budget({ idempotencyKey: 'lahat-budget-2024-01-15' });
    const before = await server.head();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => server.gql(REPORT, { input })),
    );
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual(responses[0]?.data);
    }
    expect(await server.head()).toBe(before + 1n);
    expect(await eventsWithKey('lahat-budget-2024-01-15')).toBe(1);
    const positions = new Set(responses.map((r) => r.extensions?.replika?.position));
    expect(positions).toEqual(new Set([String(before + 1n)]));
    const { data } = await server.gql<{
      reportMilestone: { milestones: Array<{ kind: string; occurredOn: string }> };
    }>(REPORT, { input });
    const budgets = data?.reportMilestone.milestones.filter(
      (m) => m.kind === 'BUDGET_ALLOCATED' && m.occurredOn === '2024-01-15',
    );
    expect(budgets).toHaveLength(1);
  });

  it('answers CONFLICT for the same key with other input, and appends nothing', async () => {
    const before = await server.head();
    const response = await server.gql(REPORT, {
      input: budget({ occurredOn: '2024-01-16', idempotencyKey: 'lahat-budget-2024-01-15' }),
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'idempotencyKey',
    });
    expect(await server.head()).toBe(before);
  });

  it('treats an input written differently (key order, explicit nulls) as the same', async () => {
    const input = { ...budget({ occurredOn: '2024-02-01' }), idempotencyKey: 'same-input-k1' };
    const first = await server.gql(REPORT, { input });
    expect(first.errors).toBeUndefined();
    const before = await server.head();
    const reordered = Object.fromEntries(Object.entries(input).reverse());
    const again = await server.gql(REPORT, { input: { ...reordered, note: null, mode: null } });
    expect(again.errors).toBeUndefined();
    expect(await server.head()).toBe(before);
  });

  it('keeps keys per token: another token with the same key is another request', async () => {
    const { token } = await issueToken(server, { role: 'REGENCY', regencyCode: '76.01' });
    const input = {
      adopterCode: '76.01',
      innovationId: MPP,
      kind: 'REGULATION_ENACTED',
      occurredOn: '2024-02-02',
      idempotencyKey: 'same-input-k1',
    };
    const response = await server.as(token)(REPORT, { input });
    expect(response.errors).toBeUndefined();
  });

  it('remembers keys across a restart (rebuilt from event metadata)', async () => {
    const input = budget({ occurredOn: '2024-03-01', idempotencyKey: 'before-restart' });
    const first = await server.gql(REPORT, { input });
    expect(first.errors).toBeUndefined();
    server = await server.restart();
    const before = await server.head();
    const again = await server.gql(REPORT, { input });
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await server.head()).toBe(before);
    const other = await server.gql(REPORT, { input: { ...input, occurredOn: '2024-03-02' } });
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('holds on another instance that never saw the key (stable event ids)', async () => {
    // A second write side over the same log, with no memory and no read-model record of the key:
    // like a retry that reaches another instance before its read model caught up.
    const { replika } = server;
    const elsewhere = new Commands(replika.store, replika.regions, replika.read.adoptions);
    const actor = { id: 'token:another-instance', role: 'ADMIN' as const };
    const input = budget({ occurredOn: '2024-04-01', idempotencyKey: 'cross-instance' });
    const first = await elsewhere.reportMilestone(input, actor);
    const before = await server.head();
    const again = await new Commands(
      replika.store,
      replika.regions,
      replika.read.adoptions,
    ).reportMilestone(input, actor);
    expect(again).toEqual(first);
    expect(await server.head()).toBe(before);
    await expect(
      new Commands(replika.store, replika.regions, replika.read.adoptions).reportMilestone(
        { ...input, note: 'changed' },
        actor,
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
  });

  it('works on every mutation', async () => {
    const visit = {
      hostCode: '35.10',
      visitorCode: '73.71',
      startDate: '2024-05-01',
      endDate: '2024-05-02',
      delegationSize: 8,
      leader: 'Wali Kota Makassar',
      innovationIds: [MPP],
    };
    const steps: Array<[string, () => Record<string, unknown>]> = [];
    let visitId = '';
    let milestoneId = '';
    let tokenId = '';
    steps.push(
      [
        `mutation($input: RegisterInnovationInput!) { registerInnovation(input: $input) { id } }`,
        () => ({ originCode: '35.10', name: 'Inovasi idempoten' }),
      ],
      [
        `mutation($input: ReportStudyVisitInput!) { reportStudyVisit(input: $input) { id } }`,
        () => visit,
      ],
      [
        `mutation($input: RetractStudyVisitInput!) { retractStudyVisit(input: $input) { id retracted } }`,
        () => ({ visitId, reason: 'dilaporkan dua kali' }),
      ],
      [REPORT, () => budget({ occurredOn: '2024-05-03' })],
      // Only a milestone with evidence can be verified.
      [
        `mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id evidence { title } } }`,
        () => ({ milestoneId, evidence: [{ kind: 'DOCUMENT', title: 'DPA 2024' }] }),
      ],
      [
        `mutation($input: VerifyMilestoneInput!) { verifyMilestone(input: $input) { id verification } }`,
        () => ({ milestoneId }),
      ],
      [
        `mutation($input: RejectMilestoneInput!) { rejectMilestone(input: $input) { id verification } }`,
        () => ({ milestoneId, reason: 'dokumen tidak terbaca' }),
      ],
      [
        `mutation($input: RetractMilestoneInput!) { retractMilestone(input: $input) { stage } }`,
        () => ({ milestoneId, reason: 'salah tanggal' }),
      ],
      [
        `mutation($input: IssueAccessTokenInput!) { issueAccessToken(input: $input) { token accessToken { id } } }`,
        () => ({ role: 'ANALYST', label: 'Analis Kemendagri' }),
      ],
      [
        `mutation($input: RevokeAccessTokenInput!) { revokeAccessToken(input: $input) { id revoked } }`,
        () => ({ tokenId }),
      ],
    );
    for (const [i, [query, input]] of steps.entries()) {
      const keyed = { ...input(), idempotencyKey: `every-mutation-${i}` };
      const first = await server.gql<Record<string, Record<string, unknown>>>(query, {
        input: keyed,
      });
      expect(first.errors, query).toBeUndefined();
      const result = Object.values(first.data ?? {})[0] ?? {};
      if (typeof result.id === 'string' && query.includes('reportStudyVisit')) visitId = result.id;
      const milestones = result.milestones as Array<{ id: string; occurredOn: string }> | undefined;
      const reported = milestones?.find((m) => m.occurredOn === '2024-05-03');
      if (reported) milestoneId = reported.id;
      const accessToken = result.accessToken as { id: string } | undefined;
      if (accessToken) tokenId = accessToken.id;

      const before = await server.head();
      const again = await server.gql<Record<string, Record<string, unknown>>>(query, {
        input: keyed,
      });
      expect(again.errors, query).toBeUndefined();
      expect(await server.head()).toBe(before);
      if (accessToken) {
        // The secret is shown once: a retry answers the same grant without it.
        expect(result.token).toMatch(/^rpk_/);
        expect(again.data).toEqual({
          issueAccessToken: { token: null, accessToken: { id: tokenId } },
        });
      } else expect(again.data).toEqual(first.data);
    }
  });

  it('refuses a malformed key', async () => {
    const before = await server.head();
    for (const idempotencyKey of ['', 'with space', 'x'.repeat(201), 'a\u0000b']) {
      const response = await server.gql(REPORT, {
        input: budget({ occurredOn: '2024-06-01', idempotencyKey }),
      });
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'idempotencyKey',
      });
    }
    expect(await server.head()).toBe(before);
  });
});
