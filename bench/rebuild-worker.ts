/**
 * Child process of the benchmark: rebuilds the read model from the whole event log with the
 * real projector and projections, then prints one JSON line with what it measured.
 * Usage: node dist/bench/rebuild-worker.js DATA_DIR [noop] (built by `tsc -p tsconfig.bench.json`)
 * With `noop`, one projection that handles every event type and writes nothing stands in for the
 * real ones: what is left is the projector's own cost (read the log, decode and validate each
 * event, checkpoint), the ceiling any projection's SQL comes on top of.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { projections } from '../projections/index.js';
import type { Projection } from '../projections/projection.js';
import { eventSchemas } from '../src/domain/events.js';
import { SqliteEventStore } from '../src/eventstore/sqlite.js';
import { openReadModel } from '../src/read-model/database.js';
import { Projector } from '../src/read-model/projector.js';

const dataDir = process.argv[2];
const noop: Projection = {
  name: 'bench-noop',
  version: 1,
  tables: [],
  handles: Object.keys(eventSchemas) as Projection['handles'],
  migrate() {},
  prepare: () => () => {},
};
if (!dataDir) throw new Error('usage: rebuild-worker DATA_DIR');
const readModelPath = join(dataDir, 'read-model.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(`${readModelPath}${suffix}`, { force: true });

const store = new SqliteEventStore(join(dataDir, 'events.db'));
const head = await store.headPosition();
const db = openReadModel(readModelPath);
const projector = new Projector(
  store,
  db,
  process.argv[3] === 'noop' ? [noop] : projections,
  pino({ level: 'silent' }),
);
const started = process.hrtime.bigint();
projector.start();
await projector.waitFor(head, 3_600_000);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
await projector.stop();
await store.close();
db.close();
process.stdout.write(
  `${JSON.stringify({ events: Number(head), ms, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
);
