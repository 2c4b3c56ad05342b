import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDraft } from '../../src/news/proposals.js';
import { projectRoot } from '../../src/paths.js';
import { startServer, type TestServer } from '../support/server.js';

/** `replika draft FILE` beside a live server, reading its read model's innovations read-only. */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.destroy());

const FIXTURE = join(import.meta.dirname, 'fixtures', 'cilegon-2019-03.txt');
const run = promisify(execFile);
const draft = (...args: string[]) =>
  run(
    process.execPath,
    ['--import', 'tsx', join(projectRoot(), 'src/cli/main.ts'), 'draft', ...args],
    {
      env: { ...process.env, DATA_DIR: server.dataDir, LOG_LEVEL: 'silent' },
    },
  );

describe('replika draft', () => {
  it('prints the proposals readably, with the text each was read from', async () => {
    const { stdout } = await draft(FIXTURE, '--published-on', '2019-03-12');
    expect(stdout).toContain('HOST      35.10 Kabupaten Banyuwangi');
    expect(stdout).toContain('VISITOR   36.72 Kota Cilegon');
    expect(stdout).toContain('Kota Cilegon visits Kabupaten Banyuwangi, 2019-03-12 to 2019-03-12');
    expect(stdout).toContain('delegation: 30, led by Wali Kota Cilegon');
    expect(stdout).toContain('Smart Kampung Desa Tamansari (35.10.24.2008)');
    expect(stdout).toMatch(/startDate\s+\[\d+–\d+\]\s+"Selasa \(12\/3"/);
    expect(stdout).toContain('Interest 1');
    expect(stdout).toContain('Nothing was written.');
  }, 60_000);

  it('prints the mutation inputs with --json, and writes nothing', async () => {
    const before = await server.head();
    const { stdout } = await draft(
      FIXTURE,
      '--published-on',
      '2019-03-12',
      '--url',
      'https://example.org/c',
      '--json',
    );
    const parsed = JSON.parse(stdout) as ReportDraft;
    expect(parsed.studyVisits[0]?.input).toMatchObject({
      hostCode: '35.10',
      visitorCode: '36.72',
      innovationIds: ['banyuwangi-smart-kampung', 'banyuwangi-lounge-pelayanan-publik'],
      evidence: [{ kind: 'NEWS', url: 'https://example.org/c' }],
    });
    expect(parsed.milestones.map((m) => m.input.innovationId)).toEqual([
      'banyuwangi-smart-kampung',
    ]);
    expect(await server.head()).toBe(before);
  }, 60_000);

  it('refuses a malformed date or URL and a missing file', async () => {
    // Three CLI starts side by side: each compiles the CLI through tsx, seconds on a busy machine.
    const refused = await Promise.all(
      [
        [FIXTURE, '--published-on', '12/3/2019'],
        [FIXTURE, '--published-on', '2019-03-12', '--url', 'ftp://x'],
        [join(server.dataDir, 'no-such-file.txt')],
      ].map((args) => draft(...args).catch((e: { code: number; stderr: string }) => e)),
    );
    for (const failed of refused) expect(failed).toMatchObject({ code: 2 });
  }, 60_000);
});
