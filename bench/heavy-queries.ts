/**
 * The "one request must not stall everyone" row of the benchmark: while clients send expensive
 * analytics queries continuously, how long the server's event loop is held (its own p99
 * event-loop delay, from prom-client's `nodejs_eventloop_lag_p99_seconds`, reset at each
 * scrape) and how fast `/health` answers a probe sent every 20 ms.
 *
 * `measureHeavyQueries` is called by `bench/steps/analysts.ts`; run this row alone against a
 * dataset it builds itself with `npx tsx bench/heavy-queries.ts [--scale 0.1] [--duration 10]
 * [--profile DIR]` (`--profile`: a CPU profile of the server's main thread, written to DIR when it
 * stops).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { Regions } from '../src/application/regions.js';
import { SqliteEventStore } from '../src/eventstore/sqlite.js';
import { projectRoot } from '../src/paths.js';
import { serverEnv } from './children.js';
import { generateDataset, shapeFor } from './dataset.js';
import { log } from './report.js';

export interface HeavyQueryFigures {
  /** Heavy requests answered during the window, and how many were refused by the price limit. */
  answered: number;
  /** Of them, issue 12's figures (rankings, curve, time to stage over a period). */
  figures: number;
  refused: number;
  timedOut: number;
  eventLoopP99Ms: number;
  healthP50Ms: number;
  healthP99Ms: number;
  healthMaxMs: number;
  healthProbes: number;
}

/** The query of issue 10 (four diffusion variants per node of a 500-adoption page). */
const ISSUE_QUERY = `{ adoptions(first: 500) { edges { node { innovation {
  a: diffusion { adoptions funnel { stage reached } }
  b: diffusion(asOf: "2020-01-01") { adoptions }
  c: diffusion(window: { from: "2019-01-01", to: "2024-12-31" }) { adoptions }
  d: diffusion(knownAt: "2025-01-01T00:00:00Z") { adoptions }
} } } } }`;

/**
 * The heaviest kind the default price limit (5000) admits: two diffusions per row of a 12-row
 * page, one of them at a date (10 + 12 x (100 + 3 x 100) = 4810).
 */
const admitted = (asOf: string) => ({
  query: `query($asOf: Date, $after: String) { adoptions(first: 12, after: $after, sort: { field: UPDATED, direction: DESC }) {
    edges { node { innovation {
      now: diffusion { adoptions funnel { stage reached } studyToStage { stage medianDays } }
      then: diffusion(asOf: $asOf) { adoptions funnel { stage reached } provinces { adopters } }
    } } } } }`,
  variables: { asOf, after: null },
});

/** Issue 12's figures over a period (a new one each time: neither cache nor memo answers). */
const figuresOver = (from: string) => ({
  query: `query($p: DateRange) {
    topAdopters(filter: { period: $p }) { rank count regency { code name } }
    adoptionCurve(interval: MONTH, filter: { period: $p }) { adoptions periods { period adoptions cumulativeAdoptions } }
    timeToStage(filter: { period: $p }) { adoptions stages { stage medianDays q3Days } }
  }`,
  variables: { p: { from, to: '2026-01-01' } },
});

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);

async function eventLoopP99(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = /^nodejs_eventloop_lag_p99_seconds(?:\{[^}]*\})? ([\d.e+-]+)$/m.exec(text)?.[1];
  return Number(value ?? Number.NaN) * 1000;
}

export async function measureHeavyQueries(
  url: string,
  durationSeconds: number,
  clients = 8,
): Promise<HeavyQueryFigures> {
  if (clients === 0) log('idle baseline: /health probes only');
  const figures = { answered: 0, figures: 0, refused: 0, timedOut: 0 };
  let stop = false;
  let day = 0;
  const heavy = async (i: number) => {
    for (let round = i; !stop; round++) {
      // Each client sends in turn the issue's query, the heaviest admitted diffusions and issue
      // 12's figures, at ever new dates (so neither the response cache nor the memo answers).
      day++;
      const asOf = new Date(Date.UTC(2015, 0, 1) + (day % 3000) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const body = [{ query: ISSUE_QUERY }, admitted(asOf), figuresOver(asOf)][round % 3];
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as {
        errors?: Array<{ extensions?: { code?: string } }>;
      };
      const code = answer.errors?.[0]?.extensions?.code;
      if (code === 'QUERY_TOO_COSTLY') figures.refused++;
      else if (code === 'QUERY_TIMEOUT') figures.timedOut++;
      else if (code) throw new Error(`heavy query failed: ${JSON.stringify(answer.errors)}`);
      else {
        figures.answered++;
        if (round % 3 === 2) figures.figures++;
      }
    }
  };
  const probes: number[] = [];
  const health = async () => {
    while (!stop) {
      const started = performance.now();
      const response = await fetch(`${url}/health`);
      await response.arrayBuffer();
      probes.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const running = [...Array.from({ length: clients }, (_, i) => heavy(i)), health()];
  // Warm up one second, then reset the server's event-loop histogram (a scrape resets it).
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await eventLoopP99(url);
  probes.length = 0;
  Object.assign(figures, { answered: 0, figures: 0, refused: 0, timedOut: 0 });
  await new Promise((resolve) => setTimeout(resolve, durationSeconds * 1000));
  const loop = await eventLoopP99(url);
  stop = true;
  await Promise.all(running);
  const sorted = [...probes].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    ...figures,
    eventLoopP99Ms: round(loop),
    healthP50Ms: round(percentile(sorted, 50)),
    healthP99Ms: round(percentile(sorted, 99)),
    healthMaxMs: round(sorted.at(-1) ?? 0),
    healthProbes: sorted.length,
  };
}

/**
 * A bench server of its own: builds dist/, appends the synthetic dataset at `scale` to a fresh
 * data directory, starts the built server on it, calls `run` with its URL, and cleans up. With
 * `profile`, the server writes a CPU profile of its main thread to that directory when it stops.
 */
export async function withBenchServer(
  options: { scale: number; workers?: string | undefined; profile?: string | undefined },
  run: (url: string, events: number) => Promise<void>,
): Promise<void> {
  const root = projectRoot();
  const dataDir = mkdtempSync(join(tmpdir(), 'replika-heavy-'));
  let server: ChildProcess | undefined;
  try {
    log('building dist/ (tsc)');
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.bench.json'],
      { cwd: root, stdio: 'inherit' },
    );
    const codes = (await Regions.load()).regencies().map((r) => r.code);
    const dataset = generateDataset(shapeFor(options.scale, codes.length), codes);
    const store = new SqliteEventStore(join(dataDir, 'events.db'));
    let events = 0;
    const streams = [...dataset.innovations, ...dataset.streams];
    let next = 0;
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        for (let i = next++; i < streams.length; i = next++) {
          const s = streams[i];
          if (!s) continue;
          await store.append(s.stream, s.events, { expectedRevision: 'no_stream' });
          events += s.events.length;
        }
      }),
    );
    await store.close();
    log(`loaded ${events} events (scale ${options.scale}); starting the server`);
    const flags = options.profile ? ['--cpu-prof', '--cpu-prof-dir', options.profile] : [];
    const child = spawn(process.execPath, [...flags, 'dist/src/main.js'], {
      cwd: root,
      env: {
        ...process.env,
        ...serverEnv(dataDir),
        ...(options.workers ? { REPLIKA_ANALYTICS_WORKERS: options.workers } : {}),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    server = child;
    const port = await new Promise<number>((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        if (line.includes('replika is listening'))
          resolve((JSON.parse(line) as { port: number }).port);
      });
    });
    const url = `http://127.0.0.1:${port}`;
    // The server listens before it has caught up (and built its read indexes): measure after.
    const ready = () =>
      fetch(`${url}/ready`).then(
        (r) => r.status === 200,
        () => false, // a connection reset while it is busy starting: ask again
      );
    while (!(await ready())) await new Promise((resolve) => setTimeout(resolve, 200));
    log('the server is ready');
    await run(url, events);
  } finally {
    server?.removeAllListeners('exit');
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server?.kill('SIGTERM');
    if (server && server.exitCode === null) await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `--name value` from the command line. */
export const option = (name: string) => {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

/** This row alone, on a server of its own (see withBenchServer). */
async function main() {
  const scale = Number(option('scale') ?? 0.1);
  const duration = Number(option('duration') ?? 10);
  await withBenchServer(
    { scale, workers: option('workers'), profile: option('profile') },
    async (url, events) => {
      // The machine's own noise first (other processes share the cores): /health with no load.
      const idle = await measureHeavyQueries(url, Math.min(duration, 5), 0);
      const heavy: Record<string, HeavyQueryFigures> = {};
      for (const clients of [2, 8]) {
        log(`measuring ${duration} s of heavy queries sent continuously by ${clients} clients`);
        heavy[`${clients} clients`] = await measureHeavyQueries(url, duration, clients);
      }
      console.log(
        JSON.stringify(
          { scale, events, durationSeconds: duration, loadAverage: loadavg(), idle, heavy },
          null,
          2,
        ),
      );
    },
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
