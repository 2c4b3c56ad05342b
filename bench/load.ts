/** The query loads of a bench run: one POST body, 32 connections, autocannon. */
import autocannon from 'autocannon';
import { type Baseline, round } from './report.js';
import { CONNECTIONS } from './steps/context.js';

/**
 * Checks one answer to `body` with `check`, warms up for a second, then measures `duration`
 * seconds of requests; any error, non-2xx answer or timeout fails the run.
 */
export async function load(
  name: string,
  url: string,
  body: string,
  check: (response: unknown) => void,
  duration: number,
): Promise<Baseline> {
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

/** An answer the server gave with GraphQL errors fails the load's check. */
export const noErrors = (r: unknown) => {
  if ((r as { errors?: unknown }).errors) throw new Error(JSON.stringify(r));
};

/** The flagship question: Banyuwangi's innovations, who adopted each, how far. */
export const FLAGSHIP = JSON.stringify({
  query: `query Flagship { regency(code: "35.10") { name innovations { id name launchedOn
    adoptions { adopter { code name province { name } } stage maturity lastOccurredOn } } } }`,
});

export const adoptionsPage = (after: string | null) =>
  JSON.stringify({
    query: `query Page($after: String) {
      adoptions(filter: { provinceCode: "33", minStage: AGREED }, first: 20, after: $after) {
        totalCount
        edges { cursor node { adopter { code name } innovation { id name } stage maturity lastOccurredOn } }
        pageInfo { hasNextPage endCursor } } }`,
    variables: { after },
  });

/** POSTs one GraphQL body and answers the response (for a probe, not a load). */
export const post = (url: string, body: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
