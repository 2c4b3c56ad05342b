import type Database from 'better-sqlite3';
import { type Projection, physicalTable } from '../../projections/projection.js';

/**
 * Projection versions in the read model. Each version of a projection writes its own physical
 * tables (`adoptions__v2`); readers see the live version through views named after the logical
 * tables (`adoptions`), so a new version is built beside the old one and swapped in by pointing
 * the views at it. `projection_checkpoints` records each stored version, its state and position.
 */
export { physicalTable };

export interface StoredVersion {
  version: bigint;
  state: string;
  position: bigint;
}

export function storedVersions(db: Database.Database, name: string): StoredVersion[] {
  return db
    .prepare('SELECT version, state, position FROM projection_checkpoints WHERE name = ?')
    .safeIntegers(true)
    .all(name) as StoredVersion[];
}

/** Creates this version's tables (dropping leftovers) and its checkpoint at position 0. */
export function createVersion(
  db: Database.Database,
  projection: Projection,
  state: 'live' | 'building',
): void {
  const t = physicalTable(projection);
  for (const table of projection.tables) db.exec(`DROP TABLE IF EXISTS ${t(table)}`);
  projection.migrate(db, t);
  db.prepare(
    `INSERT INTO projection_checkpoints (name, version, state, position, updated_at)
     VALUES (?, ?, ?, 0, ?)`,
  ).run(projection.name, projection.version, state, new Date().toISOString());
}

/** Points the logical views at this version's tables. */
export function pointViewsAt(db: Database.Database, projection: Projection): void {
  const t = physicalTable(projection);
  for (const table of projection.tables) {
    db.exec(`DROP VIEW IF EXISTS ${table}`);
    db.exec(`CREATE VIEW ${table} AS SELECT * FROM ${t(table)}`);
  }
}

/** Makes a built version the live one, dropping the version it replaces. */
export function swapIn(db: Database.Database, projection: Projection, old: number | undefined) {
  pointViewsAt(db, projection);
  db.prepare("UPDATE projection_checkpoints SET state = 'live' WHERE name = ? AND version = ?").run(
    projection.name,
    projection.version,
  );
  if (old !== undefined) dropVersion(db, projection, old);
}

export function dropVersion(db: Database.Database, projection: Projection, version: number): void {
  const t = physicalTable({ version });
  for (const table of projection.tables) db.exec(`DROP TABLE IF EXISTS ${t(table)}`);
  db.prepare('DELETE FROM projection_checkpoints WHERE name = ? AND version = ?').run(
    projection.name,
    version,
  );
}

/** Drops every stored version of a projection, and its views: it rebuilds from scratch. */
export function dropAllVersions(db: Database.Database, projection: Projection): void {
  const versions = storedVersions(db, projection.name).map((v) => Number(v.version));
  for (const table of projection.tables) db.exec(`DROP VIEW IF EXISTS ${table}`);
  for (const version of new Set([...versions, projection.version]))
    dropVersion(db, projection, version);
}
