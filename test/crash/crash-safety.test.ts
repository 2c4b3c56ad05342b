import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../support/child.js';
import { readStoredFacts, reportersOutsideTheStory } from '../support/reporters.js';

const KILLS = 5;
const REPORTERS = 12;

/**
 * Crash safety: the real server runs as a child process while concurrent reporters send
 * milestones over HTTP; it is killed with SIGKILL at random moments, several times, and
 * restarted each time. Afterwards every acknowledged report is in the log exactly once and
 * counted exactly once by every projection, and nothing is half there.
 */
describe('crash safety under SIGKILL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'replika-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged report exactly once through repeated kills', async () => {
    const reporters = await reportersOutsideTheStory(REPORTERS);

    for (let round = 0; round < KILLS; round++) {
      const server = await spawnServer({ dataDir });
      let stopped = false;
      const running = reporters.map((r) => r.run(server.url, () => stopped));
      // Kill at a random moment: sometimes mid-commit, sometimes between requests.
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 1200));
      server.process.kill('SIGKILL');
      expect(await server.exited).toBe('SIGKILL');
      stopped = true;
      await Promise.all(running);
    }

    // A last start replays whatever the kills left behind; then a clean stop.
    const last = await spawnServer({ dataDir });
    const ready = await fetch(`${last.url}/ready`);
    expect(ready.status).toBe(200);
    last.process.kill('SIGTERM');
    expect(await last.exited).toBe(0);

    const facts = readStoredFacts(dataDir);
    const acknowledged = reporters.flatMap((r) => r.acknowledged);
    const sent = reporters.flatMap((r) => r.sent);
    expect(acknowledged.length).toBeGreaterThan(REPORTERS * KILLS);
    const storedUnacknowledged = sent.filter(
      (tag) => !acknowledged.includes(tag) && facts.loggedNotes.has(tag),
    ).length;
    console.info(
      `crash test: ${KILLS} kills, ${sent.length} reports sent, ${acknowledged.length} acknowledged, ` +
        `${storedUnacknowledged} stored whole without an answer, log head ${facts.head}`,
    );

    // Every acknowledged report is in the log exactly once…
    const missing = acknowledged.filter((tag) => facts.loggedNotes.get(tag) !== 1);
    expect(missing).toEqual([]);
    // …and no report, acknowledged or not, is there twice.
    expect(sent.filter((tag) => (facts.loggedNotes.get(tag) ?? 0) > 1)).toEqual([]);
    // Every milestone in the log is projected exactly once, and nothing else is.
    expect(facts.projectedMilestoneIds.size).toBe(facts.loggedMilestoneIds.length);
    for (const id of facts.loggedMilestoneIds) expect(facts.projectedMilestoneIds.get(id)).toBe(1);
    // Every adoption counts each of its milestones once.
    const miscounted = [...facts.perAdoption].filter(([, c]) => c.logged !== c.projected);
    expect(miscounted).toEqual([]);
    expect(facts.innovationRows).toBe(facts.innovationEvents);
    // Every projection's checkpoint is the log head: nothing applied twice or left out.
    expect(facts.checkpoints.map((c) => c.position)).toEqual(
      facts.checkpoints.map(() => facts.head),
    );
  }, 240_000); // ~45 s alone; a loaded 2-core machine takes twice that or more
});
