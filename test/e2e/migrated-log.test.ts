import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/eventstore/migrate.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * Moving stores must not change a single answer: a server started on a migrated copy of the log
 * answers exactly like the original, including when each fact was recorded.
 */
const EVERYTHING = `{
  adoptions(first: 500) {
    totalCount
    edges { node {
      adopter { code } innovation { id } stage maturity
      milestones { id kind occurredOn recordedAt note retracted }
    } }
  }
  regency(code: "35.10") {
    innovations { id name launchedOn }
    studyVisitsHosted { visitor { code } startDate }
  }
}`;

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.destroy();
});

describe('a server on a migrated event log', () => {
  it('answers exactly like the original, recording times included', async () => {
    const original = await startServer({ demo: true });
    servers.push(original);
    const before = await original.gql(EVERYTHING);
    expect(before.errors).toBeUndefined();
    await original.stop();

    // Let the wall clock move on, so a copy that lost the original times would show it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const copyDir = mkdtempSync(join(tmpdir(), 'replika-migrated-'));
    const source = new SqliteEventStore(join(original.dataDir, 'events.db'));
    const target = new SqliteEventStore(join(copyDir, 'events.db'));
    const result = await migrate(source, target);
    await source.close();
    await target.close();
    expect(result.complete).toBe(true);
    expect(result.copied).toBeGreaterThan(0);

    const copy = await startServer({ dataDir: copyDir, demo: false });
    servers.push(copy);
    const after = await copy.gql(EVERYTHING);
    expect(after.data).toEqual(before.data);
    expect(await copy.head()).toBe(result.sourceHead);
  });
});
