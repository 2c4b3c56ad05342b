import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';

/**
 * A full disk under a running server: a write is answered with a clear storage error code and
 * nothing of it is stored; once space returns, writes succeed again without a restart. The disk
 * is a small tmpfs mounted for the test (it needs root, as CI and the dev machines run).
 */
const mountPoint = mkdtempSync(join(tmpdir(), 'replika-full-'));
const mounted = (() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', mountPoint], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
})();

const REPORT = (day: string) =>
  `mutation { reportMilestone(input: { adopterCode: "73.71", innovationId: "banyuwangi-smart-kampung", kind: INTEREST_DECLARED, occurredOn: "${day}", note: "${'catatan '.repeat(200)}" }) { stage } }`;

/** Writes a filler file until the disk is full; answers its path. */
function fillDisk(dir: string): string {
  const path = join(dir, 'filler');
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  // Fill the last bytes too.
  const small = openSync(join(dir, 'filler-tail'), 'w');
  try {
    for (;;) writeSync(small, Buffer.alloc(512, 1));
  } catch {}
  closeSync(small);
  return path;
}

// Mounting a tmpfs needs root (CI and the dev machines run as root); elsewhere this is skipped.
describe.skipIf(!mounted)('a full disk', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ dataDir: join(mountPoint, 'data') });
  });
  afterAll(async () => {
    await server?.stop();
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('answers STORAGE_FULL with nothing stored, and recovers once space returns', async () => {
    const before = await server.head();
    const filler = fillDisk(mountPoint);
    const codes = new Set<string | undefined>();
    for (let i = 1; i <= 5; i++) {
      const response = await server.gql(REPORT(`2020-04-0${i}`));
      expect(response.status).toBeLessThan(500);
      codes.add(response.errors?.[0]?.extensions?.code);
      expect(response.errors?.[0]?.message).toMatch(/disk .* full/);
    }
    expect([...codes]).toEqual(['STORAGE_FULL']);
    expect(await server.head()).toBe(before);

    rmSync(filler);
    rmSync(join(mountPoint, 'filler-tail'));
    const after = await server.gql<{ reportMilestone: { stage: string } }>(REPORT('2020-04-09'));
    expect(after.errors).toBeUndefined();
    expect(after.data?.reportMilestone.stage).toBeDefined();
    expect(await server.head()).toBe(before + 1n);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
  }, 60_000);
});

if (!mounted) rmSync(mountPoint, { recursive: true, force: true });
