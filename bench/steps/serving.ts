/**
 * Steps 4 and 5: cold start of the built server on the full log and an up-to-date read model,
 * then the flagship and a paged `adoptions` query under 32 connections beside their baselines (a
 * trivial graphql-yoga server, a bare node:http server, and node:http answering exactly the
 * flagship answer's bytes), all in child processes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { portOf, type Started, serverEnv } from '../children.js';
import { adoptionsPage, FLAGSHIP, load, noErrors, post } from '../load.js';
import { round } from '../report.js';
import type { BenchContext } from './context.js';

interface Flagship {
  data?: { regency: { innovations: Array<{ id?: string; adoptions: unknown[] }> } };
  errors?: unknown;
}

/** Starts the server and records the time to its first flagship answer. */
export async function startServer(
  { dataDir, scale, recorder, children }: BenchContext,
  loaded: number,
): Promise<{ server: Started; url: string; flagship: NonNullable<Flagship['data']> }> {
  const server = await children.spawn(
    [process.execPath, 'dist/src/main.js'],
    serverEnv(dataDir),
    (l) => l.includes('replika is listening'),
  );
  const url = `http://127.0.0.1:${portOf(server.line)}`;
  const flagship = (await (await post(`${url}/graphql`, FLAGSHIP)).json()) as Flagship;
  const coldMs = Number(process.hrtime.bigint() - server.startedAt) / 1e6;
  if (!flagship.data || flagship.errors)
    throw new Error(`flagship failed: ${JSON.stringify(flagship)}`);
  recorder.record({
    name: 'cold start to first answer',
    value: round(coldMs),
    unit: 'ms',
    goal: scale > 1 ? '<= 2000' : '<= 1500',
    note: `node dist/src/main.js on ${loaded} events, read model up to date`,
  });
  return { server, url, flagship: flagship.data };
}

/** The baselines the query goals are ratios to, each measured in a server of its own. */
async function measureBaselines(
  { dataDir, duration, recorder, children }: BenchContext,
  url: string,
) {
  const script = (file: string, ...rest: string[]) =>
    children.spawn([process.execPath, '--import', 'tsx', file, ...rest], {}, (l) =>
      l.startsWith('{'),
    );
  const yoga = await script('bench/baselines/yoga-trivial.ts');
  const bare = await script('bench/baselines/bare-http.ts');
  const yogaBase = await load(
    'trivial yoga',
    `http://127.0.0.1:${portOf(yoga.line)}/graphql`,
    JSON.stringify({ query: '{ hello }' }),
    (r) => {
      if (JSON.stringify(r) !== '{"data":{"hello":"world"}}') throw new Error('yoga baseline');
    },
    duration,
  );
  const bareBase = await load(
    'bare http',
    `http://127.0.0.1:${portOf(bare.line)}/`,
    '{}',
    () => {},
    duration,
  );
  recorder.baseline('graphql-yoga, trivial query', yogaBase);
  recorder.baseline('node:http, fixed body', bareBase);
  await children.stop(yoga.child);
  await children.stop(bare.child);
  // node:http answering exactly the bytes of the flagship's answer.
  const flagshipBytes = join(dataDir, 'flagship.json');
  const answer = await post(`${url}/graphql`, FLAGSHIP);
  writeFileSync(flagshipBytes, Buffer.from(await answer.arrayBuffer()));
  const bytes = await script('bench/baselines/bare-http.ts', flagshipBytes);
  const bytesBase = await load(
    'bare http, flagship bytes',
    `http://127.0.0.1:${portOf(bytes.line)}/`,
    '{}',
    () => {},
    duration,
  );
  recorder.baseline("node:http, the flagship answer's exact bytes", bytesBase);
  await children.stop(bytes.child);
  return { yogaBase, bytesBase };
}

/** The flagship and the adoptions page under load, and the flagship's ratios to its baselines. */
export async function measureQueries(context: BenchContext, url: string, adopters: number) {
  const { duration, recorder } = context;
  const { record } = recorder;
  const { yogaBase, bytesBase } = await measureBaselines(context, url);
  const flag1 = await load('flagship', `${url}/graphql`, FLAGSHIP, noErrors, duration);
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

  const page1 = (await (await post(`${url}/graphql`, adoptionsPage(null))).json()) as {
    data: { adoptions: { totalCount: number; pageInfo: { endCursor: string } } };
  };
  const page = await load(
    'adoptions page',
    `${url}/graphql`,
    adoptionsPage(page1.data.adoptions.pageInfo.endCursor),
    noErrors,
    duration,
  );
  record({
    name: 'adoptions query (province 33, >= AGREED, 2nd page of 20)',
    value: page.rps,
    unit: 'requests/s',
    note: `of ${page1.data.adoptions.totalCount} matching; p50 ${page.p50} ms, p99 ${page.p99} ms`,
  });
  record({ name: 'adoptions query p50 latency', value: page.p50, unit: 'ms' });
  record({ name: 'adoptions query p99 latency', value: page.p99, unit: 'ms' });
}
