/**
 * The heaviest analyst questions under load: diffusion figures with time travel, the rankings and
 * the adoption curve (issue 12), each request a different point in time or period (so the response cache cannot answer them), and the server's
 * event-loop delay p99 over the run, read from its /metrics (prom-client resets the histogram at
 * each scrape: one scrape before the run, one after).
 *
 * `analystLoad` is called by `bench/steps/analysts.ts`; run these rows alone on a server of their
 * own with `npx tsx bench/analyst.ts [--scale 0.25] [--duration 10]
 * [--only topAdopters,adoptionCurve] [--profile DIR]` (a CPU profile of the server's main thread,
 * as in heavy-queries.ts).
 */
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { option, withBenchServer } from './heavy-queries.js';

export interface AnalystLoad {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  /** The server's event-loop delay p99 during the run, in ms. */
  loopP99: number;
  /** Requests that took longer than 10 s (not answered within the run). */
  timeouts: number;
}

async function loopDelayP99Ms(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const value = /^nodejs_eventloop_lag_p99_seconds(?:\{[^}]*\})? ([0-9.e+-]+)$/m.exec(text)?.[1];
  return Math.round(Number(value ?? Number.NaN) * 1e4) / 10;
}

const day = (random: number) =>
  new Date(Date.UTC(2016, 0, 1) + Math.floor(random * 3650) * 86_400_000)
    .toISOString()
    .slice(0, 10);

/** Bodies of the heaviest questions; `knownAfter` is an instant after the log was written. */
export function analystQuestions(innovationId: string, originCode: string, knownAfter: number) {
  const knownAt = () =>
    new Date(
      knownAfter + Math.floor(Math.random() * Math.max(1, Date.now() - knownAfter)),
    ).toISOString();
  return [
    {
      name: 'originDiffusion (Banyuwangi, every innovation) with knownAt + asOf',
      body: () =>
        JSON.stringify({
          query: `query ($o: ID!, $asOf: Date, $k: DateTime) { originDiffusion(originCode: $o, asOf: $asOf, knownAt: $k) {
            innovations adoptions adopters funnel { stage reached current } provinces { province { code } adopters }
            studyToStage { stage adoptions medianDays p75Days } perInnovation { adoptions funnel { stage reached } } } }`,
          variables: { o: originCode, asOf: day(Math.random()), k: knownAt() },
        }),
    },
    {
      name: 'diffusion (one innovation) with asOf + window',
      body: () => {
        const from = day(Math.random() * 0.5);
        return JSON.stringify({
          query: `query ($i: ID!, $asOf: Date, $w: DateRange, $k: DateTime) { diffusion(innovationId: $i, asOf: $asOf, window: $w, knownAt: $k) {
            adoptions funnel { stage reached current } provinces { adopters } studyToStage { stage medianDays p75Days } } }`,
          variables: {
            i: innovationId,
            asOf: day(0.5 + Math.random() * 0.5),
            w: { from, to: '2026-01-01' },
            k: knownAt(),
          },
        });
      },
    },
    {
      name: 'topAdopters (ranking of regencies) over a period',
      body: () =>
        JSON.stringify({
          query: `query ($p: DateRange) { topAdopters(minStage: AGREED, filter: { period: $p }, first: 20) {
            rank count regency { code name } } }`,
          variables: { p: { from: day(Math.random() * 0.5), to: day(0.5 + Math.random() * 0.5) } },
        }),
    },
    {
      name: 'adoptionCurve (national, by month) over a period',
      body: () =>
        JSON.stringify({
          query: `query ($p: DateRange) { adoptionCurve(stage: AGREED, interval: MONTH, filter: { period: $p }) {
            adoptions periods { period adoptions cumulativeAdoptions } } }`,
          variables: { p: { from: day(Math.random() * 0.5), to: day(0.5 + Math.random() * 0.5) } },
        }),
    },
  ];
}

export async function analystLoad(
  base: string,
  question: { name: string; body: () => string },
  connections: number,
  duration: number,
): Promise<AnalystLoad> {
  // The first figure over a period may time out while its worker reads the period index (more
  // than the 10 s budget at 4M events with a cold page cache; the worker is left to finish it):
  // asked again until answered, for a minute at most.
  for (let attempt = 1; ; attempt++) {
    const probe = (await (
      await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: question.body(),
      })
    ).json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    if (!probe.errors) break;
    if (probe.errors[0]?.extensions?.code !== 'QUERY_TIMEOUT' || attempt >= 6)
      throw new Error(`${question.name}: ${JSON.stringify(probe.errors)}`);
  }
  const options = {
    url: `${base}/graphql`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    connections,
    requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: question.body() }) }],
  };
  await autocannon({ ...options, duration: 1 });
  await loopDelayP99Ms(base); // resets the histogram
  const result = await autocannon({ ...options, duration });
  const loopP99 = await loopDelayP99Ms(base);
  // Requests slower than autocannon's 10 s timeout are a finding, reported with the row.
  if (result.non2xx || result.errors > result.timeouts)
    throw new Error(`${question.name}: ${result.errors} errors, ${result.non2xx} non-2xx`);
  return {
    name: question.name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    loopP99,
    timeouts: result.timeouts,
  };
}

/** These rows alone (see withBenchServer); `--only` keeps the questions whose name has a word. */
async function main() {
  const scale = Number(option('scale') ?? 0.25);
  const duration = Number(option('duration') ?? 10);
  const only = option('only')?.split(',');
  const loadedFrom = Date.now();
  const server = { scale, workers: option('workers'), profile: option('profile') };
  await withBenchServer(server, async (url) => {
    const list = (await (
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ regency(code: "35.10") { innovations { id } } }' }),
      })
    ).json()) as { data: { regency: { innovations: Array<{ id: string }> } } };
    const innovation = list.data.regency.innovations[0]?.id ?? '';
    const rows: AnalystLoad[] = [];
    for (const question of analystQuestions(innovation, '35.10', loadedFrom)) {
      if (only && !only.some((word) => question.name.includes(word))) continue;
      process.stderr.write(`[bench] ${question.name}: ${duration} s at 32 connections\n`);
      rows.push(await analystLoad(url, question, 32, duration));
    }
    console.log(JSON.stringify({ scale, durationSeconds: duration, rows }, null, 2));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
