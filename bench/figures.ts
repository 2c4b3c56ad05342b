/**
 * How long the analysts' figures take on the synthetic national dataset (bench/dataset.ts):
 * the dataset's events are folded by the figures projection into a SQLite file, then each
 * figure is asked five times and the median is printed. Run:
 *
 *   npx tsx bench/figures.ts [scale] [--db FILE] [--explain]
 *
 * Scale 1 = 60,000 adoptions, about 1,000,000 events. With `--db FILE` the projected file is
 * kept there and reused by the next run (building it takes a minute at scale 1); `--explain`
 * prints each figure's query plan.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { loadPeriodIndex } from '../projections/figures/period-load.js';
import { figuresProjection } from '../projections/figures/projection.js';
import { FigureReaders } from '../projections/figures/readers.js';
import type { ProjectedEvent } from '../projections/projection.js';
import { Regions } from '../src/application/regions.js';
import { eventSchemas } from '../src/domain/events.js';
import { openReadModel } from '../src/read-model/database.js';
import { physicalTable } from '../src/read-model/versions.js';
import { periodFiguresBySql } from '../test/support/period-sql.js';
import { generateDataset, shapeFor } from './dataset.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const scale = Number(args.find((a) => /^\d/.test(a)) ?? 1);
const kept = option('db');
const dir = kept ? undefined : mkdtempSync(join(tmpdir(), 'replika-figures-'));
const file = kept ?? join(dir as string, 'figures.db');
const t = physicalTable(figuresProjection);

/** Folds the dataset's events through the figures projection into `db`. */
async function project(db: Database.Database) {
  const regions = await Regions.load();
  const codes = regions.regencies().map((r) => r.code);
  const dataset = generateDataset(shapeFor(scale, codes.length), codes);
  figuresProjection.migrate(db, t);
  const apply = figuresProjection.prepare(db, t);
  const handles = new Set<string>(figuresProjection.handles);
  let position = 0n;
  let events = 0;
  /** CPU milliseconds spent in the projection itself (not in generating the dataset). */
  let projectingCpu = 0;
  const started = performance.now();
  const run = db.transaction((batch: ProjectedEvent[]) => {
    for (const e of batch) apply(e);
  });
  for (const source of [dataset.innovations, dataset.streams])
    for (const { events: list } of source) {
      const batch: ProjectedEvent[] = [];
      for (const e of list) {
        position++;
        events++;
        if (!handles.has(e.type)) continue;
        const type = e.type as keyof typeof eventSchemas;
        batch.push({
          id: e.id,
          type,
          data: eventSchemas[type].parse(e.data),
          metadata: e.metadata ?? {},
          streamName: 'bench',
          revision: 0n,
          position,
          recordedAt: new Date(Date.UTC(2025, 0, 1) + Number(position) * 1000),
        } as ProjectedEvent);
      }
      const cpu = process.cpuUsage();
      run(batch);
      const used = process.cpuUsage(cpu);
      projectingCpu += (used.user + used.system) / 1000;
    }
  for (const table of figuresProjection.tables)
    db.exec(`CREATE VIEW ${table} AS SELECT * FROM ${t(table)}`);
  // Live at the position reached, as the projector leaves it (the period index reads it).
  db.prepare(
    `INSERT INTO projection_checkpoints (name, version, state, position, updated_at)
     VALUES ('figures', ?, 'live', ?, ?)`,
  ).run(figuresProjection.version, position, new Date().toISOString());
  console.log(
    `projected ${events} events in ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
      `${(projectingCpu / 1000).toFixed(1)} s of it CPU in the projection: ${Math.round(events / (projectingCpu / 1000))} events per CPU second`,
  );
}

const fresh = !existsSync(file);
// Opened as the read model is (src/read-model/database.ts): WAL, a 32 MiB page cache.
const db = openReadModel(file);
if (fresh) await project(db);
// The read indexes as the server builds them once a projection has caught up.
figuresProjection.readIndexes?.(db, t);
const rows = (db.prepare('SELECT count(*) AS n FROM figure_milestones').get() as { n: number }).n;
console.log(`${rows} milestone rows in ${file}${fresh ? '' : ' (reused)'}`);

/** The statements a figure runs, for --explain. */
const statements: string[] = [];
const prepare = db.prepare.bind(db);
if (args.includes('--explain')) {
  db.prepare = ((sql: string) => {
    statements.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
}
const read = new FigureReaders(db);
const median = (label: string, run: () => unknown) => {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    statements.length = 0;
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(56)} ${(times[2] as number).toFixed(1).padStart(8)} ms`);
  for (const sql of statements.splice(0))
    for (const row of prepare(`EXPLAIN QUERY PLAN ${sql}`).all(sampleParams(sql)) as Array<{
      detail: string;
    }>)
      console.log(`    ${row.detail}`);
};
/** Stand-in values for a statement's named parameters (the plan does not depend on them). */
const sampleParams = (sql: string) =>
  Object.fromEntries(
    [...sql.matchAll(/@(\w+)/g)].map(([, name]) => [
      name,
      name === 'class' ? 'EXCLUDE_REJECTED' : 1,
    ]),
  );

const banyuwangi = 'synthetic-3510-inovasi-0';
const period = { from: '2019-01-01', to: '2022-12-31' };
median('topInnovations (national, AGREED)', () => read.ranking('innovation', 'AGREED', {}, 20));
median('topAdopters (national, AGREED)', () => read.ranking('adopter', 'AGREED', {}, 20));
median('topOrigins (national, AGREED)', () => read.ranking('origin', 'AGREED', {}, 20));
median('topInnovations (VERIFIED_ONLY, province 35)', () =>
  read.ranking('innovation', 'AGREED', { verification: 'VERIFIED_ONLY', provinceCode: '35' }, 20),
);
median('topAdopters (national, period 2019-2022)', () =>
  read.ranking('adopter', 'AGREED', { period }, 20),
);
median('topInnovations (national, period 2019-2022)', () =>
  read.ranking('innovation', 'AGREED', { period }, 20),
);
median('topOrigins (mode ADAPTATION)', () =>
  read.ranking('origin', 'AGREED', { mode: 'ADAPTATION' }, 20),
);
median('adoptionCurve (national, AGREED, YEAR)', () =>
  read.curve({}, 'AGREED', 'YEAR', 'OCCURRED', {}),
);
median('adoptionCurve (national, KNOWN, MONTH)', () =>
  read.curve({}, 'AGREED', 'MONTH', 'KNOWN', {}),
);
median('adoptionCurve (national, MONTH, period 2019-2022)', () =>
  read.curve({}, 'AGREED', 'MONTH', 'OCCURRED', { period }),
);
median('adoptionCurve (province 35, MONTH)', () =>
  read.curve({ provinceCode: '35' }, 'AGREED', 'MONTH', 'OCCURRED', {}),
);
median('adoptionCurve (one innovation)', () =>
  read.curve({ innovationId: banyuwangi }, 'AGREED', 'YEAR', 'OCCURRED', {}),
);
median('timeToStage (national, STUDY_VISIT)', () => read.timeToStage({}, 'STUDY_VISIT', {}));
median('timeToStage (national, FIRST_INTEREST)', () => read.timeToStage({}, 'FIRST_INTEREST', {}));
median('timeToStage (national, period 2019-2022)', () =>
  read.timeToStage({}, 'STUDY_VISIT', { period }),
);
// The synthetic visits are all in 2015: a period that holds them, and each start.
const withVisits = { from: '2015-07-01', to: '2019-12-31' };
median('timeToStage (national, period 2015-07..2019)', () =>
  read.timeToStage({}, 'STUDY_VISIT', { period: withVisits }),
);
median('timeToStage (FIRST_INTEREST, period 2015-07..2019)', () =>
  read.timeToStage({}, 'FIRST_INTEREST', { period: withVisits }),
);
median('timeToStage (origin 35.10)', () =>
  read.timeToStage({ originCode: '35.10' }, 'STUDY_VISIT', {}),
);
median('diffusionNetwork (origin 35.10)', () => read.network({ originCode: '35.10' }, {}));
// The period figures as SQL adds them up from the milestone rows (before the period index; the
// oracle the index's property test holds it to), over the same periods: what the index replaced.
const sql = periodFiguresBySql(db);
median('SQL before the index: topAdopters (period 2019-2022)', () =>
  sql.ranking('adopter', 'AGREED', { period }, 20),
);
median('SQL before the index: adoptionCurve (MONTH, period 2019-2022)', () =>
  sql.curve({}, 'AGREED', 'MONTH', 'OCCURRED', { period }),
);
median('SQL before the index: timeToStage (period 2015-07..2019)', () =>
  sql.timeToStage({}, 'STUDY_VISIT', { period: withVisits }),
);
// The first figure over a period reads the index; new events re-read only what they changed.
const loading = performance.now();
loadPeriodIndex(db);
console.log(
  `${'reading the period index (all of it)'.padEnd(56)} ${(performance.now() - loading).toFixed(1).padStart(8)} ms`,
);
median('diffusionNetwork (one innovation, period 2019-2022)', () =>
  read.network({ innovationId: banyuwangi }, { period }),
);
db.close();
if (dir) rmSync(dir, { recursive: true, force: true });
