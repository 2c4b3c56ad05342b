/**
 * Baseline for the rebuild: one process scans the same event log with better-sqlite3, parses
 * each payload with JSON.parse and makes one upsert per event into a single table (the latest
 * event of each stream), in transactions of 5,000 events, on a read model opened as replika opens
 * its own. No validation, no projections: what one thread does with the bare tools.
 * Usage: node dist/bench/baselines/raw-rebuild.js DATA_DIR; prints one JSON line.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openReadModel } from '../../src/read-model/database.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: raw-rebuild DATA_DIR');
const path = join(dataDir, 'raw-baseline.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
const log = new Database(join(dataDir, 'events.db'), { readonly: true });
const db = openReadModel(path);
db.exec(`CREATE TABLE latest (stream TEXT PRIMARY KEY, type TEXT NOT NULL,
  position INTEGER NOT NULL, data TEXT NOT NULL, actor TEXT)`);
const upsert = db.prepare(
  `INSERT INTO latest (stream, type, position, data, actor) VALUES (?, ?, ?, ?, ?)
   ON CONFLICT (stream) DO UPDATE SET type = excluded.type, position = excluded.position,
     data = excluded.data, actor = excluded.actor`,
);
type Row = { position: number; stream: string; type: string; data: string; metadata: string };
const page = log.prepare(
  'SELECT position, stream, type, data, metadata FROM events WHERE position > ? ORDER BY position LIMIT 5000',
);
const write = db.transaction((rows: Row[]) => {
  for (const row of rows) {
    const data = JSON.parse(row.data) as Record<string, unknown>;
    const metadata = JSON.parse(row.metadata) as { actor?: string };
    upsert.run(
      row.stream,
      row.type,
      row.position,
      String(Object.keys(data).length),
      metadata.actor ?? null,
    );
  }
});
const started = process.hrtime.bigint();
let events = 0;
for (let after = 0; ; ) {
  const rows = page.all(after) as Row[];
  const last = rows.at(-1);
  if (!last) break;
  write(rows);
  events += rows.length;
  after = last.position;
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
db.close();
log.close();
for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
process.stdout.write(
  `${JSON.stringify({ events, ms, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
);
