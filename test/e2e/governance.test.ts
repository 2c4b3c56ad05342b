import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../support/access.js';
import { startServer, type TestServer } from '../support/server.js';
import { subscribe } from '../support/sse.js';

/**
 * Governance as IID does it, over real HTTP: only a milestone with evidence (data dukung) can be
 * verified; evidence can be added later by the adopting regency or the ministry; a regency cannot
 * retract what the ministry verified or reported; verdicts and retractions reach the live feed.
 */
let server: TestServer;
let lahat: string;
let oku: string;
let analyst: string;
const MPP = 'banyuwangi-mpp';

const REPORT = `mutation($input: ReportMilestoneInput!) {
  reportMilestone(input: $input) { milestones { id kind occurredOn } } }`;
const ADD = `mutation($input: AddEvidenceInput!) {
  addEvidence(input: $input) { id evidence { kind title url } verification } }`;
const VERIFY = `mutation($id: ID!) { verifyMilestone(input: { milestoneId: $id }) { verification } }`;
const REJECT = `mutation($id: ID!) { rejectMilestone(input: { milestoneId: $id, reason: "Dokumen tidak sah" }) { verification } }`;
const RETRACT = `mutation($id: ID!) { retractMilestone(input: { milestoneId: $id, reason: "Salah lapor" }) { stage } }`;
const photo = [{ kind: 'PHOTO', title: 'Foto penandatanganan MoU' }];

beforeAll(async () => {
  server = await startServer({ demo: false });
  lahat = (await issueToken(server, { role: 'REGENCY', regencyCode: '16.04' })).token;
  oku = (await issueToken(server, { role: 'REGENCY', regencyCode: '16.01' })).token;
  analyst = (await issueToken(server, { role: 'ANALYST' })).token;
  const registered = await server.gql(
    `mutation { registerInnovation(input: { id: "${MPP}", originCode: "35.10", name: "Mal Pelayanan Publik" }) { id } }`,
  );
  expect(registered.errors).toBeUndefined();
});
afterAll(() => server.destroy());

let day = 0;
/** Reports a fresh milestone of Lahat's MPP, by `token`, and answers its id. */
async function reported(token: string, kind: string, evidence?: unknown[]): Promise<string> {
  const occurredOn = new Date(Date.UTC(2019, 5, 1) + day++ * 86_400_000).toISOString().slice(0, 10);
  const response = await server.as(token)<{
    reportMilestone: { milestones: Array<{ id: string; kind: string; occurredOn: string }> };
  }>(REPORT, { input: { adopterCode: '16.04', innovationId: MPP, kind, occurredOn, evidence } });
  const id = response.data?.reportMilestone.milestones.find(
    (m) => m.kind === kind && m.occurredOn === occurredOn,
  )?.id;
  if (!id) throw new Error(`could not report: ${JSON.stringify(response.errors)}`);
  return id;
}

/** Runs a mutation that must be refused, and checks that nothing was appended. */
async function refused(token: string | null, query: string, variables: Record<string, unknown>) {
  const before = await server.head();
  const response = await server.as(token)(query, variables);
  expect(response.status).toBeLessThan(500);
  expect(await server.head()).toBe(before);
  return response.errors?.[0]?.extensions;
}

describe('verification needs evidence', () => {
  it('refuses to verify a milestone without evidence; verifies it once its regency added some', async () => {
    const mou = await reported(lahat, 'AGREEMENT_SIGNED');
    expect(await refused(analyst, VERIFY, { id: mou })).toMatchObject({
      code: 'CONFLICT',
      field: 'milestoneId',
    });
    const added = await server.as(lahat)(ADD, { input: { milestoneId: mou, evidence: photo } });
    expect(added.errors).toBeUndefined();
    expect(added.data).toEqual({
      addEvidence: {
        id: mou,
        evidence: [{ kind: 'PHOTO', title: 'Foto penandatanganan MoU', url: null }],
        verification: 'UNVERIFIED',
      },
    });
    const verified = await server.as(analyst)(VERIFY, { id: mou });
    expect(verified.data).toEqual({ verifyMilestone: { verification: 'VERIFIED' } });
  });

  it("lets the ministry add evidence to a study visit's milestone, then verify it", async () => {
    const visit = await server.as(lahat)<{ reportStudyVisit: { id: string } }>(
      `mutation { reportStudyVisit(input: { hostCode: "35.10", visitorCode: "16.04",
        startDate: "2019-02-25", endDate: "2019-02-27", delegationSize: 14, leader: "Bupati Lahat",
        innovationIds: ["${MPP}"] }) { id } }`,
    );
    const milestoneId = `${visit.data?.reportStudyVisit.id}:${MPP}`;
    expect(await refused(analyst, VERIFY, { id: milestoneId })).toMatchObject({
      code: 'CONFLICT',
      field: 'milestoneId',
    });
    const added = await server.as(analyst)(ADD, {
      input: {
        milestoneId,
        evidence: [
          {
            kind: 'NEWS',
            title: 'Berita studi tiru',
            url: 'https://www.tribunnews.com/2019/02/25',
          },
        ],
      },
    });
    expect(added.errors).toBeUndefined();
    expect((await server.as(analyst)(VERIFY, { id: milestoneId })).errors).toBeUndefined();
  });
});

describe('who may retract', () => {
  it('refuses a regency retracting what the ministry verified; the ministry can', async () => {
    const mou = await reported(lahat, 'AGREEMENT_SIGNED', photo);
    expect((await server.as(analyst)(VERIFY, { id: mou })).errors).toBeUndefined();
    expect(await refused(lahat, RETRACT, { id: mou })).toMatchObject({
      code: 'FORBIDDEN',
      field: 'milestoneId',
    });
    const byMinistry = await server.gql(RETRACT, { id: mou });
    expect(byMinistry.errors).toBeUndefined();
  });

  it('refuses a regency retracting what the ministry reported, but not its own or a rejected one', async () => {
    const byAdmin = await reported(
      server.replika.config.adminToken as string,
      'REGULATION_ENACTED',
    );
    expect(await refused(lahat, RETRACT, { id: byAdmin })).toMatchObject({
      code: 'FORBIDDEN',
      field: 'milestoneId',
    });
    const own = await reported(lahat, 'REGULATION_ENACTED');
    expect((await server.as(lahat)(RETRACT, { id: own })).errors).toBeUndefined();
    const rejected = await reported(lahat, 'BUDGET_ALLOCATED', photo);
    expect((await server.as(analyst)(VERIFY, { id: rejected })).errors).toBeUndefined();
    expect((await server.as(analyst)(REJECT, { id: rejected })).errors).toBeUndefined();
    expect((await server.as(lahat)(RETRACT, { id: rejected })).errors).toBeUndefined();
  });
});

describe('the live feed', () => {
  it('tells verdicts, retractions and added evidence on milestoneChanged, and only reports on milestoneReported', async () => {
    const mou = await reported(lahat, 'AGREEMENT_SIGNED');
    const abort = new AbortController();
    try {
      const changes = await subscribe(
        server.url,
        `subscription { milestoneChanged(adopterCode: "16.04") { position change milestone { id kind } } }`,
        abort.signal,
      );
      const reports = await subscribe(
        server.url,
        `subscription { milestoneReported(adopterCode: "16.04") { change milestone { kind } } }`,
        abort.signal,
      );
      const positions: string[] = [];
      const run = async (token: string, query: string, variables: Record<string, unknown>) => {
        const response = await server.as(token)(query, variables);
        expect(response.errors).toBeUndefined();
        positions.push(response.extensions?.replika?.position as string);
      };
      await run(lahat, ADD, { input: { milestoneId: mou, evidence: photo } });
      await run(analyst, VERIFY, { id: mou });
      await run(analyst, REJECT, { id: mou });
      await run(lahat, RETRACT, { id: mou });
      const pilot = await reported(lahat, 'PILOT_STARTED');
      const seen = [];
      for (let i = 0; i < 5; i++) seen.push((await changes()).data);
      expect(seen).toEqual([
        ...['EVIDENCE_ADDED', 'VERIFIED', 'REJECTED', 'RETRACTED'].map((change, i) => ({
          milestoneChanged: {
            position: positions[i],
            change,
            milestone: { id: mou, kind: 'AGREEMENT_SIGNED' },
          },
        })),
        {
          milestoneChanged: {
            position: expect.any(String),
            change: 'REPORTED',
            milestone: { id: pilot, kind: 'PILOT_STARTED' },
          },
        },
      ]);
      // The reports-only feed skipped the verdicts and the retraction.
      expect((await reports()).data).toEqual({
        milestoneReported: { change: 'REPORTED', milestone: { kind: 'PILOT_STARTED' } },
      });
    } finally {
      abort.abort();
    }
  });
});

describe('hostile addEvidence', () => {
  let mou: string;
  beforeAll(async () => {
    mou = await reported(lahat, 'AGREEMENT_SIGNED');
  });
  const piece = (over: Record<string, unknown> = {}) => ({
    kind: 'DOCUMENT',
    title: 'MoU',
    ...over,
  });

  it.each([
    [
      'an unknown milestone',
      () => ({ milestoneId: 'no-such-milestone', evidence: [piece()] }),
      'NOT_FOUND',
      'milestoneId',
    ],
    ['no evidence', () => ({ milestoneId: mou, evidence: [] }), 'BAD_USER_INPUT', 'evidence'],
    [
      '21 pieces',
      () => ({ milestoneId: mou, evidence: Array.from({ length: 21 }, () => piece()) }),
      'BAD_USER_INPUT',
      'evidence',
    ],
    [
      'a javascript: URL',
      () => ({ milestoneId: mou, evidence: [piece({ url: 'javascript:alert(1)' })] }),
      'BAD_USER_INPUT',
      'evidence.0.url',
    ],
    [
      'a control character',
      () => ({ milestoneId: mou, evidence: [piece({ title: 'MoU\u0000' })] }),
      'BAD_USER_INPUT',
      'evidence.0.title',
    ],
    [
      'an over-long title',
      () => ({ milestoneId: mou, evidence: [piece({ title: 'x'.repeat(301) })] }),
      'BAD_USER_INPUT',
      'evidence.0.title',
    ],
    [
      'a kind that is none',
      () => ({ milestoneId: mou, evidence: [piece({ kind: 'RUMOUR' })] }),
      'BAD_USER_INPUT',
      'evidence.0.kind',
    ],
    [
      'a blank milestone id',
      () => ({ milestoneId: '   ', evidence: [piece()] }),
      'BAD_USER_INPUT',
      'milestoneId',
    ],
  ])('refuses %s', async (_what, input, code, field) => {
    expect(await refused(lahat, ADD, { input: input() })).toMatchObject({ code, field });
  });

  it("refuses another regency's token, and no token at all", async () => {
    const input = { milestoneId: mou, evidence: [piece()] };
    expect(await refused(oku, ADD, { input })).toMatchObject({
      code: 'FORBIDDEN',
      field: 'milestoneId',
    });
    expect(await refused(null, ADD, { input })).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses more than 20 pieces in all, and evidence for a retracted milestone', async () => {
    const nineteen = Array.from({ length: 19 }, (_, i) => piece({ title: `Lampiran ${i + 1}` }));
    expect(
      (await server.as(lahat)(ADD, { input: { milestoneId: mou, evidence: nineteen } })).errors,
    ).toBeUndefined();
    const input = { milestoneId: mou, evidence: [piece(), piece()] };
    expect(await refused(lahat, ADD, { input })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'evidence',
    });
    expect((await server.as(lahat)(RETRACT, { id: mou })).errors).toBeUndefined();
    expect(
      await refused(lahat, ADD, { input: { milestoneId: mou, evidence: [piece()] } }),
    ).toMatchObject({
      code: 'CONFLICT',
      field: 'milestoneId',
    });
  });
});
