/**
 * What a rebuild cannot go below on this machine, whatever the read model's design: the events
 * of a kept benchmark log read, parsed and validated as the rebuild does, and then the cheapest
 * read model three readers could share — one row per milestone in one table, with the eight
 * orderings the adoptions', timeline's and figures' readers ask for — written in one
 * transaction and indexed once. Prints each phase and the rebuild rate it alone would allow.
 *
 *   npm run bench -- --keep --dir D     (keeps a log: D/replika-bench-*)
 *   npx tsx bench/rebuild-floor.ts D/replika-bench-XXXX
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkedPayload } from '../src/eventstore/damaged.js';
import { type EventRow, toRecorded } from '../src/eventstore/sqlite.js';
import { openReadModel } from '../src/read-model/database.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: rebuild-floor DATA_DIR (a kept benchmark data directory)');
const log = new Database(join(dataDir, 'events.db'), { readonly: true });
const events = (log.prepare('SELECT count(*) FROM events').pluck().get() as number) ?? 0;
const rate = (ms: number) => `${Math.round(events / (ms / 1000)).toLocaleString('en')} events/s`;
const phase = (name: string, run: () => void) => {
  const started = performance.now();
  run();
  const ms = performance.now() - started;
  console.log(`${name.padEnd(64)} ${ms.toFixed(0).padStart(7)} ms  (${rate(ms)} if alone)`);
  return ms;
};

// 1. Read, parse and validate every event (what the decode thread does).
const page = log
  .prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT 5000')
  .safeIntegers(true);
function eachEvent(visit: (row: EventRow) => void) {
  for (let after = 0n; ; ) {
    const rows = page.all(after) as EventRow[];
    const last = rows.at(-1);
    if (!last) return;
    for (const row of rows) visit(row);
    after = last.position;
  }
}
phase('read, JSON.parse and validate every event (one thread)', () =>
  eachEvent((row) => {
    checkedPayload(toRecorded(row));
  }),
);

// 2. One shared milestone table: the union of the columns the three readers need.
const path = join(dataDir, 'rebuild-floor.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
const db = openReadModel(path);
db.exec(`CREATE TABLE milestones (
  id TEXT PRIMARY KEY, adopter_code TEXT NOT NULL, innovation_id TEXT NOT NULL,
  origin_code TEXT NOT NULL, province_code TEXT NOT NULL, kind TEXT NOT NULL,
  stage_rank INTEGER NOT NULL, occurred_on TEXT NOT NULL, recorded_at TEXT NOT NULL,
  known_at TEXT NOT NULL, verification TEXT NOT NULL, mode TEXT, note TEXT,
  evidence TEXT NOT NULL, position INTEGER NOT NULL)`);
const insert = db.prepare(
  `INSERT INTO milestones VALUES (?, ?, ?, ?, ?, ?, 3, ?, ?, ?, 'UNVERIFIED', ?, ?, ?, ?)`,
);
// Only the inserts are timed (the log is read and parsed again around them, untimed).
let inserting = 0;
let rows = 0;
db.transaction(() =>
  eachEvent((row) => {
    if (row.type !== 'MilestoneReported') return;
    const m = JSON.parse(row.data) as Record<string, unknown>;
    const recordedAt = new Date(Number(row.recorded_at)).toISOString();
    const adopter = m.adopterCode as string;
    const values = [
      m.milestoneId,
      adopter,
      m.innovationId,
      m.originCode,
      adopter.slice(0, 2),
      m.kind,
      m.occurredOn,
      recordedAt,
      recordedAt,
      (m.mode as string | undefined) ?? null,
      (m.note as string | undefined) ?? null,
      JSON.stringify(m.evidence),
      row.position,
    ];
    const started = performance.now();
    insert.run(...values);
    inserting += performance.now() - started;
    rows++;
  }),
)();
console.log(
  `${`insert ${rows.toLocaleString('en')} milestone rows into one table`.padEnd(64)} ${inserting.toFixed(0).padStart(7)} ms  (${rate(inserting)} if alone)`,
);
db.pragma('threads = 2');
let indexing = 0;
for (const [name, columns] of [
  ['adoption_occurred', 'adopter_code, innovation_id, occurred_on'],
  ['adoption_recorded', 'adopter_code, innovation_id, recorded_at'],
  ['innovation', 'innovation_id, occurred_on'],
  ['origin', 'origin_code, occurred_on'],
  ['province', 'province_code, occurred_on'],
  ['occurred', 'occurred_on'],
  ['recorded', 'recorded_at'],
  ['known', 'known_at'],
])
  indexing += phase(`  index ${name} (${columns})`, () =>
    db.exec(`CREATE INDEX ${name} ON milestones (${columns})`),
  );
console.log(
  `${'writing and indexing one shared table, together'.padEnd(64)} ${(inserting + indexing).toFixed(0).padStart(7)} ms  (${rate(inserting + indexing)} if alone)`,
);
db.close();
log.close();
for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
