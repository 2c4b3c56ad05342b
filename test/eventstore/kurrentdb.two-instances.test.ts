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

  it('an idempotency key used on A and retried on B stores once', async () => {
    const a = await instance();
    const b = await instance();
    const register = `mutation($input: RegisterInnovationInput!) { registerInnovation(input: $input) { id name } }`;
    const input = {
      originCode: '35.10',
      name: 'Inovasi lintas instans',
      idempotencyKey: 'two-instances-1',
    };
    const first = await gql<{ registerInnovation: { id: string } }>(a, register, { input }, admin);
    expect(first.errors).toBeUndefined();
    const retry = await gql<{ registerInnovation: { id: string } }>(b, register, { input }, admin);
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.registerInnovation.id).toBe(first.data?.registerInnovation.id);
    const registered = fake.log.records.filter(
      (r) =>
        r.type === 'InnovationRegistered' &&
        Buffer.from(r.data).toString().includes('Inovasi lintas instans'),
    );
    expect(registered).toHaveLength(1);
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
