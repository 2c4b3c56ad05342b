/**
 * How long the analysts' figures take on the synthetic national dataset (bench/dataset.ts):
 * the dataset's events are folded by the figures projection into a SQLite file, then each
 * national figure is asked five times and the median is printed. Run:
 *
 *   npx tsx bench/figures.ts [scale]      # scale 1 = 60,000 adoptions, about 1,000,000 events
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { figuresProjection } from '../projections/figures/projection.js';
import { FigureReaders } from '../projections/figures/readers.js';
import type { ProjectedEvent } from '../projections/projection.js';
import { Regions } from '../src/application/regions.js';
import { eventSchemas } from '../src/domain/events.js';
import { physicalTable } from '../src/read-model/versions.js';
import { generateDataset, shapeFor } from './dataset.js';

const scale = Number(process.argv[2] ?? 1);
const regions = await Regions.load();
const codes = regions.regencies().map((r) => r.code);
const dataset = generateDataset(shapeFor(scale, codes.length), codes);
const dir = mkdtempSync(join(tmpdir(), 'replika-figures-'));
const db = new Database(join(dir, 'figures.db'));
db.pragma('journal_mode = WAL');
// As the read model does (src/read-model/database.ts): a 32 MiB page cache.
db.pragma('cache_size = -32768');
const t = physicalTable(figuresProjection);
figuresProjection.migrate(db, t);
const apply = figuresProjection.prepare(db, t);
const handles = new Set<string>(figuresProjection.handles);
let position = 0n;
let events = 0;
/** CPU milliseconds spent in the projection itself (not in generating the dataset). */
let projectingCpu = 0;
const started = performance.now();
const project = db.transaction((batch: ProjectedEvent[]) => {
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
    project(batch);
    const used = process.cpuUsage(cpu);
    projectingCpu += (used.user + used.system) / 1000;
  }
figuresProjection.readIndexes?.(db, t);
for (const table of figuresProjection.tables)
  db.exec(`CREATE VIEW ${table} AS SELECT * FROM ${t(table)}`);
const rows = (db.prepare('SELECT count(*) AS n FROM figure_milestones').get() as { n: number }).n;
console.log(
  `projected ${events} events (${rows} milestone rows) in ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
    `${(projectingCpu / 1000).toFixed(1)} s of it CPU in the projection: ${Math.round(events / (projectingCpu / 1000))} events per CPU second`,
);

const read = new FigureReaders(db);
const median = (label: string, run: () => unknown) => {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(52)} ${(times[2] as number).toFixed(1).padStart(8)} ms`);
};
const banyuwangi = dataset.pairs > 0 ? 'synthetic-3510-inovasi-0' : '';
median('topInnovations (national, AGREED)', () => read.ranking('innovation', 'AGREED', {}, 20));
median('topAdopters (national, AGREED)', () => read.ranking('adopter', 'AGREED', {}, 20));
median('topOrigins (national, AGREED)', () => read.ranking('origin', 'AGREED', {}, 20));
median('topInnovations (VERIFIED_ONLY, province 35)', () =>
  read.ranking('innovation', 'AGREED', { verification: 'VERIFIED_ONLY', provinceCode: '35' }, 20),
);
median('adoptionCurve (national, AGREED, YEAR)', () =>
  read.curve({}, 'AGREED', 'YEAR', 'OCCURRED', {}),
);
median('adoptionCurve (province 35, MONTH)', () =>
  read.curve({ provinceCode: '35' }, 'AGREED', 'MONTH', 'OCCURRED', {}),
);
median('adoptionCurve (one innovation)', () =>
  read.curve({ innovationId: banyuwangi }, 'AGREED', 'YEAR', 'OCCURRED', {}),
);
median('timeToStage (national, STUDY_VISIT)', () => read.timeToStage({}, 'STUDY_VISIT', {}));
median('timeToStage (origin 35.10)', () =>
  read.timeToStage({ originCode: '35.10' }, 'STUDY_VISIT', {}),
);
median('diffusionNetwork (origin 35.10)', () => read.network({ originCode: '35.10' }, {}));
if (process.env.EXPLAIN)
  for (const row of db
    .prepare(`EXPLAIN QUERY PLAN SELECT r.adopter_code, r.r3 FROM figure_reach r
      WHERE r.max_rank >= 3 AND r.class = 'EXCLUDE_REJECTED'`)
    .all())
    console.log(row);
db.close();
rmSync(dir, { recursive: true, force: true });
