import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INNOVATIONS } from '../../src/demo/banyuwangi.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * One request must not stall everyone: expensive fields are priced, a query has a time budget,
 * and diffusion figures are computed on worker threads (their effect on the event loop is
 * measured by `npm run bench`, not here).
 */
const FOUR_DIFFUSIONS = `{
  adoptions(first: 500) { edges { node { innovation {
    a: diffusion { adoptions }
    b: diffusion(asOf: "2020-01-01") { adoptions }
    c: diffusion(window: { from: "2019-01-01", to: "2024-12-31" }) { adoptions }
    d: diffusion(knownAt: "2025-01-01T00:00:00Z") { adoptions }
  } } } }
}`;
const FIGURES = `{
  mpp: diffusion(innovationId: "${DEMO_INNOVATIONS.mpp}") {
    adoptions funnel { stage reached current } provinces { province { code } adopters }
    studyToStage { stage adoptions medianDays p75Days }
  }
  origin: originDiffusion(originCode: "35.10", asOf: "2024-06-30") {
    innovations adoptions adopters funnel { stage reached } perInnovation { adoptions }
  }
}`;
/** Issue 12's figures (a second request: with the diffusions they pass the price limit). */
const RANKED_FIGURES = `{
  topAdopters(minStage: STUDIED) { rank count regency { code } }
  topInnovations(filter: { period: { from: "2019-01-01" } }) { rank count innovation { id } }
  adoptionCurve(stage: STUDIED, interval: QUARTER) { adoptions adopters periods { period cumulativeAdopters } }
  timeToStage(from: STUDY_VISIT) { adoptions stages { stage medianDays } }
  studyVisits(ledToNothingAfterMonths: 1) { id startDate visitor { code } }
  diffusionNetwork(originCode: "35.10") { nodes { regency { code } } edges { kind from to date stage } }
}`;
/** The figures of both requests, as the pool counts them. */
const FIGURE_COUNT = 8;

describe('pricing expensive fields', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.destroy());

  it('refuses four diffusion variants per node of a 500-adoption page before running it', async () => {
    const response = await server.gql(FOUR_DIFFUSIONS);
    expect(response.status).toBe(200);
    expect(response.data).toBeUndefined();
    expect(response.errors).toHaveLength(1);
    const extensions = response.errors?.[0]?.extensions ?? {};
    expect(extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(extensions.limit).toBe(5_000);
    expect(extensions.found as number).toBeGreaterThan(500 * 4 * 100);
  });

  it('prices a list by its page, so one diffusion per page is cheap', async () => {
    const response = await server.gql(
      `{ adoptions(first: 20) { edges { node { stage innovation { diffusion { adoptions } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
  });

  it('answers figures from the worker threads, computing one shared figure once', async () => {
    const pool = server.replika.analyticsPool;
    expect(pool).toBeDefined();
    const before = { ...pool?.stats };
    const response = await server.gql<{
      adoptions: { edges: Array<{ node: { innovation: { diffusion: { adoptions: number } } } }> };
    }>(
      `{ adoptions(first: 40, filter: { innovationId: "${DEMO_INNOVATIONS.mpp}" }) { edges { node { innovation { diffusion(window: { from: "2001-01-01" }) { adoptions } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const rows = response.data?.adoptions.edges ?? [];
    expect(rows.length).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.node.innovation.diffusion.adoptions)).size).toBe(1);
    expect((pool?.stats.computed ?? 0) - (before.computed ?? 0)).toBe(1);
    expect((pool?.stats.shared ?? 0) - (before.shared ?? 0)).toBe(rows.length - 1);
  });

  it('answers the same figures on the workers as inline', async () => {
    const inline = await startServer({ env: { REPLIKA_ANALYTICS_WORKERS: '0' } });
    try {
      expect(inline.replika.analyticsPool).toBeUndefined();
      const pool = server.replika.analyticsPool;
      const asked = () => (pool?.stats.computed ?? 0) + (pool?.stats.shared ?? 0);
      const before = asked();
      for (const query of [FIGURES, RANKED_FIGURES]) {
        const expected = await inline.gql(query);
        expect(expected.errors).toBeUndefined();
        expect((await server.gql(query)).data).toEqual(expected.data);
      }
      // Every figure was computed by a worker (or shared from one), none on the request thread.
      expect(asked()).toBe(before + FIGURE_COUNT);
    } finally {
      await inline.destroy();
    }
  });
});

describe('the query time budget', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { MAX_QUERY_MS: '1' } });
  });
  afterAll(() => server.destroy());

  it('stops a query past its budget with one QUERY_TIMEOUT and no partial data', async () => {
    const response = await server.gql(
      '{ regencies { code name province { name regencies { code name } } } }',
    );
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TIMEOUT', limit: 1 });
    expect(response.errors?.[0]?.message).toMatch(/time budget of 1 ms/);
  });

  it('leaves mutations alone: a write is answered once appended', async () => {
    const response = await server.gql(
      'mutation { reportMilestone(input: { adopterCode: "73.71", innovationId: "banyuwangi-smart-kampung", kind: INTEREST_DECLARED, occurredOn: "2020-02-02" }) { stage milestones { kind } } }',
    );
    expect(response.errors).toBeUndefined();
  });
});

describe('a figure that outlives the time budget', () => {
  let server: TestServer;
  beforeAll(async () => {
    // The slow worker never answers timeToStage; every other figure is the real one.
    server = await startServer({
      env: { MAX_QUERY_MS: '5000' },
      replika: { analyticsWorker: new URL('../support/slow-analytics-worker.ts', import.meta.url) },
    });
  });
  afterAll(() => server.destroy());

  const curve = (interval: string) =>
    server.gql<{ adoptionCurve: { adoptions: number; periods: unknown[] } }>(
      `{ adoptionCurve(stage: STUDIED, interval: ${interval}) { adoptions periods { period } } }`,
    );

  it('answers QUERY_TIMEOUT, replaces its worker, and the next query is answered', async () => {
    const pool = server.replika.analyticsPool;
    if (!pool) throw new Error('the server runs no analytics workers');
    const warm = await curve('YEAR');
    expect(warm.errors).toBeUndefined();
    expect(pool.stats).toMatchObject({ started: 1, abandoned: 0 });

    const slow = await server.gql('{ timeToStage(from: STUDY_VISIT) { adoptions } }');
    expect(slow.data ?? null).toBeNull();
    expect(slow.errors).toHaveLength(1);
    expect(slow.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TIMEOUT', limit: 5000 });
    expect(pool.stats).toMatchObject({ started: 2, abandoned: 1 });

    await pool.whenReady();
    const computed = pool.stats.computed;
    const next = await curve('MONTH');
    expect(next.errors).toBeUndefined();
    expect(next.data?.adoptionCurve.adoptions).toBe(warm.data?.adoptionCurve.adoptions);
    const months = next.data?.adoptionCurve.periods.map((p) => (p as { period: string }).period);
    expect(months?.length).toBeGreaterThan(0);
    for (const month of months ?? []) expect(month).toMatch(/^\d{4}-\d{2}$/);
    expect(pool.stats.computed).toBe(computed + 1);
  }, 60_000);
});

describe('a period index read that outlives the time budget', () => {
  let server: TestServer;
  beforeAll(async () => {
    // The first ranking's worker reads the index for 12 s, past the 5 s budget.
    server = await startServer({
      env: { MAX_QUERY_MS: '5000' },
      replika: { analyticsWorker: new URL('../support/slow-index-worker.ts', import.meta.url) },
    });
  });
  afterAll(() => server.destroy());

  const ranking = () =>
    server.gql<{ topAdopters: Array<{ count: number }> }>(
      '{ topAdopters(filter: { period: { from: "2015-01-01", to: "2030-01-01" } }) { count } }',
    );

  it('answers QUERY_TIMEOUT at the deadline, lets the worker finish reading, and then answers', async () => {
    const pool = server.replika.analyticsPool;
    if (!pool) throw new Error('the server runs no analytics workers');
    const timed = async <T>(ask: () => Promise<T>) => {
      const started = performance.now();
      return { answer: await ask(), ms: performance.now() - started };
    };
    const [first, queued] = await Promise.all([
      timed(ranking),
      // Asked while the worker reads: it waits in the queue, and its query's budget answers it.
      new Promise((r) => setTimeout(r, 500)).then(() =>
        timed(() => server.gql('{ adoptionCurve(stage: STUDIED, interval: YEAR) { adoptions } }')),
      ),
    ]);
    expect(first.answer.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TIMEOUT',
      limit: 5000,
    });
    // Answered at its deadline, not when the 12 s read was over.
    expect(first.ms).toBeLessThan(11_000);
    expect(queued.answer.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TIMEOUT' });
    // The worker reading the index was left to finish, not replaced by one that reads it again.
    expect(pool.stats.started).toBe(1);
    expect(pool.stats.outwaited).toBeGreaterThan(0);

    // Once the read is over, the same worker answers (asked again while it still reads).
    let next = await ranking();
    for (let i = 0; next.errors && i < 5; i++) next = await ranking();
    expect(next.errors).toBeUndefined();
    expect(next.data?.topAdopters.length).toBeGreaterThan(0);
    expect(pool.stats.started).toBe(1);
  }, 60_000);
});
