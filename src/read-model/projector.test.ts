import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Projection } from '../../projections/projection.js';
import { SqliteEventStore } from '../eventstore/sqlite.js';
import { openReadModel } from './database.js';
import { Projector } from './projector.js';

/** The projector over a real SQLite log and read model. */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'replika-projector-'));
  dirs.push(dir);
  return {
    store: new SqliteEventStore(join(dir, 'events.db')),
    db: openReadModel(join(dir, 'read-model.db')),
  };
}

const innovation = (n: number) => ({
  id: randomUUID(),
  type: 'InnovationRegistered',
  data: {
    innovationId: `innovation-${n}`,
    originCode: '35.10',
    name: `Innovation ${n}`,
    category: 'PUBLIC_SERVICE',
    digital: false,
    evidence: [],
  },
  metadata: { actor: 'test' },
});

/** Counts names, and records whether its read index existed when each event was applied. */
const counting = (seen: boolean[]): Projection => ({
  name: 'names',
  version: 1,
  tables: ['names'],
  handles: ['InnovationRegistered'],
  migrate: (db, t) => db.exec(`CREATE TABLE ${t('names')} (name TEXT NOT NULL)`),
  readIndexes: (db, t) =>
    db.exec(`CREATE INDEX IF NOT EXISTS ${t('names_by_name')} ON ${t('names')} (name)`),
  prepare(db, t) {
    const insert = db.prepare(`INSERT INTO ${t('names')} (name) VALUES (?)`);
    const indexed = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = ?`);
    return (event) => {
      if (event.type !== 'InnovationRegistered') return;
      seen.push((indexed.get(t('names_by_name')) as { n: number }).n === 1);
      insert.run(event.data.name);
    };
  },
});

describe('Projector', () => {
  it('builds read indexes once caught up with the log, not row by row during catch-up', async () => {
    const { store, db } = setUp();
    for (let n = 0; n < 5; n++)
      await store.append(`innovation-${n}`, [innovation(n)], { expectedRevision: 'no_stream' });
    const seen: boolean[] = [];
    const projector = new Projector(store, db, [counting(seen)], pino({ level: 'silent' }));
    projector.start();
    await projector.waitFor(await store.headPosition());
    expect(seen).toEqual([false, false, false, false, false]);
    const index = db
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'names_by_name__v1'")
      .get();
    expect(index).toBeDefined();

    // Live events after catch-up find the index in place.
    const { position } = await store.append('innovation-9', [innovation(9)], {
      expectedRevision: 'no_stream',
    });
    await projector.waitFor(position);
    expect(seen.at(-1)).toBe(true);
    expect((db.prepare('SELECT count(*) AS n FROM names').get() as { n: number }).n).toBe(6);
    await projector.stop();
    await store.close();
    db.close();
  });

  it('indexes a projection of an empty log at once', async () => {
    const { store, db } = setUp();
    const projector = new Projector(store, db, [counting([])], pino({ level: 'silent' }));
    projector.start();
    await vi.waitFor(() =>
      expect(
        db
          .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'names_by_name__v1'")
          .get(),
      ).toEqual({ n: 1 }),
    );
    await projector.stop();
    await store.close();
    db.close();
  });
});
