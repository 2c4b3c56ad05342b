import type Database from 'better-sqlite3';
import type { BulkFold, Projection } from '../../../projections/projection.js';
import { physicalTable } from '../versions.js';
import type { DecodedBatch } from './source.js';

export interface BulkBuildOptions {
  /** Called after each committed transaction (between them, the caller may let others in). */
  between?: (position: bigint) => Promise<void>;
  /** No live version is beside the build: it may hold a transaction open between batches. */
  alone?: boolean;
}

/**
 * Builds fresh projection versions from the log in bulk: their tables are made again empty, each
 * projection's bulk form (or its live function, where it has none) takes the decoded events in
 * large transactions (one per batch the source reads), and at the end the folds write what they kept in memory, the read indexes
 * are made once and the checkpoints move to the position reached — in one last transaction, so a
 * build that stops halfway leaves its checkpoints at 0 and is made again from scratch. Answers
 * the position reached.
 */
export async function buildInBulk(
  db: Database.Database,
  source: AsyncIterable<DecodedBatch>,
  selected: readonly Projection[],
  options: BulkBuildOptions = {},
): Promise<bigint> {
  const folds = db.transaction(() =>
    selected.map((projection) => {
      const t = physicalTable(projection);
      for (const table of projection.tables) db.exec(`DROP TABLE IF EXISTS ${t(table)}`);
      projection.migrate(db, t);
      const fold: BulkFold = projection.bulk?.(db, t) ?? {
        apply: projection.prepare(db, t),
        finish() {},
      };
      return { projection, fold, handles: new Set<string>(projection.handles) };
    }),
  )();
  const write = (events: DecodedBatch['events']) => {
    for (const event of events)
      for (const f of folds) if (f.handles.has(event.type)) f.fold.apply(event);
  };
  const batched = db.transaction(write);
  // Alone (no live version beside it, nothing else writes) the build keeps one transaction open
  // across batches and commits every ~50,000 events; beside a live version each batch commits
  // on its own, so the live version's writes never wait inside it.
  const long = options.alone === true;
  let open = 0;
  let position = 0n;
  try {
    for await (const batch of source) {
      if (long) {
        if (open === 0) db.exec('BEGIN');
        write(batch.events);
        open += batch.events.length;
        if (open >= 50_000) {
          db.exec('COMMIT');
          open = 0;
        }
      } else batched(batch.events);
      position = batch.position;
      if (open === 0) await options.between?.(position);
    }
    if (open > 0) db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  // Index sorts may use a second core (for this build only), within a bounded memory budget.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('threads = 2');
  db.pragma(`cache_size = -${INDEX_SORT_KIB}`);
  const save = db.prepare(
    'UPDATE projection_checkpoints SET position = ?, updated_at = ? WHERE name = ? AND version = ?',
  );
  try {
    db.transaction(() => {
      const now = new Date().toISOString();
      for (const f of folds) {
        f.fold.finish();
        f.fold = FINISHED; // what it kept in memory may go
        f.projection.readIndexes?.(db, physicalTable(f.projection));
        save.run(position, now, f.projection.name, f.projection.version);
      }
    })();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma('threads = 0');
  }
  return position;
}

/** A fold that has written what it kept. */
const FINISHED: BulkFold = {
  apply() {
    throw new Error('the bulk build is finished');
  },
  finish() {},
};

/**
 * The sorter's budget while folds write their rows and the read indexes are made, in KiB.
 * SQLite sorts an index's keys in buffers of up to `cache_size` each, and with `threads = 2`
 * up to three are full at once (one per sorter thread and one being filled): at the read
 * model's 32 MiB that is ~96 MB on top of the process for each large index (the rebuild's peak
 * at 1M events). Smaller buffers only mean more sorted runs for one merge of at most 16.
 */
const INDEX_SORT_KIB = 8192;
