import type Database from 'better-sqlite3';

/** Below this many rows a table is left to the planner's defaults (it fits whatever plan). */
export const ANALYZED_FROM_ROWS = 10_000;

/**
 * Whether the planner's statistics of a rowid `table` are missing or stale: it has at least
 * ANALYZED_FROM_ROWS rows and either no `sqlite_stat1` row yet, or it has doubled (or halved)
 * since its statistics were taken. ANALYZE counts every entry of every index exactly, whatever
 * `analysis_limit` says, so run at every start it cost 0.7 s at 4M events (the figures'
 * milestones): statistics are taken again only when the table's shape may have changed.
 */
export function statisticsStale(db: Database.Database, table: string): boolean {
  // max(rowid) is one step down the table's b-tree, never a scan; deletions only make it larger.
  const rows = (db.prepare(`SELECT max(rowid) FROM ${table}`).pluck().get() as number | null) ?? 0;
  if (rows < ANALYZED_FROM_ROWS) return false;
  const hasStatistics = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'")
    .get();
  if (!hasStatistics) return true;
  const stat = db
    .prepare('SELECT stat FROM sqlite_stat1 WHERE tbl = ? AND idx IS NOT NULL LIMIT 1')
    .pluck()
    .get(table) as string | undefined;
  const counted = Number.parseInt(stat ?? '', 10);
  if (!(counted > 0)) return true;
  return rows > 2 * counted || rows * 2 < counted;
}
