/**
 * `npm run bench [-- --quick | --scale N] [--duration S] [--keep] [--dir D] [--out FILE]`
 * `npm run bench -- --growth [--scales 0.25,1,4] [--reuse 1=FILE]`: one run per scale and the
 * growth table (growth.ts).
 *
 * Generates the synthetic national dataset (see dataset.ts) in a temporary directory and measures,
 * in one run on this machine: durable append throughput (1 writer, 64 writers), the bulk load,
 * projection rebuild throughput, cold start of the real server, the flagship and a paged
 * `adoptions` query under 32 connections beside two baselines (a trivial graphql-yoga server and
 * a bare node:http server), the heaviest analyst questions, and peak resident memory. Prints a
 * table and writes bench/results.json. Each step is a file of `bench/steps/`, in this order.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Regions } from '../src/application/regions.js';
import { projectRoot } from '../src/paths.js';
import { Children } from './children.js';
import { shapeFor } from './dataset.js';
import { parseGrowthArgs, runGrowth } from './growth.js';
import { log, Recorder, writeReport } from './report.js';
import { measureAnalystRows, measureHeavyLoad, recordServerPeak } from './steps/analysts.js';
import { loadDataset } from './steps/bulk-load.js';
import { type BenchContext, CONNECTIONS, WRITERS } from './steps/context.js';
import { measureDurableAppends } from './steps/durable-appends.js';
import { measureRebuild } from './steps/rebuild.js';
import { measureQueries, startServer } from './steps/serving.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = flag('quick');
const scale = Number(option('scale') ?? (quick ? 0.02 : 1));
const duration = Number(option('duration') ?? (quick ? 2 : 10));
const root = projectRoot();
const children = new Children(root);

async function main() {
  const benchRoot = option('dir') ?? tmpdir();
  mkdirSync(benchRoot, { recursive: true });
  const dataDir = mkdtempSync(join(benchRoot, 'replika-bench-'));
  const fs = statfsSync(dataDir);
  log(
    `scale ${scale}${quick ? ' (quick)' : ''}, data in ${dataDir} (filesystem type 0x${fs.type.toString(16)})`,
  );

  // The server and the rebuild run as built JavaScript, as in production (no tsx loader).
  log('building dist/ for the cold-start and rebuild measurements (tsc)');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.bench.json'],
    { cwd: root, stdio: 'inherit' },
  );

  const regions = await Regions.load();
  const codes = regions.regencies().map((r) => r.code);
  const shape = shapeFor(scale, codes.length);
  log(`dataset: ${JSON.stringify(shape)}`);
  const recorder = new Recorder();
  const context: BenchContext = {
    root,
    dataDir,
    scale,
    quick,
    duration,
    codes,
    recorder,
    children,
  };

  await measureDurableAppends(context);
  const { loaded, loadedAt } = await loadDataset(context, shape);
  await measureRebuild(context);
  const { server, url, flagship } = await startServer(context, loaded);
  const adopters = flagship.regency.innovations.reduce((n, i) => n + i.adoptions.length, 0);
  await measureQueries(context, url, adopters);
  const banyuwangi = flagship.regency.innovations[0];
  await measureAnalystRows(context, url, { innovationId: banyuwangi?.id ?? '', loadedAt });
  await measureHeavyLoad(context, url);
  recordServerPeak(context, server.child.pid as number);
  await children.stop(server.child);

  writeReport(option('out') ?? join(root, 'bench', 'results.json'), recorder, {
    scale,
    quick,
    durationSeconds: duration,
    connections: CONNECTIONS,
    writers: WRITERS,
    dataset: shape,
  });
  if (!flag('keep')) rmSync(dataDir, { recursive: true, force: true });
  else log(`kept ${dataDir}`);
}

(flag('growth') ? Promise.resolve().then(() => runGrowth(parseGrowthArgs(args))) : main())
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => children.killAll());
