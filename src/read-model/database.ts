import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opens the read-model database. It is rebuildable from the event log at any time, so it trades
 * fsync-per-commit for speed (WAL + synchronous=NORMAL never corrupts, it may only lose the last
 * commits on power loss, which the projector then re-applies from its checkpoint).
 */
export function openReadModel(
  path: string,
  onSetAside?: (setAside: { path: string; movedTo: string; reason: string }) => void,
): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  try {
    return open(path);
  } catch (error) {
    // The read model is disposable: a file that is not a database (or a damaged one) is set
    // aside for inspection and a fresh one is built from the event log.
    if (
      !(error instanceof Database.SqliteError) ||
      !UNREADABLE.has(error.code) ||
      path === ':memory:'
    )
      throw error;
    const movedTo = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(path, movedTo);
    for (const suffix of ['-wal', '-shm'])
      if (existsSync(path + suffix)) renameSync(path + suffix, movedTo + suffix);
    onSetAside?.({ path, movedTo, reason: `${error.code}: ${error.message}` });
    return open(path);
  }
}

/** SQLite's answers for a file that is not (or no longer) a readable database. */
const UNREADABLE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_VTAB']);

function open(path: string): Database.Database {
  const db = new Database(path);
  try {
    return configure(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: Database.Database): Database.Database {
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
