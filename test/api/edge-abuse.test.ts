import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, revokeToken } from '../support/access.js';
import { startServer, type TestServer } from '../support/server.js';

/** What an outside client can do to the HTTP edge: invented tokens, foreign origins, the cache. */
const QUESTION = JSON.stringify({ query: '{ regency(code: "35.10") { name } }' });

const post = (server: TestServer, headers: Record<string, string> = {}, body = QUESTION) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body,
  });

describe('the rate limit belongs to a verified principal', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { RATE_LIMIT_PER_SECOND: '0.5', RATE_LIMIT_BURST: '5' } });
  });
  afterAll(() => server.destroy());

  it('counts invented, unknown and revoked tokens against the client address', async () => {
    const revoked = await issueToken(server, { role: 'ANALYST' });
    await revokeToken(server, revoked.id);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await post(server, { authorization: `Bearer invented-${i}` })).status);
    statuses.push((await post(server, { authorization: `Bearer ${revoked.token}` })).status);
    statuses.push((await post(server, { authorization: 'Basic not-even-bearer' })).status);
    statuses.push((await post(server)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    // A verified token has its own bucket, untouched by the address's.
    const analyst = await issueToken(server, { role: 'ANALYST' });
    expect((await post(server, { authorization: `Bearer ${analyst.token}` })).status).toBe(200);
  });
});

describe('CORS and the response cache', () => {
  let server: TestServer;
  const allowed = 'https://dashboard.kemendagri.example';
  beforeAll(async () => {
    server = await startServer({
      env: { REPLIKA_CORS_ORIGINS: `${allowed}, https://other.example` },
    });
  });
  afterAll(() => server.destroy());

  it('never reflects an origin that is not configured, and never allows credentials', async () => {
    const response = await post(server, { origin: 'https://evil.example' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a configured origin, on a preflight and on the request', async () => {
    const preflight = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: allowed,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('answers a cache hit with exactly the headers of the miss', async () => {
    const body = JSON.stringify({ query: '{ regency(code: "16.04") { name } }' });
    const miss = await post(server, { origin: allowed }, body);
    const hit = await post(server, { origin: allowed }, body);
    expect(miss.headers.get('x-replika-cache')).toBe('MISS');
    expect(hit.headers.get('x-replika-cache')).toBe('HIT');
    const headers = (r: Response) =>
      Object.fromEntries(
        [...r.headers].filter(
          ([name]) => !['date', 'x-replika-cache', 'keep-alive'].includes(name),
        ),
      );
    expect(headers(hit)).toEqual(headers(miss));
    expect(miss.headers.get('access-control-allow-origin')).toBe(allowed);
    // Another origin asking the same question gets its own (refused) CORS answer, not the cached one.
    const foreign = await post(server, { origin: 'https://evil.example' }, body);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the default CORS policy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.destroy());

  it('allows no foreign origin until one is configured', async () => {
    const response = await post(server, { origin: 'https://anyone.example' });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
