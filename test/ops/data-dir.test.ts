import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirError } from '../../src/data-dir.js';
import { projectRoot } from '../../src/paths.js';
import { spawnServer } from '../support/child.js';
import { startServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.js';

/** The data directory belongs to one process: a second server or an offline CLI is refused. */
const run = promisify(execFile);
const cli = (dataDir: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', join(projectRoot(), 'src/cli/main.ts'), ...args], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

const CSV_HEADER = 'adopter_code,innovation_id,kind,occurred_on,note\n';
/** Rows with a date of their own each (2010-01-01 plus their number of days). */
const rowsFor = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2017, 0, 1) + (i + from) * 86_400_000).toISOString().slice(0, 10);
    const adopter = ['73.71', '16.04', '76.01', '33.22'][i % 4];
    return `${adopter},banyuwangi-smart-kampung,INTEREST_DECLARED,${day},row ${i + from}`;
  }).join('\n');

describe('one process per data directory', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.destroy());

  it('refuses a second server in the same process, naming the holder', async () => {
    const error = await startServer({ dataDir: server.dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirError);
    expect((error as Error).message).toContain(
      `DATA_DIR ${server.dataDir} is in use by replika server (pid ${process.pid}`,
    );
    expect((error as Error).message).toContain(server.url);
    // The running server is untouched and still answers.
    expect((await server.gql('{ regency(code: "35.10") { name } }')).errors).toBeUndefined();
  });

  it('refuses a second server process, which exits 2 with the holder in its message', async () => {
    const failed = await spawnServer({ dataDir: server.dataDir }).catch((e: Error) => e);
    expect(String(failed)).toMatch(/server exited \(2\)/);
    expect(String(failed)).toContain('is in use by replika server');
  }, 30_000);

  it('refuses an offline import and rebuild beside the running server; nothing is written', async () => {
    const before = await server.head();
    const file = join(server.dataDir, 'beside.csv');
    writeFileSync(file, CSV_HEADER + rowsFor(3));
    const imported = await cli(server.dataDir, ['import', file]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('is in use by replika server');
    expect(imported.stderr).toContain(`replika import --url ${server.url}`);
    const rebuilt = await cli(server.dataDir, ['rebuild']);
    expect(rebuilt.code).toBe(1);
    expect(rebuilt.stderr).toContain('is in use by replika server');
    expect(await server.head()).toBe(before);
    // Mutations still answer (no second projector broke the read model).
    const response = await server.gql(
      'mutation { reportMilestone(input: { adopterCode: "73.71", innovationId: "banyuwangi-smart-kampung", kind: INTEREST_DECLARED, occurredOn: "2020-03-03" }) { stage } }',
    );
    expect(response.errors).toBeUndefined();
  }, 60_000);

  it('imports through the running server with --url: all or nothing, with progress', async () => {
    const bad = join(server.dataDir, 'bad.csv');
    writeFileSync(
      bad,
      `${CSV_HEADER + rowsFor(60)}\n16.04,no-such-innovation,INTEREST_DECLARED,2021-01-01,x\n`,
    );
    const before = await server.head();
    const env = { REPLIKA_TOKEN: TEST_ADMIN_TOKEN };
    const refused = await cli(server.dataDir, ['import', '--url', server.url, bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('nothing was imported');
    expect(refused.stderr).toContain('line 62, innovation_id');
    expect(await server.head()).toBe(before);

    const good = join(server.dataDir, 'good.csv');
    writeFileSync(good, CSV_HEADER + rowsFor(60, 100));
    const done = await cli(server.dataDir, ['import', '--url', server.url, good], env);
    expect(done.stdout).toContain('60 rows; imported 60, 0 already imported');
    expect(done.code).toBe(0);
    const again = await cli(server.dataDir, ['import', '--url', server.url, good], env);
    expect(again.stdout).toContain('60 rows; imported 0, 60 already imported');

    // The answer the CLI reads: the check, progress lines, then the report (read model caught up).
    const response = await fetch(`${server.url}/import/milestones`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'text/csv' },
      body: CSV_HEADER + rowsFor(60, 300),
    });
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ event: 'checked', toWrite: 60 });
    expect(lines.filter((l) => l.event === 'progress').length).toBeGreaterThan(1);
    const report = lines.at(-1);
    expect(report).toMatchObject({ event: 'done', imported: 60, problems: [] });
    const { data } = await server.gql<{ adoptions: { totalCount: number } }>(
      '{ adoptions(first: 0) { totalCount } }',
      undefined,
      { 'x-replika-min-position': report.position },
    );
    expect(data?.adoptions.totalCount).toBeGreaterThan(0);
    const anonymous = await fetch(`${server.url}/import/milestones`, { method: 'POST', body: 'x' });
    expect(anonymous.status).toBe(401);
  }, 90_000);
});

describe('a data directory the server cannot use', () => {
  it('names the path when DATA_DIR is not writable', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'replika-ro-'));
    try {
      const file = join(parent, 'not-a-dir');
      writeFileSync(file, '');
      const error = await startServer({ dataDir: join(file, 'data') }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataDirError);
      expect((error as Error).message).toContain(`DATA_DIR ${join(file, 'data')} cannot be used`);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('leaves no lock behind when the holder exits', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'replika-lock-'));
    try {
      const first = await spawnServer({ dataDir });
      first.process.kill('SIGKILL');
      await first.exited;
      expect(existsSync(join(dataDir, 'replika.lock'))).toBe(true);
      expect(readFileSync(join(dataDir, 'replika.lock'), 'utf8')).toContain('replika server');
      const second = await startServer({ dataDir });
      await second.destroy();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
