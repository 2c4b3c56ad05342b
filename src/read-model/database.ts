import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opens the read-model database. It is rebuildable from the event log at any time, so it trades
 * fsync-per-commit for speed (WAL + synchronous=NORMAL never corrupts, it may only lose the last
 * commits on power loss, which the projector then re-applies from its checkpoint).
 */
export function openReadModel(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -32768');
  // Checkpoint the WAL every ~40 MB rather than every 4 MB: a rebuild commits big batches.
  db.pragma('wal_autocheckpoint = 10000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name       TEXT    NOT NULL,
      version    INTEGER NOT NULL,
      state      TEXT    NOT NULL CHECK (state IN ('live', 'building')),
      position   INTEGER NOT NULL,
      updated_at TEXT    NOT NULL,
      PRIMARY KEY (name, version)
    );
  `);
  return db;
}
