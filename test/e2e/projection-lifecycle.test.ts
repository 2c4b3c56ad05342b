import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { projections } from '../../projections/index.js';
import type { Projection } from '../../projections/projection.js';
import { DEMO_INNOVATIONS } from '../../src/demo/banyuwangi.js';
import { startServer } from '../support/server.js';

/**
 * The projection lifecycle as an operator lives it: a new version of the timeline projection
 * ships, the server restarts, builds it beside the live one from the whole log while analysts
 * keep asking, and swaps it in once caught up; the CLI lists versions, positions and lag and
 * rebuilds offline with a progress bar.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'replika-lifecycle-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const MPP = DEMO_INNOVATIONS.mpp;
const FIGURES = `{ diffusion(innovationId: "${MPP}") {
  adoptions funnel { stage reached } studyToStage { stage adoptions medianDays }
} }`;
const execFileAsync = promisify(execFile);
const cli = (args: string[]) =>
  execFileAsync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
  });

describe('a bumped projection version', () => {
  it('is built beside the live one while queries keep answering, then swapped in', async () => {
    // More events than one projector batch (2000), reported through the command handlers.
    const first = await startServer({ dataDir });
    const innovations = Object.values(DEMO_INNOVATIONS);
    const adopters = first.replika.regions
      .regencies()
      .map((r) => r.code)
      .filter((code) => code !== '35.10');
    const reports = adopters.flatMap((adopterCode) =>
      innovations.map((innovationId) => ({
        adopterCode,
        innovationId,
        kind: 'INTEREST_DECLARED',
        occurredOn: '2024-01-02',
      })),
    );
    for (let i = 0; i < reports.length; i += 200)
      await Promise.all(
        reports
          .slice(i, i + 200)
          .map((input) =>
            first.replika.commands.reportMilestone(input, { id: 'test:admin', role: 'ADMIN' }),
          ),
      );
    const head = await first.head();
    expect(head).toBeGreaterThan(2000n);
    await first.replika.projector.waitFor(head);
    const before = await first.gql(FIGURES);
    expect(before.errors).toBeUndefined();
    await first.stop();

    // The new release bumps the timeline projection's version. The projector pauses after
    // its first build batch until the test has asked its questions (a back-pressure listener).
    const live = projections.find((p) => p.name === 'timeline')?.version ?? 0;
    const next = live + 1;
    const bumped: Projection[] = projections.map((p) =>
      p.name === 'timeline' ? { ...p, version: p.version + 1 } : p,
    );
    let release!: () => void;
    const resumed = new Promise<void>((resolve) => {
      release = resolve;
    });
    let pausedMidBuild!: () => void;
    const paused = new Promise<void>((resolve) => {
      pausedMidBuild = resolve;
    });
    let batches = 0;
    let nextAfterRelease!: () => void;
    const swapped = new Promise<void>((resolve) => {
      nextAfterRelease = resolve;
    });
    const second = await startServer({
      dataDir,
      replika: {
        projections: bumped,
        onProjectorBatch: async () => {
          batches += 1;
          if (batches === 1) {
            pausedMidBuild();
            await resumed;
          } else nextAfterRelease();
        },
      },
    });
    try {
      await paused;
      const building = second.replika.projector
        .status()
        .projections.find((p) => p.name === 'timeline');
      expect(building).toMatchObject({ version: next, state: 'building' });
      expect(building?.position).toBeLessThan(head);
      // Queries are answered from the live version meanwhile, time travel included.
      const during = await second.gql(FIGURES);
      expect(during.errors).toBeUndefined();
      expect(during.data).toEqual(before.data);
      const health = (await (await fetch(`${second.url}/health`)).json()) as {
        readModel: { projections: Array<{ name: string; version: number; state: string }> };
      };
      expect(health.readModel.projections).toContainEqual(
        expect.objectContaining({ name: 'timeline', version: next, state: 'building' }),
      );

      release();
      await swapped;
      expect(
        second.replika.projector.status().projections.find((p) => p.name === 'timeline'),
      ).toMatchObject({ version: next, state: 'live', position: head });
      const after = await second.gql(FIGURES);
      expect(after.data).toEqual(before.data);
      const db = new Database(join(dataDir, 'read-model.db'), { readonly: true });
      try {
        const view = db
          .prepare(
            "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'milestone_timeline'",
          )
          .get() as { sql: string };
        expect(view.sql).toContain(`milestone_timeline__v${next}`);
        const old = db
          .prepare(
            `SELECT count(*) AS n FROM sqlite_master WHERE name = 'milestone_timeline__v${live}'`,
          )
          .get() as { n: number };
        expect(old.n).toBe(0);
      } finally {
        db.close();
      }
    } finally {
      release();
      await second.stop();
    }
  }, 120_000);
});

describe('the replika CLI', () => {
  it('lists projections with version, position and lag, and rebuilds one with the server stopped', async () => {
    const listed = await cli(['projections']);
    const head = /event log head: (\d+)/.exec(listed.stdout)?.[1];
    expect(head).toBeDefined();
    const line = (name: string, version: number, state: string) =>
      new RegExp(`${name}\\s+${version}\\s+${state.replace(/[()]/g, '\\$&')}\\s+${head}\\s+0\\s`);
    // The data directory still holds the bumped timeline version of the test above; this code
    // ships the one before, which the server would build beside it on its next start.
    const shipped = projections.find((p) => p.name === 'timeline')?.version ?? 0;
    expect(listed.stdout).toMatch(
      line('timeline', shipped + 1, `live (v${shipped} builds on next start)`),
    );
    for (const p of projections.filter((p) => p.name !== 'timeline'))
      expect(listed.stdout).toMatch(line(p.name, p.version, 'live'));

    const rebuilt = await cli(['rebuild', 'timeline']);
    expect(rebuilt.stdout).toContain(`rebuilt timeline v${shipped} from ${head} events`);
    expect((await cli(['projections'])).stdout).toMatch(line('timeline', shipped, 'live'));
    const server = await startServer({ dataDir });
    try {
      expect(
        server.replika.projector.status().projections.find((p) => p.name === 'timeline'),
      ).toMatchObject({ state: 'live', position: BigInt(head as string) });
      const figures = await server.gql(FIGURES);
      expect(figures.errors).toBeUndefined();
      // A running server holds the data directory: the offline rebuild refuses, and says why.
      const refused = await cli(['rebuild']).catch(
        (error: { code: number; stderr: string }) => error,
      );
      expect(refused).toMatchObject({ code: 1 });
      expect((refused as { stderr: string }).stderr).toContain('stop it first');
    } finally {
      await server.stop();
    }
    const unknown = await cli(['rebuild', 'nope']).catch((error: { code: number }) => error);
    expect(unknown).toMatchObject({ code: 2 });
  }, 120_000);
});
