/**
 * Two replika instances, one cluster: two app processes, each with its own read model, against
 * one FAKE KurrentDB server (test/support/kurrentdb-fake). What one instance decides from its read
 * model (tokens, idempotency keys, the admin token) must hold on the other.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AccessTokenReaders } from '../../projections/access-tokens/readers.js';
import { projections } from '../../projections/index.js';
import { ensureAdminToken } from '../../src/application/admin-token.js';
import { KurrentDbEventStore } from '../../src/eventstore/kurrentdb.js';
import { createLogger } from '../../src/log.js';
import { openReadModel } from '../../src/read-model/database.js';
import { Projector } from '../../src/read-model/projector.js';
import { type ChildServer, spawnServer } from '../support/child.js';
import { type FakeKurrentDb, startFakeKurrentDb } from '../support/kurrentdb-fake/index.js';
import { TEST_ADMIN_TOKEN } from '../support/server.js';

interface Answer<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  extensions?: { replika?: { position: string } };
}

async function gql<T>(
  server: ChildServer,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer<T>;
}
const run = promisify(execFile);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const admin = bearer(TEST_ADMIN_TOKEN);

let fake: FakeKurrentDb;
const started: Array<{ server: ChildServer; dir: string }> = [];
async function instance(
  env: Record<string, string> = {},
  waitReady = true,
  dir = mkdtempSync(join(tmpdir(), 'replika-two-')),
): Promise<ChildServer> {
  const server = await spawnServer({
    dataDir: dir,
    timeoutMs: 60_000,
    waitReady,
    env: { EVENT_STORE: 'kurrentdb', KURRENTDB_URL: fake.url, REPLIKA_DEMO: 'false', ...env },
  });
  started.push({ server, dir });
  return server;
}
async function stopAll() {
  for (const { server, dir } of started.splice(0)) {
    server.process.kill('SIGTERM');
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('two instances against one (fake) KurrentDB', () => {
  beforeAll(async () => {
    fake = await startFakeKurrentDb();
  });
  afterEach(stopAll, 30_000);
  afterAll(async () => {
    await fake.stop();
  });

  it('a token issued on A works on B from its position on, and stops there once revoked on A', async () => {
    const a = await instance();
    const b = await instance();
    const issued = await gql<{ issueAccessToken: { token: string; accessToken: { id: string } } }>(
      a,
      `mutation { issueAccessToken(input: { role: REGENCY, regencyCode: "35.10", label: "Banyuwangi" }) {
        token accessToken { id } } }`,
      {},
      admin,
    );
    expect(issued.errors).toBeUndefined();
    const token = issued.data?.issueAccessToken.token ?? '';
    const at = issued.extensions?.replika?.position ?? '';
    const viewer = '{ viewer { authenticated role } }';
    const onB = await gql<{ viewer: { authenticated: boolean; role: string } }>(
      b,
      viewer,
      {},
      {
        ...bearer(token),
        'X-Replika-Min-Position': at,
      },
    );
    expect(onB.data?.viewer).toEqual({ authenticated: true, role: 'REGENCY' });
    const revoked = await gql(
      a,
      'mutation($id: ID!) { revokeAccessToken(input: { tokenId: $id }) { revoked } }',
      {
        id: issued.data?.issueAccessToken.accessToken.id,
      },
      admin,
    );
    expect(revoked.errors).toBeUndefined();
    const after = await gql<{ viewer: { authenticated: boolean } }>(
      b,
      viewer,
      {},
      {
        ...bearer(token),
        'X-Replika-Min-Position': revoked.extensions?.replika?.position ?? '',
      },
    );
    expect(after.data?.viewer.authenticated).toBe(false);
  }, 120_000);

  it('an idempotency key used on A and retried on B stores once, even before B has read A’s events', async () => {
    const a = await instance();
    const lagFrom = fake.log.end;
    const innovation = await gql<{ registerInnovation: { id: string } }>(
      a,
      'mutation { registerInnovation(input: { originCode: "35.10", name: "Mal lintas instans" }) { id } }',
      {},
      admin,
    );
    const innovationId = innovation.data?.registerInnovation.id ?? '';
    const report = `mutation($input: ReportMilestoneInput!) { reportMilestone(input: $input) { stage milestones { id kind } } }`;
    const milestone = {
      adopterCode: '16.04',
      innovationId,
      kind: 'AGREEMENT_SIGNED',
      occurredOn: '2019-02-27',
      idempotencyKey: 'two-instances-milestone',
    };
    const visitMutation = `mutation($input: ReportStudyVisitInput!) { reportStudyVisit(input: $input) { id retracted } }`;
    const visit = {
      hostCode: '35.10',
      visitorCode: '76.01',
      startDate: '2019-02-25',
      endDate: '2019-02-27',
      delegationSize: 60,
      leader: 'Bupati Pasangkayu',
      innovationIds: [innovationId],
      idempotencyKey: 'two-instances-visit',
    };
    const issue = `mutation($input: IssueAccessTokenInput!) { issueAccessToken(input: $input) { token accessToken { id } } }`;
    const grant = {
      role: 'ANALYST',
      label: 'Analis lintas instans',
      idempotencyKey: 'two-instances-token',
    };
    const onA = {
      milestone: await gql<{ reportMilestone: unknown }>(a, report, { input: milestone }, admin),
      visit: await gql<{ reportStudyVisit: { id: string } }>(
        a,
        visitMutation,
        { input: visit },
        admin,
      ),
      token: await gql<{ issueAccessToken: { token: string; accessToken: { id: string } } }>(
        a,
        issue,
        { input: grant },
        admin,
      ),
    };
    for (const answer of Object.values(onA)) expect(answer.errors).toBeUndefined();
    const visitId = onA.visit.data?.reportStudyVisit.id ?? '';
    const tokenId = onA.token.data?.issueAccessToken.accessToken.id ?? '';
    // Retracted meanwhile: a retry of the report would now be a new visit in a new stream.
    const retracted = await gql(
      a,
      'mutation($id: ID!) { retractStudyVisit(input: { visitId: $id, reason: "dilaporkan keliru" }) { id } }',
      { id: visitId },
      admin,
    );
    expect(retracted.errors).toBeUndefined();

    // B starts now and its feed lags: its read model knows the log up to A's start (the admin
    // token), none of these keys, so only the log can tell B that they are taken.
    fake.faults.lagFrom = lagFrom;
    try {
      const b = await instance({}, false);
      await vi.waitFor(
        async () => {
          const me = await gql<{ viewer: { authenticated: boolean } }>(
            b,
            '{ viewer { authenticated } }',
            {},
            admin,
          );
          expect(me.data?.viewer.authenticated).toBe(true);
        },
        { timeout: 30_000, interval: 100 },
      );
      const other = await gql(b, report, { input: { ...milestone, adopterCode: '33.22' } }, admin);
      expect(other.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        field: 'idempotencyKey',
      });
      const mark = fake.calls.length;
      const retries = {
        milestone: gql<{ reportMilestone: unknown }>(b, report, { input: milestone }, admin),
        visit: gql<{ reportStudyVisit: { id: string; retracted: boolean } }>(
          b,
          visitMutation,
          { input: visit },
          admin,
        ),
        token: gql<{ issueAccessToken: unknown }>(b, issue, { input: grant }, admin),
      };
      // Each retry has gone to the log (past B's read model) before B may catch up.
      const read = (stream: (name: string) => boolean) =>
        fake.calls.slice(mark).some((c) => c.stream !== undefined && stream(c.stream));
      await vi.waitFor(
        () => {
          expect(read((s) => s === `adoption-16.04_${innovationId}`)).toBe(true);
          expect(read((s) => s === `access-${tokenId}`)).toBe(true);
          expect(read((s) => s.startsWith('idempotency-'))).toBe(true);
        },
        { timeout: 30_000, interval: 50 },
      );
      fake.faults.lagFrom = undefined;
      const onB = {
        milestone: await retries.milestone,
        visit: await retries.visit,
        token: await retries.token,
      };
      expect(onB.milestone.data).toEqual(onA.milestone.data);
      // The original visit, not a new one. (Whether B shows it retracted yet depends on how far
      // its feed has caught up past the retraction when it answers: not what this test is about.)
      expect(onB.visit.data?.reportStudyVisit.id).toBe(visitId);
      expect(onB.token.data).toEqual({
        issueAccessToken: { token: null, accessToken: { id: tokenId } },
      });
    } finally {
      fake.faults.lagFrom = undefined;
    }
    const keyed = (key: string) =>
      fake.log.records.filter((r) => {
        const metadata = JSON.parse(Buffer.from(r.metadata).toString() || '{}') as {
          idempotency?: { key?: string };
        };
        return metadata.idempotency?.key === key;
      });
    expect(keyed('two-instances-milestone')).toHaveLength(1);
    expect(keyed('two-instances-visit')).toHaveLength(1);
    expect(keyed('two-instances-token')).toHaveLength(1);
    // The claims are in the log, the admin's business (one names a token grant).
    const log = '{ events(first: 1000) { nodes { type } } }';
    const types = async (headers: Record<string, string>) =>
      (
        (await gql<{ events: { nodes: Array<{ type: string }> } }>(a, log, {}, headers)).data
          ?.events.nodes ?? []
      ).map((n) => n.type);
    expect((await types(admin)).filter((t) => t === 'IdempotencyKeyClaimed')).toHaveLength(3);
    expect(await types({})).not.toContain('IdempotencyKeyClaimed');
  }, 120_000);

  it('a new instance listens at once: /health 200, /ready 503 while it catches up, then ready', async () => {
    const a = await instance();
    const made = await gql(
      a,
      'mutation { registerInnovation(input: { originCode: "35.10", name: "Inovasi sebelum B" }) { id } }',
      {},
      admin,
    );
    expect(made.errors).toBeUndefined();
    fake.faults.stallCatchUp = true; // B's catch-up reads wait until this is cleared
    try {
      const b = await instance({}, false);
      expect((await fetch(`${b.url}/health`)).status).toBe(200);
      const ready = await fetch(`${b.url}/ready`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { reason: string }).reason).toMatch(/starting: catching up/);
      fake.faults.stallCatchUp = false;
      await vi.waitFor(async () => expect((await fetch(`${b.url}/ready`)).status).toBe(200), {
        timeout: 60_000,
        interval: 200,
      });
    } finally {
      fake.faults.stallCatchUp = false;
    }
  }, 120_000);

  it('a new instance seeded from a copy of another instance’s read model is ready without replaying the log', async () => {
    const a = await instance();
    const made = await gql(
      a,
      'mutation { registerInnovation(input: { originCode: "35.10", name: "Inovasi untuk salinan" }) { id } }',
      {},
      admin,
    );
    expect(made.errors).toBeUndefined();
    const seeded = mkdtempSync(join(tmpdir(), 'replika-seeded-'));
    const from = started.find((s) => s.server === a)?.dir ?? '';
    const copy = await run('npx', [
      'tsx',
      'src/cli/main.ts',
      'read-model-copy',
      '--from',
      from,
      '--to',
      seeded,
    ]);
    expect(copy.stdout).toMatch(
      /read model copied to .*; the new instance starts from position \d+/,
    );
    fake.faults.stallCatchUp = true; // B could not replay the log now: it must not need to
    try {
      const b = await instance({}, true, seeded);
      const innovations = await gql<{ innovations: Array<{ name: string }> }>(
        b,
        '{ innovations { name } }',
      );
      expect(innovations.data?.innovations.map((i) => i.name)).toContain('Inovasi untuk salinan');
    } finally {
      fake.faults.stallCatchUp = false;
    }
  }, 120_000);

  it('two instances deciding at once on an empty log grant one admin token, not two', async () => {
    // As two instances starting together on an empty log: each caught up (with nothing), both
    // decide at the same time.
    const empty = await startFakeKurrentDb();
    const store = new KurrentDbEventStore(empty.url, { logger: createLogger('silent') });
    const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'replika-admin-')));
    const dbs = dirs.map((d) => openReadModel(join(d, 'read-model.db')));
    const projectors = dbs.map(
      (db) => new Projector(store, db, projections, createLogger('silent')),
    );
    for (const p of projectors) p.start();
    const head = await store.headPosition();
    await Promise.all(projectors.map((p) => p.waitFor(head)));
    const announced: string[] = [];
    try {
      await Promise.all(
        dbs.map((db) =>
          ensureAdminToken({
            store,
            tokens: new AccessTokenReaders(db),
            configured: undefined,
            announce: (m) => announced.push(m),
          }),
        ),
      );
      const admins = empty.log.records.filter(
        (r) =>
          r.type === 'AccessTokenIssued' &&
          Buffer.from(r.data).toString().includes('generated on first start'),
      );
      expect(admins).toHaveLength(1);
      expect(announced).toHaveLength(1);
    } finally {
      for (const p of projectors) await p.stop();
      for (const db of dbs) db.close();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
      await store.close();
      await empty.stop();
    }
  });
});
