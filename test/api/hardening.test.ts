import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits } from '../../src/graphql/hardening.js';
import { issueToken } from '../support/access.js';
import { startServer, type TestServer } from '../support/server.js';

/** Every limit of the GraphQL edge, as a client sees it: status, code, message, nothing run. */
describe('the hardened GraphQL edge', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ env: { RATE_LIMIT_PER_SECOND: '0' } });
  });
  afterAll(() => server.destroy());

  async function post(body: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: JSON.parse(text) };
  }

  /** A path of `depth` fields through small lists: regency → innovations → adoptions → … */
  const nested = (depth: number) => {
    const cycle = ['innovations', 'adoptions', 'innovation', 'origin'];
    const leafAfter = { innovations: 'id', adoptions: 'stage', innovation: 'id', origin: 'code' };
    let selection = leafAfter[cycle[(depth - 3) % 4] as keyof typeof leafAfter];
    for (let i = depth - 2; i >= 1; i--) selection = `${cycle[(i - 1) % 4]} { ${selection} }`;
    return `{ regency(code: "35.10") { ${selection} } }`;
  };

  it('answers the README queries and GraphiQL introspection within every limit', async () => {
    const readme = await server.gql(`{
      regency(code: "35.10") { name province { name } innovations { id name }
        studyVisitsHosted { visitor { name } startDate } }
      innovation(id: "banyuwangi-mal-pelayanan-publik") { name launchedOn
        adoptions(minStage: PILOTING) { adopter { name } stage } }
      adoptions(filter: { provinceCode: "16", minStage: AGREED }, first: 20) {
        totalCount
        edges { cursor node { adopter { name } innovation { name } stage maturity
          milestones { kind occurredOn recordedAt note retracted } } }
        pageInfo { hasNextPage endCursor } } }`);
    expect(readme.errors).toBeUndefined();
    expect(readme.data?.regency).toMatchObject({ name: 'Kabupaten Banyuwangi' });

    const introspection = await server.gql(
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      }),
    );
    expect(introspection.errors).toBeUndefined();
    expect(
      (introspection.data as { __schema: { types: unknown[] } }).__schema.types.length,
    ).toBeGreaterThan(20);
  });

  it('refuses a query deeper than the depth limit', async () => {
    const ok = await server.gql(nested(defaultLimits.maxDepth));
    expect(ok.errors).toBeUndefined();
    const { status, body } = await post(
      JSON.stringify({ query: nested(defaultLimits.maxDepth + 2) }),
    );
    // application/json answers request errors with 200, as GraphQL over HTTP says…
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: `Query depth limit of ${defaultLimits.maxDepth} exceeded, found ${defaultLimits.maxDepth + 2}.`,
        extensions: {
          code: 'QUERY_TOO_DEEP',
          limit: defaultLimits.maxDepth,
          found: defaultLimits.maxDepth + 2,
        },
      },
    ]);
    // …and application/graphql-response+json with 400.
    const strict = await post(JSON.stringify({ query: nested(defaultLimits.maxDepth + 2) }), {
      accept: 'application/graphql-response+json',
    });
    expect(strict.status).toBe(400);
    expect(strict.body.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from(
      { length: defaultLimits.maxAliases + 1 },
      (_, i) => `a${i}: regency(code: "35.10") { name }`,
    ).join(' ');
    const { status, body } = await post(JSON.stringify({ query: `{ ${aliases} }` }));
    expect(status).toBe(200);
    expect(body.errors[0].extensions).toMatchObject({
      code: 'TOO_MANY_ALIASES',
      limit: defaultLimits.maxAliases,
      found: defaultLimits.maxAliases + 1,
    });
    expect(body.errors[0].message).toMatch(/Aliases limit of 15 exceeded/);
  });

  it('refuses too many directives', async () => {
    const directives = Array.from(
      { length: defaultLimits.maxDirectives + 1 },
      () => '@include(if: true)',
    ).join(' ');
    const { status, body } = await post(
      JSON.stringify({ query: `{ regency(code: "35.10") { name ${directives} } }` }),
    );
    expect(status).toBe(200);
    expect(body.errors[0].extensions).toMatchObject({
      code: 'TOO_MANY_DIRECTIVES',
      limit: defaultLimits.maxDirectives,
      found: defaultLimits.maxDirectives + 1,
    });
  });

  it('refuses a document with too many tokens before parsing it all', async () => {
    const fields = Array.from({ length: defaultLimits.maxTokens }, () => 'name').join(' ');
    const { status, body } = await post(
      JSON.stringify({ query: `{ regency(code: "35.10") { ${fields} } }` }),
    );
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      {
        message: `Token limit of ${defaultLimits.maxTokens} exceeded.`,
        extensions: { code: 'TOO_MANY_TOKENS', limit: defaultLimits.maxTokens },
      },
    ]);
  });

  it('refuses a query whose cost is over the limit', async () => {
    const page = `adoptions(first: 500) { edges { node { adopter { name province { name } }
      innovation { name origin { name } } milestones { kind occurredOn recordedAt note
      evidence { kind title url reference } studyVisit { id leader host { name province { name } }
      innovations { name origin { name } } } } } } }`;
    // Each page is cheap enough alone; twelve of them (within the alias limit) are not.
    const query = `{ ${Array.from({ length: 12 }, (_, i) => `p${i}: ${page}`).join('\n')} }`;
    const { status, body } = await post(JSON.stringify({ query }));
    expect(status).toBe(200);
    expect(body.errors[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      limit: defaultLimits.maxCost,
    });
    expect(body.errors[0].extensions.found).toBeGreaterThan(defaultLimits.maxCost);
    expect(body.errors[0].message).toMatch(
      new RegExp(`Query Cost limit of ${defaultLimits.maxCost} exceeded, found`),
    );
  });

  it('refuses a request body over the size limit with 413', async () => {
    const query = `{ regency(code: "35.10") { name } } # ${'x'.repeat(defaultLimits.maxBodyBytes)}`;
    const { status, body } = await post(JSON.stringify({ query }));
    expect(status).toBe(413);
    expect(body.errors).toEqual([
      { message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } },
    ]);
  });

  it('runs a small batch and refuses one with too many operations', async () => {
    const op = { query: '{ regency(code: "35.10") { name } }' };
    const small = await post(JSON.stringify([op, op]));
    expect(small.status).toBe(200);
    expect(small.body).toEqual([
      { data: { regency: { name: 'Kabupaten Banyuwangi' } } },
      { data: { regency: { name: 'Kabupaten Banyuwangi' } } },
    ]);
    const head = await server.head();
    const mutation = {
      query: `mutation { registerInnovation(input: { originCode: "35.10", name: "Batch ${Date.now()}" }) { id } }`,
    };
    const big = await post(JSON.stringify(Array(defaultLimits.maxBatch + 1).fill(mutation)));
    expect(big.status).toBe(413);
    expect(big.body.errors).toEqual([
      {
        message: `a batched request may hold at most ${defaultLimits.maxBatch} operations, this one has ${defaultLimits.maxBatch + 1}`,
        extensions: {
          code: 'TOO_MANY_OPERATIONS',
          limit: defaultLimits.maxBatch,
          found: defaultLimits.maxBatch + 1,
        },
      },
    ]);
    expect(await server.head()).toBe(head);
  });

  it('stops a query that fans out past the list-item budget, with one error and no data', async () => {
    // Small as a document, huge as a result: 38 regencies per province, four levels deep.
    const query = `{ regency(code: "35.10") { province { regencies { province { regencies {
      province { regencies { province { regencies { code name } } } } } } } } } }`;
    const { status, body } = await post(JSON.stringify({ query }));
    expect(status).toBe(200);
    expect(body).toEqual({
      data: null,
      errors: [
        {
          message: `this query resolves more than ${defaultLimits.maxListItems} list items; ask for less (narrower filters, smaller pages)`,
          extensions: { code: 'RESULT_TOO_LARGE', limit: defaultLimits.maxListItems },
        },
      ],
    });
  });

  it('keeps introspection on', async () => {
    const result = await server.gql('{ __type(name: "Adoption") { fields { name } } }');
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).toContain('milestones');
  });
});

describe('per-client rate limiting', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({
      env: { RATE_LIMIT_PER_SECOND: '0.5', RATE_LIMIT_BURST: '3' },
    });
  });
  afterAll(() => server.destroy());

  const ask = (token?: string) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: '{ regency(code: "35.10") { name } }' }),
    });

  it('answers 429 RATE_LIMITED with Retry-After once a token spent its burst, per token', async () => {
    // Buckets belong to verified tokens (invented ones count against the address: edge-abuse.test.ts).
    const a = (await issueToken(server, { role: 'ANALYST' })).token;
    const b = (await issueToken(server, { role: 'ANALYST' })).token;
    for (let i = 0; i < 3; i++) expect((await ask(a)).status).toBe(200);
    const refused = await ask(a);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toEqual({
      errors: [
        {
          message:
            'rate limit exceeded: at most 0.5 requests per second (bursts of 3); retry in 2 s',
          extensions: { code: 'RATE_LIMITED', limit: 0.5, retryAfterSeconds: 2 },
        },
      ],
    });
    // Another token from the same address has its own bucket; so has a client without one.
    expect((await ask(b)).status).toBe(200);
    expect((await ask()).status).toBe(200);
  });

  it('leaves /health, /ready and /metrics out of the GraphQL rate limit', async () => {
    for (let i = 0; i < 5; i++) expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
