import { execFile } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { DamagedEventError } from '../../src/eventstore/damaged.js';
import { projectRoot } from '../../src/paths.js';
import { spawnServer } from '../support/child.js';
import { startServer } from '../support/server.js';

/** A damaged data directory: the disposable read model is rebuilt, a damaged log is refused. */
const run = promisify(execFile);
const verify = (dataDir: string) =>
  run(process.execPath, ['--import', 'tsx', join(projectRoot(), 'src/cli/main.ts'), 'verify'], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

const FIGURES = '{ adoptions(first: 100) { totalCount edges { node { stage } } } }';

function dropReadModel(dataDir: string) {
  for (const suffix of ['', '-wal', '-shm'])
    rmSync(join(dataDir, `read-model.db${suffix}`), { force: true });
}

describe('a garbage read model', () => {
  it('is set aside with a log line and rebuilt from the log', async () => {
    const first = await startServer();
    const before = await first.gql(FIGURES);
    await first.stop();
    dropReadModel(first.dataDir);
    writeFileSync(join(first.dataDir, 'read-model.db'), 'this is not a database '.repeat(500));

    const lines: Array<{ level: number; msg: string; path?: string; movedTo?: string }> = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _e, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    const second = await startServer({ dataDir: first.dataDir, replika: { logger } });
    try {
      expect((await second.gql(FIGURES)).data).toEqual(before.data);
      const note = lines.find((l) => l.msg.includes('set it aside'));
      expect(note).toMatchObject({ level: 40, path: join(first.dataDir, 'read-model.db') });
      expect(existsSync(note?.movedTo ?? '')).toBe(true);
      expect(readdirSync(first.dataDir).some((f) => f.startsWith('read-model.db.damaged-'))).toBe(
        true,
      );
    } finally {
      await second.destroy();
    }
  }, 60_000);
});

describe('a damaged event', () => {
  it('stops start-up naming its position and stream, and replika verify lists every one', async () => {
    const server = await startServer();
    const { dataDir } = server;
    await server.stop();
    expect((await verify(dataDir)).stdout).toMatch(/^\d+ events up to position \d+: all readable/);

    const log = new Database(join(dataDir, 'events.db'));
    const [notJson, badPayload] = log
      .prepare(
        "SELECT position, stream FROM events WHERE type = 'MilestoneReported' ORDER BY position LIMIT 2",
      )
      .all() as Array<{ position: number; stream: string }>;
    log
      .prepare('UPDATE events SET data = ? WHERE position = ?')
      .run('{"milestoneId": ', notJson?.position);
    log
      .prepare(
        "UPDATE events SET data = json_set(data, '$.occurredOn', 'yesterday') WHERE position = ?",
      )
      .run(badPayload?.position);
    log.close();
    dropReadModel(dataDir);

    const error = await startServer({ dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DamagedEventError);
    expect((error as Error).message).toContain(
      `damaged event at log position ${notJson?.position} (stream ${notJson?.stream}`,
    );

    const child = await spawnServer({ dataDir }).catch((e: Error) => e);
    expect(String(child)).toMatch(/server exited \(3\)/);
    expect(String(child)).toContain(`position ${notJson?.position} (stream ${notJson?.stream}`);
    expect(String(child)).toContain('replika verify');

    const report = await verify(dataDir);
    expect(report.code).toBe(1);
    expect(report.stderr).toContain('2 damaged event(s)');
    expect(report.stderr).toContain(
      `position ${notJson?.position}, stream ${notJson?.stream}, revision`,
    );
    expect(report.stderr).toContain('is not valid JSON');
    expect(report.stderr).toContain(
      `position ${badPayload?.position}, stream ${badPayload?.stream}`,
    );
    expect(report.stderr).toContain('occurredOn: must be a calendar date');
    rmSync(dataDir, { recursive: true, force: true });
  }, 90_000);
});
