import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.js';

/** The response cache in front of GraphQL, over real HTTP. */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.destroy());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body,
  });

const QUESTION = JSON.stringify({ query: '{ regency(code: "35.10") { innovations { id } } }' });

describe('the response cache', () => {
  it('answers a repeated question byte for byte from the cache', async () => {
    const first = await post(QUESTION);
    const second = await post(QUESTION);
    expect(first.headers.get('x-replika-cache')).toBe('MISS');
    expect(second.headers.get('x-replika-cache')).toBe('HIT');
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(second.headers.get('x-replika-read-position')).toBe(
      first.headers.get('x-replika-read-position'),
    );
    expect(await second.text()).toBe(await first.text());
  });

  it('does not keep answers with errors', async () => {
    const broken = JSON.stringify({ query: '{ adoptions(first: 9999) { totalCount } }' });
    await post(broken);
    const again = await post(broken);
    expect(again.headers.get('x-replika-cache')).toBe('MISS');
    expect(((await again.json()) as { errors: unknown[] }).errors).toHaveLength(1);
  });

  it('answers batches and min-position requests through GraphQL every time', async () => {
    const batch = `[${QUESTION},${QUESTION}]`;
    await post(batch);
    expect((await post(batch)).headers.get('x-replika-cache')).not.toBe('HIT');
    const fresh = { 'x-replika-min-position': '1' };
    await post(QUESTION, fresh);
    expect((await post(QUESTION, fresh)).headers.get('x-replika-cache')).toBe('MISS');
  });

  it('keys answers by the Authorization header and the Accept header', async () => {
    const withToken = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    await post(QUESTION, withToken);
    const hit = await post(QUESTION, withToken);
    expect(hit.headers.get('x-replika-cache')).toBe('HIT');
    const spec = { accept: 'application/graphql-response+json' };
    const other = await post(QUESTION, spec);
    expect(other.headers.get('x-replika-cache')).toBe('MISS');
    expect(other.headers.get('content-type')).toContain('application/graphql-response+json');
  });

  it('forgets everything once a new event moves the read model', async () => {
    await post(QUESTION);
    expect((await post(QUESTION)).headers.get('x-replika-cache')).toBe('HIT');
    const written = await server.gql(
      'mutation { registerInnovation(input: { originCode: "35.10", name: "Banyuwangi Festival" }) { id } }',
    );
    expect(written.errors).toBeUndefined();
    const after = await post(QUESTION);
    expect(after.headers.get('x-replika-cache')).toBe('MISS');
    expect(await after.text()).toContain('banyuwangi-banyuwangi-festival');
  });

  it('can be turned off', async () => {
    const off = await startServer({ env: { REPLIKA_RESPONSE_CACHE_MB: '0' } });
    try {
      const ask = () =>
        fetch(`${off.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: QUESTION,
        });
      await ask();
      expect((await ask()).headers.get('x-replika-cache')).toBe('MISS');
    } finally {
      await off.destroy();
    }
  });
});
