import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMilestoneCsv } from '../../src/application/milestone-csv.js';
import { projectRoot } from '../../src/paths.js';
import { startServer, type TestServer } from '../support/server.js';

/** `replika import FILE.csv`: all or nothing, every bad line listed, re-runs add nothing. */
const EXAMPLE = join(projectRoot(), 'examples', 'milestones.csv');
const example = readFileSync(EXAMPLE, 'utf8');
const importer = { id: 'system:import', role: 'ADMIN' as const };

const SNAPSHOT = `{
  adoptions(first: 500) {
    totalCount
    edges { node {
      adopter { code } innovation { id } stage
      milestones { id kind occurredOn recordedAt note mode reportedBy
        evidence { kind title url reference }
        details { agreement { type parties documentNumber } pilot { scope } budget { amountRupiah } } }
    } }
  }
}`;

/** A registry with the story's innovations but none of its milestones (no demo). */
async function registryWithoutMilestones(): Promise<TestServer> {
  const server = await startServer({ demo: false });
  for (const [id, name] of [
    ['banyuwangi-mal-pelayanan-publik', 'Mal Pelayanan Publik'],
    ['banyuwangi-paket-replikasi-inovasi-2019', 'Paket replikasi inovasi Banyuwangi 2019'],
  ]) {
    const response = await server.gql(
      `mutation($input: RegisterInnovationInput!) { registerInnovation(input: $input) { id } }`,
      { input: { id, originCode: '35.10', name } },
    );
    if (response.errors) throw new Error(JSON.stringify(response.errors));
  }
  return server;
}

describe('CSV import', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await registryWithoutMilestones();
  });
  afterAll(() => server.destroy());

  it('imports the example once; importing it again yields the same read model', async () => {
    const first = await importMilestoneCsv(server.replika.commands, example, { actor: importer });
    expect(first.problems).toEqual([]);
    expect(first).toMatchObject({ rows: 9, imported: 9, alreadyImported: 0 });
    if (first.position !== undefined) await server.replika.projector.waitFor(first.position);
    const once = await server.gql(SNAPSHOT);
    const head = await server.head();

    const second = await importMilestoneCsv(server.replika.commands, example, { actor: importer });
    expect(second).toMatchObject({ rows: 9, imported: 0, alreadyImported: 9, problems: [] });
    expect(await server.head()).toBe(head);
    expect((await server.gql(SNAPSHOT)).data).toEqual(once.data);

    const adoptions = (once.data as { adoptions: { totalCount: number } }).adoptions;
    expect(adoptions.totalCount).toBe(6);
    const stages = JSON.stringify(once.data);
    expect(stages).toContain('"PILOTING"');
    expect(stages).toContain('Pemerintah Kabupaten Kapuas');
  });

  it('imports nothing from a file with bad rows, and lists every bad line', async () => {
    const head = await server.head();
    const bad = [
      'adopter_code,innovation_id,kind,occurred_on,mode,note,budget_fiscal_year,budget_amount_rupiah,budget_source',
      '73.71,banyuwangi-mal-pelayanan-publik,INTEREST_DECLARED,2020-01-01,,good row,,,', // line 2: fine
      '99.99,banyuwangi-mal-pelayanan-publik,INTEREST_DECLARED,2020-01-01,,,,,', // 3: unknown regency
      '73.71,no-such-innovation,INTEREST_DECLARED,2020-01-01,,,,,', // 4: unknown innovation
      '73.71,banyuwangi-mal-pelayanan-publik,BUDGET_ALLOCATED,2099-01-01,,,2099,5,APBD', // 5: future
      '73.71,banyuwangi-mal-pelayanan-publik,BUDGET_ALLOCATED,2020-02-01,,,2020,1.5 M,APBD', // 6: amount
      '73.71,banyuwangi-mal-pelayanan-publik,PILOT_STARTED,2020-03-01,,,2020,5,APBD', // 7: details of another kind
      '35.10,banyuwangi-mal-pelayanan-publik,INTEREST_DECLARED,2020-01-01,,,,,', // 8: the origin itself
      '73.71,banyuwangi-mal-pelayanan-publik,INTEREST_DECLARED,2020-01-01,,same again,,,', // 9: duplicate of line 2
      '73.71,banyuwangi-mal-pelayanan-publik,INTEREST_DECLARED', // 10: too few fields
      '73.71,banyuwangi-mal-pelayanan-publik,LAUNCHED,2020-04-01,,,,,', // 11: unknown kind
    ].join('\n');
    const report = await importMilestoneCsv(server.replika.commands, bad, { actor: importer });
    expect(report.imported).toBe(0);
    expect(await server.head()).toBe(head);
    expect(report.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'adopter_code'],
      [4, 'innovation_id'],
      [5, 'occurred_on'],
      [6, 'budget_amount_rupiah'],
      [7, 'budget_* columns'],
      [8, 'adopter_code'],
      [9, 'occurred_on'],
      [10, undefined],
      [11, 'kind'],
    ]);
    for (const problem of report.problems) expect(problem.message.length).toBeGreaterThan(5);
  });

  it('refuses unknown and missing columns', async () => {
    const report = await importMilestoneCsv(
      server.replika.commands,
      'adopter,innovation_id,kind\n16.04,x,INTEREST_DECLARED\n',
      { actor: importer },
    );
    expect(report.problems.map((p) => p.column)).toEqual([
      'adopter',
      'adopter_code',
      'occurred_on',
    ]);
  });
});

describe('replika import (the command)', () => {
  it('writes into a stopped server’s data directory, once', async () => {
    const server = await registryWithoutMilestones();
    await server.stop();
    const run = promisify(execFile);
    const cli = (file: string) =>
      run(
        process.execPath,
        ['--import', 'tsx', join(projectRoot(), 'src/cli/main.ts'), 'import', file],
        {
          env: {
            ...process.env,
            DATA_DIR: server.dataDir,
            LOG_LEVEL: 'silent',
            REPLIKA_ADMIN_TOKEN: '',
          },
        },
      );
    const first = await cli(EXAMPLE);
    expect(first.stdout).toContain('9 rows; imported 9, 0 already imported');
    const again = await cli(EXAMPLE);
    expect(again.stdout).toContain('9 rows; imported 0, 9 already imported');

    const badFile = join(server.dataDir, 'bad.csv');
    writeFileSync(
      badFile,
      'adopter_code,innovation_id,kind,occurred_on\n16.04,x,INTEREST_DECLARED,2020-01-01\n',
    );
    const failed = await cli(badFile).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('line 2, innovation_id');

    const restarted = await server.restart();
    try {
      const { data } = await restarted.gql<{ adoptions: { totalCount: number } }>(SNAPSHOT);
      expect(data?.adoptions.totalCount).toBe(6);
    } finally {
      await restarted.destroy();
    }
  }, 60_000);
});
