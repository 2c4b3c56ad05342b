/**
 * The "one request must not stall everyone" row of the benchmark: while clients send expensive
 * analytics queries continuously, how long the server's event loop is held (its own p99
 * event-loop delay, from prom-client's `nodejs_eventloop_lag_p99_seconds`, reset at each
 * scrape) and how fast `/health` answers a probe sent every 20 ms.
 *
 * `measureHeavyQueries` is called by `bench/run.ts`; run this row alone against a dataset it
 * builds itself with `npx tsx bench/heavy-queries.ts [--scale 0.1] [--duration 10]`.
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
import { generateDataset, shapeFor } from './dataset.js';

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

export interface HeavyQueryFigures {
  /** Heavy requests answered during the window, and how many were refused by the price limit. */
  answered: number;
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
  const figures = { answered: 0, refused: 0, timedOut: 0 };
  let stop = false;
  let day = 0;
  const heavy = async (i: number) => {
    while (!stop) {
      // Half the clients send the issue's query, half the heaviest admitted one at ever new dates
      // (so neither the response cache nor the figure memo answers them).
      day++;
      const asOf = new Date(Date.UTC(2015, 0, 1) + (day % 3000) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const body = i % 2 === 0 ? { query: ISSUE_QUERY } : admitted(asOf);
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
      else figures.answered++;
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
  Object.assign(figures, { answered: 0, refused: 0, timedOut: 0 });
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

/** This row alone: builds a dataset, starts the built server on it, measures, cleans up. */
async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const scale = Number(option('scale') ?? 0.1);
  const duration = Number(option('duration') ?? 10);
  const root = projectRoot();
  const dataDir = mkdtempSync(join(tmpdir(), 'replika-heavy-'));
  let server: ChildProcess | undefined;
  try {
    log('building dist/ (tsc)');
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.bench.json'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    const codes = (await Regions.load()).regencies().map((r) => r.code);
    const shape = shapeFor(scale, codes.length);
    const dataset = generateDataset(shape, codes);
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
    log(`loaded ${events} events (scale ${scale}); starting the server`);
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        REPLIKA_DEMO: 'false',
        LOG_LEVEL: 'info',
        RATE_LIMIT_PER_SECOND: '0',
        NODE_ENV: 'production',
        ...(option('workers') ? { REPLIKA_ANALYTICS_WORKERS: option('workers') } : {}),
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
  } finally {
    server?.removeAllListeners('exit');
    server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
