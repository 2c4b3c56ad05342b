/**
 * Step 3: projection rebuild from the full log, in a child process (its own memory); first the
 * projector alone (a no-op projection), to show how much of the time the projections take; then
 * the raw scan-and-upsert baseline on the same log.
 */
import { join } from 'node:path';
import { projections } from '../../projections/index.js';
import { round } from '../report.js';
import type { BenchContext } from './context.js';

interface Rebuilt {
  events: number;
  ms: number;
  maxRssBytes: number;
}

export async function measureRebuild({ root, dataDir, scale, recorder, children }: BenchContext) {
  const { record } = recorder;
  const rebuild = (mode: 'noop' | 'real') =>
    children.json<Rebuilt>([
      process.execPath,
      join(root, 'dist/bench/rebuild-worker.js'),
      dataDir,
      mode,
    ]);
  const bare = await rebuild('noop');
  record({
    name: 'projector alone (no-op projection): read, decode, validate, checkpoint',
    value: round(bare.events / (bare.ms / 1000)),
    unit: 'events/s',
    note: 'the ceiling the projections SQL comes on top of',
  });
  const r = await rebuild('real');
  record({
    name: 'projection rebuild from the full log',
    value: round(r.events / (r.ms / 1000)),
    unit: 'events/s',
    goal: '>= 150000',
    note: `${r.events} events in ${round(r.ms)} ms, ${projections.length} projections`,
  });
  record({
    name: 'peak resident memory, rebuild process',
    value: round(r.maxRssBytes / 2 ** 20, 1),
    unit: 'MB',
    goal: scale > 1 ? '<= 400' : '<= 300',
  });
  const raw = await children.json<{ events: number; ms: number }>([
    process.execPath,
    join(root, 'dist/bench/baselines/raw-rebuild.js'),
    dataDir,
  ]);
  const rawRate = round(raw.events / (raw.ms / 1000));
  record({
    name: 'baseline: scan the log, JSON.parse each payload, one upsert per event (one table)',
    value: rawRate,
    unit: 'events/s',
    note: 'one process, better-sqlite3, no validation',
  });
  record({
    name: 'rebuild / raw scan-and-upsert baseline',
    value: round(r.events / (r.ms / 1000) / rawRate, 2),
    unit: 'ratio',
    goal: '>= 0.7',
  });
}
