import type { Projection } from '../projection.js';

/** The registry of innovations, one row each, by origin regency. */
export const innovationsProjection: Projection = {
  name: 'innovations',
  // v2: index for the analysts' category / digital filter.
  version: 2,
  tables: ['innovations'],
  handles: ['InnovationRegistered'],
  migrate(db, t) {
    db.exec(`
      CREATE TABLE ${t('innovations')} (
        id            TEXT PRIMARY KEY,
        origin_code   TEXT NOT NULL,
        name          TEXT NOT NULL,
        description   TEXT,
        category      TEXT NOT NULL,
        digital       INTEGER NOT NULL,
        launched_on   TEXT,
        evidence      TEXT NOT NULL,
        registered_at TEXT NOT NULL,
        position      INTEGER NOT NULL
      );
    `);
  },
  readIndexes(db, t) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS ${t('innovations_origin')} ON ${t('innovations')} (origin_code, name);
      CREATE INDEX IF NOT EXISTS ${t('innovations_category')}
        ON ${t('innovations')} (category, digital, origin_code, name);
    `);
  },
  prepare(db, t) {
    const insert = db.prepare(
      `INSERT INTO ${t('innovations')}
         (id, origin_code, name, description, category, digital, launched_on, evidence, registered_at, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return (event) => {
      if (event.type !== 'InnovationRegistered') return;
      const e = event.data;
      insert.run(
        e.innovationId,
        e.originCode,
        e.name,
        e.description ?? null,
        e.category,
        e.digital ? 1 : 0,
        e.launchedOn ?? null,
        JSON.stringify(e.evidence),
        event.recordedAt.toISOString(),
        event.position,
      );
    };
  },
};
