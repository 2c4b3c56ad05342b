/**
 * `npm run bench [-- --quick | --scale N] [--duration S] [--keep] [--dir D] [--out FILE]`
 * `npm run bench -- --growth [--scales 0.25,1,4] [--reuse 1=FILE]`: one run per scale and the
 * growth table (growth.ts).
 *
 * Generates the synthetic national dataset (see dataset.ts) in a temporary directory and measures,
 * in one run on this machine: durable append throughput (1 writer, 64 writers), the bulk load,
 * projection rebuild throughput, cold start of the real server, the flagship and a paged
 * `adoptions` query under 32 connections beside two baselines (a trivial graphql-yoga server and
 * a bare node:http server), and peak resident memory. Prints a table and writes
 * bench/results.json.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { projections } from '../projections/index.js';
import { Regions } from '../src/application/regions.js';
import { SqliteEventStore } from '../src/eventstore/sqlite.js';
import { projectRoot } from '../src/paths.js';
import { analystLoad, analystQuestions } from './analyst.js';
import { appendAll, take } from './appends.js';
import { rawGroupedAppends } from './baselines/raw-appends.js';
import { generateDataset, shapeFor } from './dataset.js';
import { parseGrowthArgs, runGrowth } from './growth.js';
import { measureHeavyQueries } from './heavy-queries.js';

interface Measurement {
  name: string;
  value: number;
  unit: string;
  /** e.g. ">= 50000"; absent when the figure is context, not a goal. */
  goal?: string;
  met?: boolean;
  note?: string;
}

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = flag('quick');
const scale = Number(option('scale') ?? (quick ? 0.02 : 1));
const duration = Number(option('duration') ?? (quick ? 2 : 10));
const CONNECTIONS = 32;
const WRITERS = 64;
const root = projectRoot();
const results: Measurement[] = [];
const baselines: Record<string, { rps: number; p50: number; p99: number }> = {};
const children: ChildProcess[] = [];

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const seconds = (ns: bigint) => Number(ns) / 1e9;
const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

function record(m: Measurement) {
  if (m.goal) {
    const [op, target] = m.goal.split(' ');
    m.met = op === '>=' ? m.value >= Number(target) : m.value <= Number(target);
  }
  results.push(m);
  log(
    `${m.name}: ${m.value} ${m.unit}${m.goal ? ` (goal ${m.goal}: ${m.met ? 'met' : 'NOT met'})` : ''}`,
  );
}

/** Spawns a node process and resolves with the first stdout line matching `ready`. */
function spawnChild(
  command: string[],
  env: Record<string, string>,
  ready: (line: string) => boolean,
): Promise<{ child: ChildProcess; line: string; startedAt: bigint }> {
  const startedAt = process.hrtime.bigint();
  const [file, ...rest] = command;
  const child = spawn(file as string, rest, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`${command.join(' ')} exited with ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (ready(line)) resolve({ child, line, startedAt });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Peak resident set (VmHWM) of a live process, in MB. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return round(kb / 1024, 1);
}

async function load(
  name: string,
  url: string,
  body: string,
  check: (response: unknown) => void,
): Promise<{ rps: number; p50: number; p99: number }> {
  const probe = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  check(await probe.json());
  const options = {
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
  };
  await autocannon({ ...options, duration: 1 }); // warm-up, not measured
  const result = await autocannon({ ...options, duration });
  if (result.errors || result.non2xx || result.timeouts)
    throw new Error(
      `${name}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`,
    );
  return {
    rps: round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

const FLAGSHIP = JSON.stringify({
  query: `query Flagship { regency(code: "35.10") { name innovations { id name launchedOn
    adoptions { adopter { code name province { name } } stage maturity lastOccurredOn } } } }`,
});
const adoptionsPage = (after: string | null) =>
  JSON.stringify({
    query: `query Page($after: String) {
      adoptions(filter: { provinceCode: "33", minStage: AGREED }, first: 20, after: $after) {
        totalCount
        edges { cursor node { adopter { code name } innovation { id name } stage maturity lastOccurredOn } }
        pageInfo { hasNextPage endCursor } } }`,
    variables: { after },
  });

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
    {
      cwd: root,
      stdio: 'inherit',
    },
  );

  const regions = await Regions.load();
  const codes = regions.regencies().map((r) => r.code);
  const shape = shapeFor(scale, codes.length);
  log(`dataset: ${JSON.stringify(shape)}`);

  // 1. Durable appends on a scratch log (same disk), events from a second copy of the generator.
  {
    const scratch = new SqliteEventStore(join(dataDir, 'scratch', 'events.db'));
    const source = generateDataset(shapeFor(Math.max(scale, 0.05), codes.length), codes, 7);
    const innovations = [...source.innovations];
    await appendAll(scratch, innovations, WRITERS, 'whole-stream');
    const sequentialEvents = quick ? 300 : 2000;
    const concurrentEvents = quick ? 6000 : 40_000;
    const seq = await appendAll(
      scratch,
      take(source.streams, sequentialEvents),
      1,
      'one-event-per-append',
    );
    record({
      name: 'durable appends, 1 sequential writer',
      value: round(seq.events / seconds(seq.ns)),
      unit: 'events/s',
      note: `${seq.events} appends of 1 event, each awaited (fsync per commit)`,
    });
    const concurrentBatch = take(source.streams, concurrentEvents);
    const conc = await appendAll(scratch, concurrentBatch, WRITERS, 'one-event-per-append');
    const concurrentRate = round(conc.events / seconds(conc.ns));
    record({
      name: 'durable appends, 64 concurrent writers',
      value: concurrentRate,
      unit: 'events/s',
      goal: '>= 50000',
      note: `${conc.events} appends of 1 event (one command each), group-committed; request thread busy ${round(conc.busy * 100)}%`,
    });
    record({
      name: 'concurrent / sequential append speed-up',
      value: round(concurrentRate / (seq.events / seconds(seq.ns)), 1),
      unit: 'x',
      goal: '>= 10',
    });
    await scratch.close();
    // The same load with commits on the request thread (the design before the commit thread).
    const inline = new SqliteEventStore(join(dataDir, 'scratch', 'inline.db'), {
      inlineCommits: true,
    });
    const inlineRun = await appendAll(
      inline,
      take(source.streams, concurrentEvents),
      WRITERS,
      'one-event-per-append',
    );
    await inline.close();
    record({
      name: 'durable appends, 64 writers, commits on the request thread (before issue 14)',
      value: round(inlineRun.events / seconds(inlineRun.ns)),
      unit: 'events/s',
      note: `same load, same run: what the commit thread is compared with; request thread busy ${round(inlineRun.busy * 100)}%`,
    });
    // The same events the 64 writers appended (into a file of its own): at a tiny scale the
    // dataset has no further events to take.
    const raw = rawGroupedAppends(
      join(dataDir, 'scratch', 'raw-appends.db'),
      concurrentBatch.flatMap((s) => s.events),
    );
    const rawRate = round(raw.events / seconds(raw.ns));
    record({
      name: 'baseline: 64 one-event inserts per transaction + fsync, in a loop (same disk)',
      value: rawRate,
      unit: 'events/s',
      note: `${raw.events} events, one thread, no checks`,
    });
    record({
      name: '64 concurrent writers / raw grouped-insert baseline',
      value: round(concurrentRate / rawRate, 2),
      unit: 'ratio',
      goal: '>= 0.6',
    });
  }

  // 2. The bulk load of the dataset: 64 writers, one append per stream (all of its events).
  let loaded = 0;
  let loadedAt = Date.now();
  {
    const store = new SqliteEventStore(join(dataDir, 'events.db'));
    const dataset = generateDataset(shape, codes);
    let appendNs = 0n;
    const innovations = [...dataset.innovations];
    const first = await appendAll(store, innovations, WRITERS, 'whole-stream');
    loaded += first.events;
    appendNs += first.ns;
    for (;;) {
      const chunk = take(dataset.streams, 50_000);
      if (chunk.length === 0) break;
      const done = await appendAll(store, chunk, WRITERS, 'whole-stream');
      loaded += done.events;
      appendNs += done.ns;
      log(`loaded ${loaded} events`);
    }
    record({
      name: 'bulk load, 64 writers, whole-stream appends',
      value: round(loaded / seconds(appendNs)),
      unit: 'events/s',
      goal: '>= 50000',
      note: `${loaded} events in ${dataset.pairs} adoptions + innovations + visits; generation time excluded`,
    });
    record({ name: 'events in the log', value: loaded, unit: 'events' });
    loadedAt = Date.now();
    await store.close();
  }

  // 3. Projection rebuild from the full log, in a child process (its own memory); first the
  //    projector alone (a no-op projection), to show how much of the time the projections take.
  {
    const rebuild = async (mode: 'noop' | 'real') => {
      const { line } = await spawnChild(
        [process.execPath, join(root, 'dist/bench/rebuild-worker.js'), dataDir, mode],
        {},
        (l) => l.startsWith('{'),
      );
      return JSON.parse(line) as { events: number; ms: number; maxRssBytes: number };
    };
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
    const { line: rawLine } = await spawnChild(
      [process.execPath, join(root, 'dist/bench/baselines/raw-rebuild.js'), dataDir],
      {},
      (l) => l.startsWith('{'),
    );
    const raw = JSON.parse(rawLine) as { events: number; ms: number };
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

  // 4. Cold start of the built server on the full log and an up-to-date read model.
  const serverEnv = {
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    REPLIKA_DEMO: 'false',
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_SECOND: '0',
    NODE_ENV: 'production',
  };
  const server = await spawnChild([process.execPath, 'dist/src/main.js'], serverEnv, (l) =>
    l.includes('replika is listening'),
  );
  const url = `http://127.0.0.1:${(JSON.parse(server.line) as { port: number }).port}`;
  const firstAnswer = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: FLAGSHIP,
  });
  const flagship = (await firstAnswer.json()) as {
    data?: { regency: { innovations: Array<{ adoptions: unknown[] }> } };
    errors?: unknown;
  };
  const coldMs = Number(process.hrtime.bigint() - server.startedAt) / 1e6;
  if (!flagship.data || flagship.errors)
    throw new Error(`flagship failed: ${JSON.stringify(flagship)}`);
  record({
    name: 'cold start to first answer',
    value: round(coldMs),
    unit: 'ms',
    goal: scale > 1 ? '<= 2000' : '<= 1500',
    note: `node dist/src/main.js on ${loaded} events, read model up to date`,
  });
  const adopters = flagship.data.regency.innovations.reduce((n, i) => n + i.adoptions.length, 0);

  // 5. Queries under load, then the baselines, all against child processes.
  const trivial = await spawnChild(
    [process.execPath, '--import', 'tsx', 'bench/baselines/yoga-trivial.ts'],
    {},
    (l) => l.startsWith('{'),
  );
  const bare = await spawnChild(
    [process.execPath, '--import', 'tsx', 'bench/baselines/bare-http.ts'],
    {},
    (l) => l.startsWith('{'),
  );
  const portOf = (line: string) => (JSON.parse(line) as { port: number }).port;
  const yogaBase = await load(
    'trivial yoga',
    `http://127.0.0.1:${portOf(trivial.line)}/graphql`,
    JSON.stringify({ query: '{ hello }' }),
    (r) => {
      if (JSON.stringify(r) !== '{"data":{"hello":"world"}}') throw new Error('yoga baseline');
    },
  );
  const bareBase = await load(
    'bare http',
    `http://127.0.0.1:${portOf(bare.line)}/`,
    '{}',
    () => {},
  );
  baselines['graphql-yoga, trivial query'] = yogaBase;
  baselines['node:http, fixed body'] = bareBase;
  await stopChild(trivial.child);
  await stopChild(bare.child);
  // node:http answering exactly the bytes of the flagship's answer.
  const flagshipBytes = join(dataDir, 'flagship.json');
  writeFileSync(
    flagshipBytes,
    Buffer.from(
      await (
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: FLAGSHIP,
        })
      ).arrayBuffer(),
    ),
  );
  const bytes = await spawnChild(
    [process.execPath, '--import', 'tsx', 'bench/baselines/bare-http.ts', flagshipBytes],
    {},
    (l) => l.startsWith('{'),
  );
  const bytesBase = await load(
    'bare http, flagship bytes',
    `http://127.0.0.1:${portOf(bytes.line)}/`,
    '{}',
    () => {},
  );
  baselines["node:http, the flagship answer's exact bytes"] = bytesBase;
  await stopChild(bytes.child);

  const flag1 = await load('flagship', `${url}/graphql`, FLAGSHIP, (r) => {
    if ((r as { errors?: unknown }).errors) throw new Error(JSON.stringify(r));
  });
  record({
    name: 'flagship query (Banyuwangi innovations, adopters, stages)',
    value: flag1.rps,
    unit: 'requests/s',
    goal: `>= ${round(2 * yogaBase.rps)}`,
    note: `2x the trivial-yoga baseline; ${adopters} adoptions per answer; p50 ${flag1.p50} ms, p99 ${flag1.p99} ms`,
  });
  record({
    name: 'flagship / trivial-yoga baseline',
    value: round(flag1.rps / yogaBase.rps, 2),
    unit: 'ratio',
    goal: '>= 2',
  });
  record({
    name: "flagship / node:http answering the flagship's bytes",
    value: round(flag1.rps / bytesBase.rps, 2),
    unit: 'ratio',
    goal: '>= 0.3',
  });
  record({ name: 'flagship query p50 latency', value: flag1.p50, unit: 'ms' });
  record({ name: 'flagship query p99 latency', value: flag1.p99, unit: 'ms', goal: '<= 25' });

  const page1 = (await (
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: adoptionsPage(null),
    })
  ).json()) as { data: { adoptions: { totalCount: number; pageInfo: { endCursor: string } } } };
  const page = await load(
    'adoptions page',
    `${url}/graphql`,
    adoptionsPage(page1.data.adoptions.pageInfo.endCursor),
    (r) => {
      if ((r as { errors?: unknown }).errors) throw new Error(JSON.stringify(r));
    },
  );
  record({
    name: 'adoptions query (province 33, >= AGREED, 2nd page of 20)',
    value: page.rps,
    unit: 'requests/s',
    note: `of ${page1.data.adoptions.totalCount} matching; p50 ${page.p50} ms, p99 ${page.p99} ms`,
  });
  record({ name: 'adoptions query p50 latency', value: page.p50, unit: 'ms' });
  record({ name: 'adoptions query p99 latency', value: page.p99, unit: 'ms' });

  // The heaviest analyst questions, each request at another point in time (no cache hits).
  const banyuwangi = flagship.data.regency.innovations[0] as { id?: string } | undefined;
  for (const question of analystQuestions(banyuwangi?.id ?? '', '35.10', loadedAt)) {
    let a: Awaited<ReturnType<typeof analystLoad>>;
    try {
      a = await analystLoad(url, question, CONNECTIONS, duration);
    } catch (error) {
      // A question the server refuses (e.g. past its time budget at this scale) is a row too.
      record({
        name: `analyst: ${question.name}`,
        value: 0,
        unit: 'requests/s',
        note: `not answered: ${error instanceof Error ? error.message : String(error)}`.slice(
          0,
          300,
        ),
      });
      continue;
    }
    record({
      name: `analyst: ${a.name}`,
      value: a.rps,
      unit: 'requests/s',
      note: `p50 ${a.p50} ms, p99 ${a.p99} ms; server event-loop delay p99 ${a.loopP99} ms${a.timeouts ? `; ${a.timeouts} requests timed out after 10 s` : ''}`,
    });
    record({ name: `analyst: ${a.name}, p50`, value: a.p50, unit: 'ms' });
    record({ name: `analyst: ${a.name}, p99`, value: a.p99, unit: 'ms' });
    record({
      name: `analyst: ${a.name}, server event-loop delay p99`,
      value: a.loopP99,
      unit: 'ms',
    });
  }

  // One request must not stall everyone (issue 10): heavy analytics sent continuously.
  const heavy = await measureHeavyQueries(url, duration, 2);
  record({
    name: 'event-loop delay p99 under continuous heavy queries',
    value: heavy.eventLoopP99Ms,
    unit: 'ms',
    goal: '<= 50',
    note: `2 clients, in turn: the 4-diffusion 500-row query (refused ${heavy.refused}x by price), the heaviest admitted diffusions and issue 12 figures over a period (answered ${heavy.answered}x, ${heavy.figures} of them figures)`,
  });
  record({
    name: '/health p99 under continuous heavy queries',
    value: heavy.healthP99Ms,
    unit: 'ms',
    goal: '<= 50',
    note: `${heavy.healthProbes} probes every 20 ms; p50 ${heavy.healthP50Ms} ms, max ${heavy.healthMaxMs} ms`,
  });
  record({
    name: 'peak resident memory, server',
    value: peakRssMb(server.child.pid as number),
    unit: 'MB',
    goal: '<= 300',
    note: 'VmHWM after cold start and every query load',
  });
  await stopChild(server.child);

  // 6. Report.
  const machine = {
    cpus: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
    memoryGb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  const report = {
    date: new Date().toISOString(),
    scale,
    quick,
    durationSeconds: duration,
    connections: CONNECTIONS,
    writers: WRITERS,
    machine,
    dataset: shape,
    measurements: results,
    baselines: Object.entries(baselines).map(([name, b]) => ({
      name,
      requestsPerSecond: b.rps,
      p50Ms: b.p50,
      p99Ms: b.p99,
    })),
  };
  writeFileSync(
    option('out') ?? join(root, 'bench', 'results.json'),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  printTable(report);
  if (!flag('keep')) rmSync(dataDir, { recursive: true, force: true });
  else log(`kept ${dataDir}`);
}

function printTable(report: {
  measurements: Measurement[];
  baselines: Array<{ name: string; requestsPerSecond: number; p50Ms: number; p99Ms: number }>;
  machine: Record<string, unknown>;
  date: string;
  scale: number;
}) {
  const rows = [
    ['measurement', 'value', 'unit', 'goal', 'met'],
    ...report.measurements.map((m) => [
      m.name,
      String(m.value),
      m.unit,
      m.goal ?? '',
      m.goal ? (m.met ? 'yes' : 'NO') : '',
    ]),
    ...report.baselines.map((b) => [
      `baseline: ${b.name} (p50 ${b.p50Ms} ms, p99 ${b.p99Ms} ms)`,
      String(b.requestsPerSecond),
      'requests/s',
      '',
      '',
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(
    `\nreplika bench, scale ${report.scale}, ${report.date}, ${JSON.stringify(report.machine)}\n`,
  );
  console.log(line(rows[0] as string[]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
}

(flag('growth') ? Promise.resolve().then(() => runGrowth(parseGrowthArgs(args))) : main())
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  });
