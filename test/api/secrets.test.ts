import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createReplika } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';

/**
 * The admin token: generated and shown once when none is configured, stored only as a hash, and
 * never written to the log, not even at trace level.
 */
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: pino({ level: 'trace', redact: { paths: [] } }, stream) };
}

async function start(dataDir: string, env: Record<string, string> = {}) {
  const announced: string[] = [];
  const { lines, logger } = capturedLogger();
  const replika = await createReplika(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'trace', ...env }),
    { logger, announce: (message) => announced.push(message) },
  );
  const port = await replika.listen();
  const gql = async (query: string, token?: string, variables?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data?: Record<string, unknown>;
      errors?: Array<{ extensions: { code: string } }>;
    };
  };
  return { replika, announced, lines, gql };
}

describe('admin token', () => {
  it('is generated, shown once, and keeps working after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'replika-admin-'));
    dirs.push(dataDir);
    const first = await start(dataDir);
    expect(first.announced).toHaveLength(1);
    const token = /rpk_[A-Za-z0-9_-]{43}/.exec(first.announced[0] ?? '')?.[0];
    expect(token).toBeDefined();
    expect((await first.gql('{ viewer { role } }', token)).data).toEqual({
      viewer: { role: 'ADMIN' },
    });
    const events = await first.replika.store.readAll({ maxCount: 10_000 });
    expect(
      JSON.stringify(events, (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
    ).not.toContain(token);
    await first.replika.close();

    const second = await start(dataDir);
    expect(second.announced).toHaveLength(0);
    expect((await second.gql('{ viewer { role } }', token)).data).toEqual({
      viewer: { role: 'ADMIN' },
    });
    await second.replika.close();

    // Configuring a token replaces the generated one; changing it replaces the old one.
    const chosen = 'rpk_chosen-by-the-ministry-000000000001';
    const third = await start(dataDir, { REPLIKA_ADMIN_TOKEN: chosen });
    expect(third.announced).toHaveLength(0);
    expect((await third.gql('{ viewer { role } }', chosen)).data).toEqual({
      viewer: { role: 'ADMIN' },
    });
    expect((await third.gql('{ viewer { role } }', token)).data).toEqual({
      viewer: { role: null },
    });
    await third.replika.close();
    const rotated = 'rpk_chosen-by-the-ministry-000000000002';
    const fourth = await start(dataDir, { REPLIKA_ADMIN_TOKEN: rotated });
    expect((await fourth.gql('{ viewer { role } }', rotated)).data).toEqual({
      viewer: { role: 'ADMIN' },
    });
    expect((await fourth.gql('{ viewer { role } }', chosen)).data).toEqual({
      viewer: { role: null },
    });
    await fourth.replika.close();
  });

  it('never appears in the log, whatever the requests do', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'replika-admin-'));
    dirs.push(dataDir);
    const admin = 'rpk_configured-admin-token-for-the-log-test-01';
    const server = await start(dataDir, { REPLIKA_ADMIN_TOKEN: admin, REPLIKA_DEMO: 'false' });
    const issued = await server.gql(
      `mutation { issueAccessToken(input: { role: REGENCY, regencyCode: "16.04" }) { token } }`,
      admin,
    );
    const regency = String(
      (issued.data?.issueAccessToken as { token?: string } | undefined)?.token,
    );
    expect(regency).toMatch(/^rpk_/);
    // A refused write, a malformed query and an unknown token, each with a token attached.
    await server.gql(
      `mutation { registerInnovation(input: { originCode: "35.10", name: "x" }) { id } }`,
      regency,
    );
    await server.gql(`{ nonsense `, regency);
    await server.gql(`{ viewer { role } }`, 'rpk_unknown-token-for-the-log-test-000000');
    await server.replika.close();
    const log = server.lines.join('');
    expect(server.lines.length).toBeGreaterThan(0);
    expect(log).not.toContain(admin);
    expect(log).not.toContain(regency);
    expect(log).not.toContain('rpk_unknown-token-for-the-log-test');
  });
});
